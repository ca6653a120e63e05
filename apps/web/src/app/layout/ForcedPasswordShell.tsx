import { Suspense } from 'react';
import { Button, Layout, Spin } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Outlet, useNavigate } from 'react-router';
import { useAuth } from '../auth/useAuth';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useT } from '../i18n/useT';
import { ProductName } from './ProductName';
import './layout.css';

/** While the initial password must be changed: no menu, no region picker, only this page and log out. */
export function ForcedPasswordShell() {
  const t = useT();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  return (
    <Layout className="mz-shell">
      <Layout.Header className="mz-header">
        <ProductName />
        <span className="mz-header-spacer" />
        <LanguageSwitch />
        <Button
          type="text"
          icon={<LogoutOutlined />}
          onClick={() => void signOut().then(() => navigate('/login'))}
        >
          {t('user.logout')}
        </Button>
      </Layout.Header>
      <Layout.Content className="mz-content">
        <Suspense fallback={<Spin className="mz-page-spin" />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
