import { Avatar, Dropdown, Space, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useAuth, useSessionUser } from '../auth/useAuth';
import { useT } from '../i18n/useT';

/** Display name + scope; change password; log out. */
export function UserMenu() {
  const t = useT();
  const user = useSessionUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('user.changePassword') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'password') navigate('/change-password');
          if (key === 'logout') void signOut().then(() => navigate('/login'));
        },
      }}
    >
      <a data-testid="user-menu" className="mz-user-menu" onClick={(e) => e.preventDefault()}>
        <Space size={8}>
          <Avatar size="small" icon={<UserOutlined />} />
          <span className="mz-user-menu-text">
            <Typography.Text strong>{user.displayName}</Typography.Text>
            <Typography.Text type="secondary" className="mz-user-menu-scope">
              {user.scopeName}
            </Typography.Text>
          </span>
        </Space>
      </a>
    </Dropdown>
  );
}
