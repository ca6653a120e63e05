import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import { CopyOutlined, DownloadOutlined, EyeOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useCan, useSessionUser } from '../../app/auth/useAuth';
import { useT } from '../../app/i18n/useT';
import { RegionCascader } from '../../app/region/RegionCascader';
import { useWorkingRegion } from '../../app/region/working-region-context';
import { exportPath, useDownload, usePersons } from './api';
import { useRegistryNames } from './codes';
import { ImportWizard } from './ImportWizard';
import { PersonFormModal } from './PersonFormModal';
import { PersonName } from './PersonName';
import { PersonStatusTags } from './PersonStatusTags';
import type { LivingStatus, PersonFilters, PersonView } from './types';
import './registry.css';

/** About the table's width at 1280 px beside the menu; wider screens share the extra out. */
const widths = { id: 180, name: 130, sex: 72, birth: 110, region: 210, status: 150, actions: 80 };
const tableWidth = Object.values(widths).reduce((sum, w) => sum + w, 0);

/** 人员: search the registry within the scope, register a person, import and export. */
export function PeoplePage() {
  const t = useT();
  const can = useCan();
  const me = useSessionUser();
  const names = useRegistryNames();
  const working = useWorkingRegion();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<LivingStatus | undefined>(undefined);
  // The region filter follows the header's working region until the user picks another one here.
  const [picked, setPicked] = useState<{ base: string; code: string } | null>(null);
  const region = picked && picked.base === working.code ? picked.code : working.code;
  const filters: PersonFilters = { q: q || undefined, region, status };
  const persons = usePersons(filters);
  const rows = persons.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const download = useDownload();
  const navigate = useNavigate();

  return (
    <Card
      title={t('registry.people.title')}
      extra={
        <Space wrap>
          {can('person.merge') && (
            <Button
              icon={<CopyOutlined />}
              onClick={() => navigate('/people/duplicates')}
              data-testid="person-duplicates"
            >
              {t('registry.duplicates.title')}
            </Button>
          )}
          {can('person.import') && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="person-import">
              {t('registry.import.button')}
            </Button>
          )}
          {can('person.export') && (
            <Button
              icon={<DownloadOutlined />}
              loading={download.isPending}
              onClick={() => download.mutate(exportPath(filters))}
              data-testid="person-export"
            >
              {t('registry.export.button')}
            </Button>
          )}
          {can('person.write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="person-create"
            >
              {t('registry.person.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap className="mz-filter-bar">
          <Tooltip title={t('registry.people.searchHelp')} placement="topLeft">
            <Input.Search
              data-testid="person-search"
              allowClear
              placeholder={t('registry.people.searchPlaceholder')}
              enterButton={t('common.search')}
              onSearch={(value) => setQ(value.trim())}
              style={{ width: 360 }}
            />
          </Tooltip>
          <Select<LivingStatus | 'all'>
            data-testid="person-status-filter"
            value={status ?? 'all'}
            onChange={(v) => setStatus(v === 'all' ? undefined : v)}
            style={{ width: 130 }}
            options={[
              { value: 'all', label: t('registry.people.statusAll') },
              { value: 'alive', label: t('registry.status.alive') },
              { value: 'deceased', label: t('registry.status.deceased') },
            ]}
          />
          <RegionCascader
            data-testid="person-region-filter"
            rootCode={me.scopeCode}
            rootName={me.scopeName}
            value={region}
            onChange={(code) => setPicked({ base: working.code, code })}
            placeholder={t('registry.people.region')}
            style={{ minWidth: 240, maxWidth: 420 }}
          />
        </Space>
        <Table<PersonView>
          data-testid="persons-table"
          size="small"
          rowKey="id"
          loading={persons.isFetching && !persons.isFetchingNextPage}
          dataSource={rows}
          pagination={false}
          scroll={{ x: tableWidth }}
          locale={{ emptyText: q ? t('registry.people.noMatch', { q }) : t('registry.people.empty') }}
          columns={[
            {
              title: t('registry.person.idNumber'),
              dataIndex: 'idNumberMasked',
              width: widths.id,
              render: (v: string | null, p) =>
                v ? (
                  <Typography.Text style={{ fontFamily: 'monospace' }}>{v}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary" ellipsis={{ tooltip: p.noIdReason }}>
                    {t('registry.person.noId')}
                  </Typography.Text>
                ),
            },
            {
              title: t('registry.person.name'),
              dataIndex: 'name',
              width: widths.name,
              render: (_: unknown, p) => <PersonName id={p.id} name={p.name} pinyin={p.namePinyin} />,
            },
            {
              title: t('registry.person.sex'),
              dataIndex: 'sex',
              width: widths.sex,
              render: (v: string) => names.sex(v),
            },
            { title: t('registry.person.birthDate'), dataIndex: 'birthDate', width: widths.birth },
            {
              title: t('registry.person.hukouRegion'),
              dataIndex: 'hukouRegionName',
              width: widths.region,
              ellipsis: true,
            },
            {
              title: t('registry.person.status'),
              key: 'status',
              width: widths.status,
              render: (_: unknown, p) => <PersonStatusTags person={p} />,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: widths.actions,
              fixed: 'right',
              render: (_: unknown, p) => (
                <Link to={`/people/${p.id}`}>
                  <EyeOutlined /> {t('registry.view')}
                </Link>
              ),
            },
          ]}
        />
        <div className="mz-load-more">
          {persons.hasNextPage ? (
            <Button
              onClick={() => void persons.fetchNextPage()}
              loading={persons.isFetchingNextPage}
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
      <PersonFormModal open={creating} person={null} onClose={() => setCreating(false)} />
      <ImportWizard open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
