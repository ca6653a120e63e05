import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { passwordCodeFields, showFormError } from '../api/form-errors';
import type { Ok } from '../api/types';
import { useT } from '../i18n/useT';
import { meetsPolicyFloor, minCharClasses, minPasswordLength } from './password-policy';
import { useAuth, useSessionUser } from './useAuth';

interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password; forced (and alone on screen) while the initial password is in use. */
export function ChangePasswordPage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordForm>();
  const user = useSessionUser();
  const { refresh } = useAuth();
  const navigate = useNavigate();

  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: ChangePasswordForm) =>
      api.post<Ok>('/auth/password', { currentPassword, newPassword }),
    meta: { silent: true },
    onSuccess: async () => {
      message.success(t('password.changed'));
      form.resetFields();
      await refresh();
      navigate('/', { replace: true });
    },
    onError: (error) =>
      showFormError(form, error, {
        ...passwordCodeFields('newPassword'),
        AUTH_WRONG_CURRENT_PASSWORD: 'currentPassword',
      }),
  });

  return (
    <Card title={t('password.title')} style={{ maxWidth: 520, margin: '0 auto' }}>
      {user.mustChangePassword && (
        <Alert type="warning" showIcon title={t('password.forced')} style={{ marginBottom: 12 }} />
      )}
      <Alert
        type="info"
        showIcon
        title={t('password.policy', { length: minPasswordLength, classes: minCharClasses })}
        style={{ marginBottom: 16 }}
      />
      <Form<ChangePasswordForm> form={form} layout="vertical" onFinish={(values) => change.mutate(values)}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[
            { required: true, message: t('common.required') },
            {
              validator: (_, value: string | undefined) =>
                !value || meetsPolicyFloor(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.weak'))),
            },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value !== getFieldValue('currentPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.sameAsOld'))),
            }),
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
        <Button
          type="primary"
          htmlType="submit"
          loading={change.isPending}
          data-testid="change-password-submit"
        >
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
