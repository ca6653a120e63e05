import { useState } from 'react';
import { Alert, Card, DatePicker, Space, Tooltip, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { DivisionView } from '../../app/api/types';
import { useCan } from '../../app/auth/useAuth';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { useRegionChildren } from '../../app/region/api';
import { useWorkingRegion } from '../../app/region/working-region-context';
import { DivisionChangeForm } from './DivisionChangeForm';
import { DivisionChangeHistory } from './DivisionChangeHistory';
import { DivisionTable } from './DivisionTable';
import { RegionBreadcrumb } from './RegionBreadcrumb';
import { RegionSearch } from './RegionSearch';

/** 区划: the working region's path and children, search, and (with region.manage) division changes. */
export function RegionsPage() {
  const t = useT();
  const can = useCan();
  const { code, setCode } = useWorkingRegion();
  const [asOfDay, setAsOfDay] = useState<Dayjs | null>(null);
  const asOf = asOfDay ? toIsoDate(asOfDay) : undefined;
  const children = useRegionChildren(code, asOf);

  const drillDown = (d: DivisionView) => setCode(d.hasChildren || !d.parentCode ? d.code : d.parentCode);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('regions.title')}
        extra={
          <Space wrap>
            <Tooltip title={t('regions.asOfHelp')}>
              <HistoryOutlined />
            </Tooltip>
            <DatePicker
              data-testid="region-as-of"
              value={asOfDay}
              onChange={(d: Dayjs | null) => setAsOfDay(d)}
              placeholder={t('regions.asOf')}
              allowClear
            />
          </Space>
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <RegionBreadcrumb code={code} asOf={asOf} onPick={setCode} />
          {asOf && (
            <Typography.Text type="warning">{t('regions.asOfShowing', { date: asOf })}</Typography.Text>
          )}
          {children.isError ? (
            <Alert
              data-testid="region-children-error"
              type="warning"
              showIcon
              title={children.error.message}
            />
          ) : (
            <DivisionTable
              data-testid="region-children"
              rows={children.data ?? []}
              loading={children.isFetching}
              onPick={drillDown}
              asOf={asOf}
            />
          )}
        </Space>
      </Card>
      <Card title={t('regions.search')}>
        <RegionSearch asOf={asOf} onPick={drillDown} />
      </Card>
      {can('region.manage') && (
        <>
          <Card title={t('regions.change.title')}>
            <DivisionChangeForm />
          </Card>
          <Card title={t('regions.change.history')}>
            <DivisionChangeHistory />
          </Card>
        </>
      )}
    </Space>
  );
}
