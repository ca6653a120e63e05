import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, HomeOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/auth/useAuth';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/useT';
import { useDivision } from '../../app/region/api';
import { usePerson } from './api';
import { useRegistryNames } from './codes';
import { DeathModal } from './DeathModal';
import { HouseholdCreateModal } from './HouseholdCreateModal';
import { LoadFailed } from './LoadFailed';
import { PersonFormModal } from './PersonFormModal';
import { PersonStatusTags } from './PersonStatusTags';
import { ProgrammesCard } from './ProgrammesCard';
import { SensitiveValue } from './RevealModal';
import type { PersonView } from './types';
import './registry.css';

/** Whole years from the birth date to today, or to the death date. */
function ageOf(p: PersonView): number {
  return (p.deathDate ? dayjs(p.deathDate) : dayjs()).diff(dayjs(p.birthDate), 'year');
}

/** 人员详情 /people/:id: the record with masked values, its household, programmes, edit and death. */
export function PersonPage() {
  const { id = '' } = useParams();
  const person = usePerson(id);
  if (person.isPending) return <Skeleton active />;
  if (person.isError) return <LoadFailed error={person.error} />;
  return <PersonDetail person={person.data} />;
}

function PersonDetail({ person: p }: { person: PersonView }) {
  const t = useT();
  const can = useCan();
  const names = useRegistryNames();
  const residence = useDivision(p.residenceRegionCode ?? undefined);
  const [editing, setEditing] = useState(false);
  const [dying, setDying] = useState(false);
  const [founding, setFounding] = useState(false);
  const writable = can('person.write') && p.mergedInto === null;
  const alive = p.livingStatus === 'alive';

  const household = p.householdId ? (
    <Link to={`/households/${p.householdId}`} data-testid="person-household-link">
      <HomeOutlined /> {t('registry.person.viewHousehold')}
    </Link>
  ) : (
    <Space size={8} wrap>
      <Typography.Text type="secondary">{t('registry.person.noHousehold')}</Typography.Text>
      {can('household.write') && alive && p.mergedInto === null && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => setFounding(true)}
          data-testid="household-create"
        >
          {t('registry.household.create')}
        </Button>
      )}
    </Space>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {p.mergedInto && (
        <Alert
          type="warning"
          showIcon
          data-testid="person-merged"
          title={t('registry.person.merged')}
          description={<Link to={`/people/${p.mergedInto}`}>{t('registry.person.mergedLink')}</Link>}
        />
      )}
      <Card
        data-testid="person-detail"
        title={
          <Space size={8} wrap>
            <span data-testid="person-name">{p.name}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {p.namePinyin}
            </Typography.Text>
            {p.livingStatus === 'deceased' || p.disabilityCategory || p.seriousIllness ? (
              <PersonStatusTags person={p} />
            ) : (
              <Tag color="green">{t('registry.status.alive')}</Tag>
            )}
          </Space>
        }
        extra={
          <Space wrap>
            {writable && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
                {t('common.edit')}
              </Button>
            )}
            {writable && alive && (
              <Button
                danger
                icon={<StopOutlined />}
                onClick={() => setDying(true)}
                data-testid="person-death"
              >
                {t('registry.death.button')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'idNumber',
              label: t('registry.person.idNumber'),
              children: p.idNumberMasked ? (
                <SensitiveValue
                  personId={p.id}
                  personName={p.name}
                  field="idNumber"
                  masked={p.idNumberMasked}
                />
              ) : (
                <Typography.Text type="secondary">
                  {t('registry.person.noId')}
                  {p.noIdReason ? `：${p.noIdReason}` : ''}
                </Typography.Text>
              ),
            },
            {
              key: 'phone',
              label: t('registry.person.phone'),
              children: (
                <SensitiveValue personId={p.id} personName={p.name} field="phone" masked={p.phoneMasked} />
              ),
            },
            { key: 'sex', label: t('registry.person.sex'), children: names.sex(p.sex) },
            {
              key: 'birthDate',
              label: t('registry.person.birthDate'),
              children: `${p.birthDate}（${t('registry.person.age', { age: ageOf(p) })}）`,
            },
            {
              key: 'ethnicity',
              label: t('registry.person.ethnicity'),
              children: names.ethnicity(p.ethnicity),
            },
            { key: 'household', label: t('registry.person.household'), children: household },
            {
              key: 'hukou',
              label: t('registry.person.hukouRegion'),
              children: `${p.hukouRegionName}（${p.hukouRegionCode}）`,
            },
            {
              key: 'residence',
              label: t('registry.person.residenceRegion'),
              children: p.residenceRegionCode
                ? `${residence.data?.name ?? ''}（${p.residenceRegionCode}）`
                : t('registry.person.sameAsHukou'),
            },
            {
              key: 'disability',
              label: t('registry.person.disability'),
              children: p.disabilityCategory
                ? [
                    names.disability(p.disabilityCategory),
                    p.disabilityGrade ? names.grade(p.disabilityGrade) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : t('common.none'),
            },
            {
              key: 'illness',
              label: t('registry.person.seriousIllness'),
              children: p.seriousIllness ? t('common.yes') : t('common.no'),
            },
            { key: 'labour', label: t('registry.person.labour'), children: names.labour(p.labourCapacity) },
            {
              key: 'living',
              label: t('registry.person.status'),
              children: alive
                ? t('registry.status.alive')
                : t('registry.person.diedOn', { date: p.deathDate ?? '', source: p.deathSource ?? '' }),
            },
            {
              key: 'createdAt',
              label: t('registry.person.createdAt'),
              children: formatDateTime(p.createdAt),
            },
          ]}
        />
        {can('person.reveal') && (p.idNumberMasked || p.phoneMasked) && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('registry.reveal.pageNotice')}
          </Typography.Paragraph>
        )}
      </Card>
      <ProgrammesCard personId={p.id} />
      <PersonFormModal open={editing} person={p} onClose={() => setEditing(false)} />
      <DeathModal person={dying ? p : null} onClose={() => setDying(false)} />
      <HouseholdCreateModal head={founding ? p : null} onClose={() => setFounding(false)} />
    </Space>
  );
}
