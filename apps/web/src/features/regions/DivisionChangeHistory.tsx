import { Table, Typography } from 'antd';
import type { DivisionChangeView } from '../../app/api/types';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { useDivisionChanges } from './api';

/** The division changes made so far, newest as the server orders them. */
export function DivisionChangeHistory() {
  const t = useT();
  const changes = useDivisionChanges(true);
  return (
    <Table<DivisionChangeView>
      data-testid="division-changes"
      size="small"
      rowKey="id"
      loading={changes.isPending}
      dataSource={changes.data ?? []}
      pagination={false}
      scroll={{ x: 800 }}
      columns={[
        { title: t('regions.change.effectiveDate'), dataIndex: 'effectiveDate', width: 110 },
        {
          title: t('regions.change.codes'),
          key: 'codes',
          width: 290,
          render: (_: unknown, c) => (
            <span>
              <Typography.Text code>{c.fromCode}</Typography.Text> →{' '}
              <Typography.Text code>{c.toCode}</Typography.Text>
            </span>
          ),
        },
        { title: t('regions.change.newName'), dataIndex: 'newName', width: 120 },
        { title: t('regions.change.reason'), dataIndex: 'reason' },
        { title: t('regions.change.actor'), dataIndex: 'actorName', width: 100 },
        {
          title: t('regions.change.createdAt'),
          dataIndex: 'createdAt',
          width: 170,
          render: (v: string) => formatDateTime(v),
        },
      ]}
    />
  );
}
