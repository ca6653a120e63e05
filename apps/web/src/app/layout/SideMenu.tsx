import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useSessionUser } from '../auth/useAuth';
import { useT } from '../i18n/useT';
import { visibleEntries } from './menu-entries';

/** The Sider menu: only the entries the user has permission for. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const user = useSessionUser();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const entries = visibleEntries(user.permissions);
  const selected = entries.find((e) => e.path !== '/' && pathname.startsWith(e.path))?.path ?? pathname;

  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      items={entries.map((e) => ({
        key: e.path,
        icon: e.icon,
        label: <span data-testid={`menu-${e.id}`}>{t(e.label)}</span>,
      }))}
    />
  );
}
