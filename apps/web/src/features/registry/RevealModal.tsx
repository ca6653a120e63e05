import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { showFormError } from '../../app/api/form-errors';
import { useCan } from '../../app/auth/useAuth';
import { useT } from '../../app/i18n/useT';
import { useReveal } from './api';
import type { RevealField } from './types';

const quickReasons = [
  'registry.reveal.reason.verify',
  'registry.reveal.reason.case',
  'registry.reveal.reason.call',
] as const;

/**
 * 查看明文: the reason is asked first, then the value is shown once, with the notice that the viewing is
 * recorded in the audit log. Closing the modal forgets the value.
 */
function RevealModal({
  personId,
  field,
  personName,
  onClose,
}: {
  personId: string;
  field: RevealField | null;
  personName: string;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useReveal();
  const [value, setValue] = useState<string | null>(null);
  const open = field !== null;

  /** The value and the reason are forgotten as the modal closes. */
  const close = () => {
    setValue(null);
    reveal.reset();
    form.resetFields();
    onClose();
  };

  const fieldName = field === 'phone' ? t('registry.person.phone') : t('registry.person.idNumber');
  const submit = ({ reason }: { reason: string }) =>
    reveal.mutate(
      { id: personId, field: field!, reason: reason.trim() },
      { onSuccess: (answer) => setValue(answer.value), onError: (e) => showFormError(form, e) },
    );

  return (
    <Modal
      open={open}
      title={t('registry.reveal.title', { field: fieldName, name: personName })}
      onCancel={close}
      destroyOnHidden
      footer={
        value === null ? (
          <Space>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={reveal.isPending}
              onClick={() => form.submit()}
              data-testid="reveal-submit"
            >
              {t('registry.reveal.submit')}
            </Button>
          </Space>
        ) : (
          <Button type="primary" onClick={close} data-testid="reveal-close">
            {t('registry.reveal.done')}
          </Button>
        )
      }
    >
      {value === null ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            icon={<SafetyCertificateOutlined />}
            title={t('registry.reveal.notice')}
          />
          <Form form={form} layout="vertical" onFinish={submit} name="reveal" data-testid="reveal-form">
            <Form.Item
              name="reason"
              label={t('registry.reveal.reason')}
              rules={[
                { required: true, whitespace: true, message: t('registry.reveal.reasonRequired') },
                { min: 2, message: t('registry.reveal.reasonRequired') },
              ]}
              extra={
                <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
                  {quickReasons.map((key) => (
                    <Tag
                      key={key}
                      style={{ cursor: 'pointer' }}
                      onClick={() => form.setFieldsValue({ reason: t(key) })}
                    >
                      {t(key)}
                    </Tag>
                  ))}
                </Space>
              }
            >
              <Input.TextArea
                rows={2}
                maxLength={200}
                placeholder={t('registry.reveal.reasonPlaceholder')}
                data-testid="reveal-reason"
              />
            </Form.Item>
          </Form>
        </Space>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text copyable className="mz-revealed" data-testid="revealed-value">
            {value || '—'}
          </Typography.Text>
          <Alert
            type="warning"
            showIcon
            title={t('registry.reveal.recorded')}
            data-testid="reveal-recorded"
          />
        </Space>
      )}
    </Modal>
  );
}

/** A masked value with its 显示 button (person.reveal), which asks for a reason before showing it. */
export function SensitiveValue({
  personId,
  personName,
  field,
  masked,
}: {
  personId: string;
  personName: string;
  field: RevealField;
  masked: string | null;
}) {
  const t = useT();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Typography.Text style={{ fontFamily: 'monospace' }} data-testid={`${field}-masked`}>
        {masked}
      </Typography.Text>
      {can('person.reveal') && (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          onClick={() => setOpen(true)}
          data-testid={`reveal-${field}`}
        >
          {t('registry.reveal.show')}
        </Button>
      )}
      <RevealModal
        personId={personId}
        personName={personName}
        field={open ? field : null}
        onClose={() => setOpen(false)}
      />
    </Space>
  );
}
