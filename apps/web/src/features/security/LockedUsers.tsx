import { Button, Popconfirm, Table } from 'antd';
import { UnlockOutlined } from '@ant-design/icons';
import type { UserView } from '../../app/api/types';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { useLockedUsers, useUnlockUser } from './api';

/** Accounts locked after too many failed logins. */
export function LockedUsers() {
  const t = useT();
  const locked = useLockedUsers();
  const unlock = useUnlockUser();
  return (
    <Table<UserView>
      data-testid="locked-users"
      size="small"
      rowKey="id"
      loading={locked.isPending}
      dataSource={locked.data ?? []}
      pagination={false}
      scroll={{ x: 600 }}
      locale={{ emptyText: t('security.noLocked') }}
      columns={[
        { title: t('users.username'), dataIndex: 'username' },
        { title: t('users.displayName'), dataIndex: 'displayName' },
        { title: t('users.scope'), dataIndex: 'scopeName' },
        {
          title: t('security.lockedUntil'),
          dataIndex: 'lockedUntil',
          render: (v: string | null) => formatDateTime(v),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 110,
          render: (_: unknown, u) => (
            <Popconfirm
              title={t('security.unlockConfirm', { name: u.username })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => unlock.mutateAsync(u.id)}
            >
              <Button size="small" icon={<UnlockOutlined />}>
                {t('security.unlock')}
              </Button>
            </Popconfirm>
          ),
        },
      ]}
    />
  );
}
