import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { AuditView } from '../../app/api/types';
import { formatDateTime } from '../../app/format';
import type { MessageKey } from '../../app/i18n/dictionary';
import { useT } from '../../app/i18n/useT';
import { useAudit, type AuditFilters } from './api';
import { AuditChange } from './AuditChange';
import { AuditFilterBar } from './AuditFilterBar';
import { VerifyChain } from './VerifyChain';

const outcomeLook: Record<AuditView['outcome'], { color: string; label: MessageKey }> = {
  success: { color: 'green', label: 'audit.outcome.success' },
  failure: { color: 'red', label: 'audit.outcome.failure' },
  denied: { color: 'orange', label: 'audit.outcome.denied' },
};

/**
 * Actor names the server writes for itself: `system` (start-up, jobs) and `cli` (`minzheng` commands).
 * Such rows carry no actor id and no address; a failed login naming an unknown user "system" has an address.
 */
const ownActors = new Map<string, MessageKey>([
  ['system', 'audit.actor.system'],
  ['cli', 'audit.actor.cli'],
]);

function ownActorLabel(entry: AuditView): MessageKey | null {
  if (entry.actorName === null) return 'audit.actor.system';
  if (entry.actorId !== null || entry.address !== null) return null;
  return ownActors.get(entry.actorName) ?? null;
}

/** 审计日志 (audit administrator): the trail, filtered and paged, and the chain check. */
export function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useState<AuditFilters>({});
  const audit = useAudit(filters);
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('audit.chain')}>
        <VerifyChain />
      </Card>
      <Card title={t('audit.title')}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <AuditFilterBar onChange={setFilters} />
          <Table<AuditView>
            data-testid="audit-table"
            size="small"
            rowKey="id"
            loading={audit.isFetching && !audit.isFetchingNextPage}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1200 }}
            expandable={{
              expandedRowRender: (entry) => <AuditChange entry={entry} />,
              rowExpandable: (entry) => entry.before !== null || entry.after !== null,
            }}
            columns={[
              { title: t('audit.at'), dataIndex: 'at', width: 165, render: (v: string) => formatDateTime(v) },
              {
                title: t('audit.actor'),
                dataIndex: 'actorName',
                width: 110,
                render: (_: unknown, e) => {
                  const own = ownActorLabel(e);
                  return own ? (
                    <Typography.Text type="secondary" data-actor={e.actorName ?? 'system'}>
                      {t(own)}
                    </Typography.Text>
                  ) : (
                    e.actorName
                  );
                },
              },
              {
                title: t('audit.action'),
                dataIndex: 'action',
                width: 200,
                render: (v: string) => (
                  <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                    {v}
                  </Typography.Text>
                ),
              },
              {
                title: t('audit.entity'),
                key: 'entity',
                ellipsis: true,
                render: (_: unknown, e) => [e.entityType, e.entityId].filter(Boolean).join(' · ') || '—',
              },
              {
                title: t('audit.outcome'),
                dataIndex: 'outcome',
                width: 90,
                render: (_: unknown, e) => (
                  <Tag color={outcomeLook[e.outcome].color}>{t(outcomeLook[e.outcome].label)}</Tag>
                ),
              },
              {
                title: t('audit.address'),
                dataIndex: 'address',
                width: 130,
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('audit.region'),
                dataIndex: 'regionCode',
                width: 130,
                render: (v: string | null) => v ?? '—',
              },
              {
                title: t('audit.seq'),
                dataIndex: 'seq',
                width: 90,
                render: (v: string | null) =>
                  v ?? <Typography.Text type="secondary">{t('audit.unsealed')}</Typography.Text>,
              },
            ]}
          />
          <div className="mz-load-more">
            {audit.hasNextPage ? (
              <Button
                onClick={() => void audit.fetchNextPage()}
                loading={audit.isFetchingNextPage}
                data-testid="load-more"
              >
                {t('common.loadMore')}
              </Button>
            ) : (
              rows.length > 0 && (
                <Typography.Text type="secondary">
                  {t('common.loaded', { count: rows.length })}
                </Typography.Text>
              )
            )}
          </div>
        </Space>
      </Card>
    </Space>
  );
}
