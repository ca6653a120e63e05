import { useEffect, useMemo } from 'react';
import { App, AutoComplete, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { showFormError } from '../../app/api/form-errors';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { useRecordDeath } from './api';
import type { PersonView } from './types';

interface DeathForm {
  deathDate: Dayjs;
  source: string;
}

const sources = [
  'registry.death.source.police',
  'registry.death.source.hospital',
  'registry.death.source.funeral',
  'registry.death.source.village',
] as const;

/** 登记死亡: one record reaches every programme the person is in. */
export function DeathModal({ person, onClose }: { person: PersonView | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeathForm>();
  const death = useRecordDeath();
  const options = useMemo(() => sources.map((key) => ({ value: t(key) })), [t]);

  useEffect(() => {
    if (person) form.resetFields();
  }, [person, form]);

  const submit = (v: DeathForm) => {
    if (!person) return;
    death.mutate(
      { id: person.id, deathDate: toIsoDate(v.deathDate), source: v.source.trim(), version: person.version },
      {
        onSuccess: () => {
          message.success(t('registry.death.done', { name: person.name }));
          onClose();
        },
        onError: (e) => showFormError(form, e),
      },
    );
  };

  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      open={person !== null}
      title={t('registry.death.title', { name: person?.name ?? '' })}
      okText={t('registry.death.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={death.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('registry.death.help')}</Typography.Paragraph>
      <Form<DeathForm> form={form} layout="vertical" onFinish={submit} name="death" data-testid="death-form">
        <Form.Item name="deathDate" label={t('registry.death.date')} rules={[required]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) =>
              d.isAfter(dayjs(), 'day') || (person !== null && d.isBefore(dayjs(person.birthDate), 'day'))
            }
          />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('registry.death.source')}
          rules={[{ ...required, whitespace: true }]}
          extra={t('registry.death.sourceHelp')}
        >
          <AutoComplete options={options} maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
