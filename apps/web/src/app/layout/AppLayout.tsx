import { Suspense, useState } from 'react';
import { Button, Layout, Spin } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Outlet } from 'react-router';
import { useSessionUser } from '../auth/useAuth';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { WorkingRegionProvider } from '../region/WorkingRegionProvider';
import { ForcedPasswordShell } from './ForcedPasswordShell';
import { HeaderRegionPicker } from './HeaderRegionPicker';
import { ProductName } from './ProductName';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';
import './layout.css';

/** Sider menu + header (product, working region, language, user) around the page. */
export function AppLayout() {
  const user = useSessionUser();
  const [collapsed, setCollapsed] = useState(false);
  const [narrow, setNarrow] = useState(false);

  if (user.mustChangePassword) return <ForcedPasswordShell />;

  return (
    <WorkingRegionProvider scopeCode={user.scopeCode}>
      <Layout className="mz-shell">
        <Layout.Sider
          className={narrow ? 'mz-sider mz-sider-overlay' : 'mz-sider'}
          breakpoint="lg"
          collapsedWidth={narrow ? 0 : 64}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          onBreakpoint={(broken) => {
            setNarrow(broken);
            setCollapsed(broken);
          }}
          trigger={null}
          width={208}
        >
          <SideMenu onNavigate={() => narrow && setCollapsed(true)} />
        </Layout.Sider>
        {narrow && !collapsed && <div className="mz-sider-backdrop" onClick={() => setCollapsed(true)} />}
        <Layout>
          <Layout.Header className="mz-header">
            <Button
              type="text"
              aria-label="menu"
              data-testid="menu-toggle"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
            />
            <ProductName />
            <HeaderRegionPicker />
            <span className="mz-header-spacer" />
            <LanguageSwitch />
            <UserMenu />
          </Layout.Header>
          <Layout.Content className="mz-content">
            <Suspense fallback={<Spin className="mz-page-spin" />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </WorkingRegionProvider>
  );
}
