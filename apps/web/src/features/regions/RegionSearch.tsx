import { useState } from 'react';
import { Input, Space, Typography } from 'antd';
import type { DivisionView } from '../../app/api/types';
import { useT } from '../../app/i18n/useT';
import { useRegionSearch } from '../../app/region/api';
import { DivisionTable } from './DivisionTable';

/** Search divisions by name or code (the server keeps the answer within the user's scope). */
export function RegionSearch({ asOf, onPick }: { asOf?: string; onPick: (division: DivisionView) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const results = useRegionSearch(q, asOf);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.Search
        data-testid="region-search"
        allowClear
        placeholder={t('regions.searchPlaceholder')}
        enterButton={t('common.search')}
        onSearch={(value) => setQ(value.trim())}
        style={{ maxWidth: 420 }}
      />
      {q && (
        <>
          <Typography.Text type="secondary">
            {t('regions.searchCount', { count: results.data?.length ?? 0 })}
          </Typography.Text>
          <DivisionTable
            data-testid="region-search-results"
            rows={results.data ?? []}
            loading={results.isFetching}
            onPick={onPick}
            leavesPickable
            asOf={asOf}
          />
        </>
      )}
    </Space>
  );
}
