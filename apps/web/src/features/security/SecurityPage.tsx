import { Card, Space } from 'antd';
import { useT } from '../../app/i18n/useT';
import { ActiveSessions } from './ActiveSessions';
import { LockedUsers } from './LockedUsers';
import { PolicyForm } from './PolicyForm';

/** 安全管理 (security administrator): policy, locked accounts, sessions. */
export function SecurityPage() {
  const t = useT();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('security.policy')}>
        <PolicyForm />
      </Card>
      <Card title={t('security.lockedUsers')}>
        <LockedUsers />
      </Card>
      <Card title={t('security.sessions')}>
        <ActiveSessions />
      </Card>
    </Space>
  );
}
