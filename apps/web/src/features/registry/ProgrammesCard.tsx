import { Card, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/useT';
import { usePersonProgrammes } from './api';
import type { ProgrammeView } from './types';

/** The assistance and service programmes the person takes part in, as their modules report them. */
export function ProgrammesCard({ personId }: { personId: string }) {
  const { t, lang } = useI18n();
  const programmes = usePersonProgrammes(personId);
  const rows = programmes.data ?? [];
  return (
    <Card title={t('registry.programmes.title')} data-testid="person-programmes">
      {programmes.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      ) : rows.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('registry.programmes.empty')}
          data-testid="person-programmes-empty"
        />
      ) : (
        <Table<ProgrammeView>
          size="small"
          rowKey={(p) => `${p.programme}-${p.since ?? ''}`}
          dataSource={rows}
          pagination={false}
          columns={[
            {
              title: t('registry.programmes.name'),
              key: 'name',
              render: (_: unknown, p) => {
                const name = lang === 'zh-CN' ? p.nameZh : p.nameEn;
                return p.link ? <Link to={p.link}>{name}</Link> : name;
              },
            },
            {
              title: t('registry.programmes.status'),
              dataIndex: 'status',
              render: (v: string) => <Tag>{v}</Tag>,
            },
            {
              title: t('registry.programmes.since'),
              dataIndex: 'since',
              render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
          ]}
        />
      )}
    </Card>
  );
}
