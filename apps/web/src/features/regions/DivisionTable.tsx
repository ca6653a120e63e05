import { Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { RightOutlined } from '@ant-design/icons';
import type { DivisionView } from '../../app/api/types';
import { useT } from '../../app/i18n/useT';
import { DivisionValidity } from './DivisionValidity';
import { LevelTag } from './LevelTag';

interface DivisionTableProps {
  rows: DivisionView[];
  loading: boolean;
  /** Called for a row the user picks; rows with children show a drill-down arrow. */
  onPick: (division: DivisionView) => void;
  /** Whether a row without children can be picked too. */
  leavesPickable?: boolean;
  /** The day the rows were read for (default today): rows that ended before it are greyed out. */
  asOf?: string;
  'data-testid'?: string;
}

/** Code, name, level, validity of a list of divisions. */
export function DivisionTable({
  rows,
  loading,
  onPick,
  leavesPickable,
  asOf,
  'data-testid': testId,
}: DivisionTableProps) {
  const t = useT();
  const day = asOf ?? dayjs().format('YYYY-MM-DD');
  // ISO dates compare as strings.
  const ended = (d: DivisionView) => d.validTo !== null && d.validTo < day;
  const pickable = (d: DivisionView) => d.hasChildren || !!leavesPickable;
  return (
    <Table<DivisionView>
      data-testid={testId}
      size="small"
      rowKey="code"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 640 }}
      onRow={(d) => ({
        onClick: () => pickable(d) && onPick(d),
        style: pickable(d) ? { cursor: 'pointer' } : undefined,
      })}
      columns={[
        {
          title: t('regions.code'),
          dataIndex: 'code',
          width: 150,
          render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
        },
        {
          title: t('regions.name'),
          dataIndex: 'name',
          render: (name: string, d) => (
            <Typography.Text delete={ended(d)} type={ended(d) ? 'secondary' : undefined}>
              {name}
            </Typography.Text>
          ),
        },
        {
          title: t('regions.level'),
          dataIndex: 'level',
          width: 120,
          render: (_: unknown, d) => <LevelTag level={d.level} />,
        },
        {
          title: t('regions.validity'),
          key: 'validity',
          render: (_: unknown, d) => <DivisionValidity division={d} />,
        },
        {
          title: '',
          key: 'drill',
          width: 40,
          render: (_: unknown, d) =>
            d.hasChildren ? <RightOutlined aria-label={t('regions.drillDown')} /> : null,
        },
      ]}
    />
  );
}
