import { useState } from 'react';
import { Alert, Button, DatePicker, Form, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { useWorkingDays } from './api';

interface CalcForm {
  from: Dayjs;
  days: number;
}

/** From date + N working days → date, as the server's calendar counts them. */
export function WorkingDayCalculator() {
  const t = useT();
  const [params, setParams] = useState<{ from: string; days: number } | null>(null);
  const result = useWorkingDays(params);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form<CalcForm>
        layout="inline"
        initialValues={{ from: dayjs(), days: 10 }}
        onFinish={(v) => setParams({ from: toIsoDate(v.from), days: v.days })}
        data-testid="working-days-form"
      >
        <Form.Item
          name="from"
          label={t('calendar.calc.from')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item
          name="days"
          label={t('calendar.calc.days')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={-400} max={400} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={result.isFetching}>
            {t('calendar.calc.submit')}
          </Button>
        </Form.Item>
      </Form>
      {params && result.data && (
        <Alert
          data-testid="working-days-result"
          type="success"
          showIcon
          title={t('calendar.calc.result', {
            from: params.from,
            days: params.days,
            date: result.data.date,
            weekday: dayjs(result.data.date).format('dddd'),
          })}
        />
      )}
      <Typography.Text type="secondary">{t('calendar.calc.help')}</Typography.Text>
    </Space>
  );
}
