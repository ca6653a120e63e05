import { Card, Space } from 'antd';
import { useCan } from '../../app/auth/useAuth';
import { useT } from '../../app/i18n/useT';
import { ActiveSessions } from './ActiveSessions';
import { LockedUsers } from './LockedUsers';
import { PolicyForm } from './PolicyForm';

/** 安全管理 (security administrator): policy, locked accounts (security.unlock), sessions (security.sessions). */
export function SecurityPage() {
  const t = useT();
  const can = useCan();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('security.policy')}>
        <PolicyForm />
      </Card>
      {can('security.unlock') && (
        <Card title={t('security.lockedUsers')}>
          <LockedUsers />
        </Card>
      )}
      {can('security.sessions') && (
        <Card title={t('security.sessions')}>
          <ActiveSessions />
        </Card>
      )}
    </Space>
  );
}
