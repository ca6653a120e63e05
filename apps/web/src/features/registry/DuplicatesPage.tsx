import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { useDuplicates } from './api';
import { useRegistryNames } from './codes';
import { MergeModal } from './MergeModal';
import { PersonName } from './PersonName';
import { PersonStatusTags } from './PersonStatusTags';
import type { DuplicateView, PersonView } from './types';
import './registry.css';

/** One side of a pair: what a worker compares before deciding. */
export function PersonSide({ person: p }: { person: PersonView }) {
  const t = useT();
  const names = useRegistryNames();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      className="mz-duplicate-side"
      items={[
        {
          key: 'name',
          label: t('registry.person.name'),
          children: <PersonName id={p.id} name={p.name} pinyin={p.namePinyin} />,
        },
        {
          key: 'id',
          label: t('registry.person.idNumber'),
          children:
            p.idNumberMasked ?? `${t('registry.person.noId')}${p.noIdReason ? `：${p.noIdReason}` : ''}`,
        },
        { key: 'sex', label: t('registry.person.sex'), children: names.sex(p.sex) },
        { key: 'birth', label: t('registry.person.birthDate'), children: p.birthDate },
        { key: 'hukou', label: t('registry.person.hukouRegion'), children: p.hukouRegionName },
        {
          key: 'household',
          label: t('registry.person.household'),
          children: p.householdId ? t('common.yes') : t('common.no'),
        },
        { key: 'status', label: t('registry.person.status'), children: <PersonStatusTags person={p} /> },
        { key: 'created', label: t('registry.person.createdAt'), children: formatDateTime(p.createdAt) },
      ]}
    />
  );
}

/** 疑似重复 (person.merge): likely duplicate pairs side by side, each to be merged or left. */
export function DuplicatesPage() {
  const t = useT();
  const navigate = useNavigate();
  const duplicates = useDuplicates();
  const [merging, setMerging] = useState<DuplicateView | null>(null);
  const pairs = duplicates.data ?? [];

  return (
    <Card
      title={t('registry.duplicates.title')}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/people')}>
          {t('registry.backToPeople')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('registry.duplicates.help')}</Typography.Paragraph>
      {duplicates.isPending ? (
        <Skeleton active />
      ) : pairs.length === 0 ? (
        <Empty description={t('registry.duplicates.empty')} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="duplicates">
          {pairs.map((pair) => (
            <Card
              key={`${pair.kind}-${pair.a.id}-${pair.b.id}`}
              size="small"
              type="inner"
              data-testid="duplicate-pair"
              title={<Tag color="orange">{t(`registry.duplicates.kind.${pair.kind}`)}</Tag>}
              extra={
                <Button
                  type="primary"
                  icon={<MergeCellsOutlined />}
                  onClick={() => setMerging(pair)}
                  data-testid="duplicate-merge"
                >
                  {t('registry.merge.button')}
                </Button>
              }
            >
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <PersonSide person={pair.a} />
                </Col>
                <Col xs={24} md={12}>
                  <PersonSide person={pair.b} />
                </Col>
              </Row>
            </Card>
          ))}
        </Space>
      )}
      <MergeModal pair={merging} onClose={() => setMerging(null)} />
    </Card>
  );
}
