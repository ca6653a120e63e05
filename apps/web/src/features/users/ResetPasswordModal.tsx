import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { passwordCodeFields, showFormError } from '../../app/api/form-errors';
import type { UserView } from '../../app/api/types';
import { meetsPolicyFloor, minCharClasses, minPasswordLength } from '../../app/auth/password-policy';
import { useT } from '../../app/i18n/useT';
import { useResetPassword } from './api';

interface ResetForm {
  newPassword: string;
  confirm: string;
}

/** Sets a new initial password; the user must change it at the next login. */
export function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetForm>();
  const reset = useResetPassword();

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const submit = (v: ResetForm) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, newPassword: v.newPassword, version: user.version },
      {
        onSuccess: () => {
          message.success(t('users.passwordReset', { name: user.username }));
          onClose();
        },
        onError: (error) => showFormError(form, error, passwordCodeFields('newPassword')),
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={t('users.resetTitle', { name: user?.username ?? '' })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Alert type="info" showIcon title={t('users.resetHelp')} style={{ marginBottom: 16 }} />
      <Form<ResetForm> form={form} layout="vertical" onFinish={submit} data-testid="reset-password-form">
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.policy', { length: minPasswordLength, classes: minCharClasses })}
          rules={[
            { required: true, message: t('common.required') },
            {
              validator: (_, value: string | undefined) =>
                !value || meetsPolicyFloor(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.weak'))),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
