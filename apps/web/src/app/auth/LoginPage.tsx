import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { applyFieldErrors } from '../api/form-errors';
import type { LoginResponse } from '../api/types';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useT } from '../i18n/useT';
import { ProductName } from '../layout/ProductName';
import { useAuth } from './useAuth';
import './login.css';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const [form] = Form.useForm<LoginForm>();
  const { user, endReason, signedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;

  const login = useMutation({
    mutationFn: (values: LoginForm) => api.post<LoginResponse>('/auth/login', values),
    meta: { silent: true },
    onSuccess: (response) => {
      signedIn(response);
      navigate(response.mustChangePassword ? '/change-password' : (from ?? '/'), { replace: true });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  if (user && !login.isPending)
    return <Navigate to={user.mustChangePassword ? '/change-password' : '/'} replace />;

  return (
    <div className="mz-login">
      <div className="mz-login-lang">
        <LanguageSwitch />
      </div>
      <Card className="mz-login-card">
        <div className="mz-login-title">
          <ProductName />
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        {endReason && !login.error && (
          <Alert
            data-testid="session-expired"
            data-reason={endReason}
            type="warning"
            showIcon
            title={t(endReason === 'expired' ? 'login.expired' : 'login.ended')}
          />
        )}
        {login.error && <Alert data-testid="login-error" type="error" showIcon title={login.error.message} />}
        <Form<LoginForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => login.mutate(values)}
          className="mz-login-form"
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
