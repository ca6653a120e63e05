import { useState } from 'react';
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useRoleNames } from '../../app/access/roles';
import type { UserView } from '../../app/api/types';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { useUsers } from './api';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { UserStatusTags } from './UserStatusTags';

/**
 * Column widths: together about the table's width at 1280 px beside the menu, so nothing scrolls there and
 * nothing runs into the next column; wider screens share the extra width out. Tags wrap inside their cell.
 */
const widths = {
  username: 110,
  displayName: 90,
  roles: 190,
  scope: 110,
  status: 130,
  lastLogin: 160,
  actions: 180,
};
const tableWidth = Object.values(widths).reduce((sum, w) => sum + w, 0);

/** 用户管理: accounts within the manager's scope. */
export function UsersPage() {
  const t = useT();
  const roleName = useRoleNames();
  const [q, setQ] = useState('');
  const users = useUsers(q);
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];
  const [editing, setEditing] = useState<{ user: UserView | null } | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ user: null })}
          data-testid="user-create"
        >
          {t('users.create')}
        </Button>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Input.Search
          data-testid="user-search"
          allowClear
          placeholder={t('users.searchPlaceholder')}
          enterButton={t('common.search')}
          onSearch={(value) => setQ(value.trim())}
          style={{ maxWidth: 420 }}
        />
        <Table<UserView>
          data-testid="users-table"
          size="small"
          rowKey="id"
          loading={users.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: tableWidth }}
          columns={[
            { title: t('users.username'), dataIndex: 'username', width: widths.username },
            { title: t('users.displayName'), dataIndex: 'displayName', width: widths.displayName },
            {
              title: t('users.roles'),
              dataIndex: 'roles',
              width: widths.roles,
              render: (_: unknown, u) => (
                <Space size={[0, 4]} wrap className="mz-tags">
                  {u.roles.map((r) => (
                    <Tag key={r}>{roleName(r)}</Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('users.scope'), dataIndex: 'scopeName', width: widths.scope },
            {
              title: t('users.status'),
              key: 'status',
              width: widths.status,
              render: (_: unknown, u) => <UserStatusTags user={u} />,
            },
            {
              title: t('users.lastLogin'),
              dataIndex: 'lastLoginAt',
              width: widths.lastLogin,
              render: (v: string | null) =>
                formatDateTime(v) || <Typography.Text type="secondary">—</Typography.Text>,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: widths.actions,
              fixed: 'right',
              render: (_: unknown, u) => (
                <Space size={0} wrap>
                  <Button
                    size="small"
                    type="link"
                    icon={<EditOutlined />}
                    onClick={() => setEditing({ user: u })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button size="small" type="link" icon={<KeyOutlined />} onClick={() => setResetting(u)}>
                    {t('users.resetPassword')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
        <div className="mz-load-more">
          {users.hasNextPage ? (
            <Button
              onClick={() => void users.fetchNextPage()}
              loading={users.isFetchingNextPage}
              data-testid="load-more"
            >
              {t('common.loadMore')}
            </Button>
          ) : (
            rows.length > 0 && (
              <Typography.Text type="secondary">{t('common.loaded', { count: rows.length })}</Typography.Text>
            )
          )}
        </div>
      </Space>
      <UserFormModal open={editing !== null} user={editing?.user ?? null} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
