import { useEffect } from 'react';
import { App, Button, Col, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { showFormError } from '../../app/api/form-errors';
import type { SecurityPolicyUpdate } from '../../app/api/types';
import { formatDateTime } from '../../app/format';
import type { MessageKey } from '../../app/i18n/dictionary';
import { useT } from '../../app/i18n/useT';
import { usePolicy, useUpdatePolicy } from './api';

/** The bounds are those of securityPolicyUpdate in the contracts (MLPS level 3 floors). */
const fields: {
  name: keyof SecurityPolicyUpdate;
  label: MessageKey;
  unit: MessageKey | null;
  min: number;
  max: number;
}[] = [
  {
    name: 'minPasswordLength',
    label: 'security.minPasswordLength',
    unit: 'security.unit.chars',
    min: 8,
    max: 64,
  },
  { name: 'minCharClasses', label: 'security.minCharClasses', unit: 'security.unit.classes', min: 3, max: 4 },
  {
    name: 'maxFailedLogins',
    label: 'security.maxFailedLogins',
    unit: 'security.unit.times',
    min: 3,
    max: 10,
  },
  {
    name: 'lockoutMinutes',
    label: 'security.lockoutMinutes',
    unit: 'security.unit.minutes',
    min: 1,
    max: 1440,
  },
  {
    name: 'idleTimeoutMinutes',
    label: 'security.idleTimeoutMinutes',
    unit: 'security.unit.minutes',
    min: 5,
    max: 240,
  },
  {
    name: 'passwordMaxAgeDays',
    label: 'security.passwordMaxAgeDays',
    unit: 'security.unit.days',
    min: 0,
    max: 365,
  },
];

export function PolicyForm() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SecurityPolicyUpdate>();
  const policy = usePolicy();
  const update = useUpdatePolicy();

  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  if (policy.isPending) return <Skeleton active />;

  return (
    <Form<SecurityPolicyUpdate>
      form={form}
      layout="vertical"
      data-testid="policy-form"
      onFinish={(values) =>
        update.mutate(values, {
          onSuccess: () => message.success(t('common.saved')),
          onError: (error) => showFormError(form, error),
        })
      }
    >
      <Row gutter={16}>
        {fields.map((f) => (
          <Col key={f.name} xs={24} sm={12} lg={8}>
            <Form.Item
              name={f.name}
              label={t(f.label)}
              extra={t('security.range', { min: f.min, max: f.max })}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber
                min={f.min}
                max={f.max}
                precision={0}
                suffix={f.unit ? t(f.unit) : undefined}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary">{t('security.passwordMaxAgeHelp')}</Typography.Paragraph>
      {policy.data && (
        <Typography.Paragraph type="secondary">
          {t('security.validFrom', { time: formatDateTime(policy.data.validFrom) })}
        </Typography.Paragraph>
      )}
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
