import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { showFormError } from '../../app/api/form-errors';
import type { CalendarDayView } from '../../app/api/types';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { useSaveCalendarDay } from './api';

interface DayForm {
  date: Dayjs;
  kind: CalendarDayView['kind'];
  name: string;
}

/** Add a special day (`day` null) or edit one (its date stays). */
export function CalendarDayModal({
  open,
  day,
  year,
  onClose,
}: {
  open: boolean;
  day: CalendarDayView | null;
  year: number;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<DayForm>();
  const save = useSaveCalendarDay();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (day) form.setFieldsValue({ date: dayjs(day.date), kind: day.kind, name: day.name });
    else form.setFieldsValue({ kind: 'holiday' });
  }, [open, day, form]);

  const submit = (values: DayForm) =>
    save.mutate(
      { date: toIsoDate(values.date), kind: values.kind, name: values.name.trim() },
      { onSuccess: onClose, onError: (error) => showFormError(form, error) },
    );

  return (
    <Modal
      open={open}
      title={day ? t('calendar.editTitle', { date: day.date }) : t('calendar.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<DayForm> form={form} layout="vertical" onFinish={submit} data-testid="calendar-day-form">
        <Form.Item
          name="date"
          label={t('calendar.date')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker disabled={!!day} defaultPickerValue={dayjs(`${year}-01-01`)} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('calendar.kind')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Radio.Group
            options={[
              { value: 'holiday', label: t('calendar.kind.holiday') },
              { value: 'workday', label: t('calendar.kind.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={64} placeholder={t('calendar.namePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
