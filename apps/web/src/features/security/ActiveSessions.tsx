import { Button, Popconfirm, Table } from 'antd';
import { DisconnectOutlined } from '@ant-design/icons';
import type { SessionView } from '../../app/api/types';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { useRevokeSession, useSessions } from './api';

/** Sessions still alive; revoking one logs that user out at their next request. */
export function ActiveSessions() {
  const t = useT();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  return (
    <Table<SessionView>
      data-testid="active-sessions"
      size="small"
      rowKey="id"
      loading={sessions.isPending}
      dataSource={sessions.data ?? []}
      pagination={false}
      scroll={{ x: 700 }}
      columns={[
        { title: t('users.username'), dataIndex: 'username' },
        { title: t('security.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
        { title: t('security.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
        {
          title: t('security.lastSeenAt'),
          dataIndex: 'lastSeenAt',
          render: (v: string) => formatDateTime(v),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 110,
          render: (_: unknown, s) => (
            <Popconfirm
              title={t('security.revokeConfirm', { name: s.username })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => revoke.mutateAsync(s.id)}
            >
              <Button size="small" danger icon={<DisconnectOutlined />}>
                {t('security.revoke')}
              </Button>
            </Popconfirm>
          ),
        },
      ]}
    />
  );
}
