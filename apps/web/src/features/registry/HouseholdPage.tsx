import { useState } from 'react';
import { Button, Card, Descriptions, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { LogoutOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/auth/useAuth';
import { useT } from '../../app/i18n/useT';
import { useHousehold } from './api';
import { useRegistryNames } from './codes';
import { LoadFailed } from './LoadFailed';
import { AddMemberModal, LeaveMemberModal } from './MemberModals';
import { PersonName } from './PersonName';
import type { HouseholdMemberView, HouseholdView } from './types';
import './registry.css';

const widths = {
  name: 110,
  id: 165,
  sex: 72,
  birth: 100,
  relation: 120,
  joined: 140,
  left: 170,
  actions: 95,
};
const tableWidth = Object.values(widths).reduce((sum, w) => sum + w, 0);

/** 户 /households/:id: the household and its members, past members greyed with their leaving date. */
export function HouseholdPage() {
  const { id = '' } = useParams();
  const household = useHousehold(id);
  if (household.isPending) return <Skeleton active />;
  if (household.isError) return <LoadFailed error={household.error} />;
  return <HouseholdDetail household={household.data} />;
}

/** Current members first (head at the top), then former ones, each group by joining date. */
function ordered(h: HouseholdView): HouseholdMemberView[] {
  const rank = (m: HouseholdMemberView) => (m.leftOn !== null ? 2 : m.personId === h.headPersonId ? 0 : 1);
  return [...h.members].sort((a, b) => rank(a) - rank(b) || a.joinedOn.localeCompare(b.joinedOn));
}

function DateAndReason({ date, reason }: { date: string | null; reason: string | null }) {
  if (!date) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span className="mz-person-name">
      <span>{date}</span>
      {reason && (
        <Typography.Text type="secondary" className="mz-person-pinyin">
          {reason}
        </Typography.Text>
      )}
    </span>
  );
}

function HouseholdDetail({ household: h }: { household: HouseholdView }) {
  const t = useT();
  const can = useCan();
  const names = useRegistryNames();
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<HouseholdMemberView | null>(null);
  const current = h.members.filter((m) => m.leftOn === null);
  const writable = can('household.write');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('registry.household.title', { number: h.number })} data-testid="household-detail">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'number',
              label: t('registry.household.number'),
              children: <span data-testid="household-number">{h.number}</span>,
            },
            {
              key: 'head',
              label: t('registry.household.head'),
              children: <Link to={`/people/${h.headPersonId}`}>{h.headName}</Link>,
            },
            { key: 'address', label: t('registry.household.address'), children: h.address },
            {
              key: 'region',
              label: t('registry.household.region'),
              children: `${h.regionName}（${h.regionCode}）`,
            },
            {
              key: 'urbanRural',
              label: t('registry.household.urbanRural'),
              children: names.urbanRural(h.urbanRural),
            },
            {
              key: 'count',
              label: t('registry.household.memberCount'),
              children: t('registry.household.memberCountValue', {
                current: current.length,
                former: h.members.length - current.length,
              }),
            },
          ]}
        />
      </Card>
      <Card
        title={t('registry.household.members')}
        extra={
          writable && (
            <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="member-add">
              {t('registry.member.add')}
            </Button>
          )
        }
      >
        <Table<HouseholdMemberView>
          data-testid="household-members"
          size="small"
          rowKey={(m) => `${m.personId}-${m.joinedOn}`}
          dataSource={ordered(h)}
          pagination={false}
          scroll={{ x: tableWidth }}
          rowClassName={(m) => (m.leftOn !== null ? 'mz-former-member' : '')}
          columns={[
            {
              title: t('registry.person.name'),
              dataIndex: 'name',
              width: widths.name,
              render: (_: unknown, m) => (
                <Space size={4} wrap>
                  <PersonName id={m.personId} name={m.name} />
                  {m.livingStatus === 'deceased' && <Tag>{t('registry.status.deceased')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('registry.person.idNumber'),
              dataIndex: 'idNumberMasked',
              width: widths.id,
              render: (v: string | null) =>
                v ? (
                  <span style={{ fontFamily: 'monospace' }}>{v}</span>
                ) : (
                  <Typography.Text type="secondary">{t('registry.person.noId')}</Typography.Text>
                ),
            },
            {
              title: t('registry.person.sex'),
              dataIndex: 'sex',
              width: widths.sex,
              render: (v: string) => names.sex(v),
            },
            { title: t('registry.person.birthDate'), dataIndex: 'birthDate', width: widths.birth },
            {
              title: t('registry.member.relation'),
              dataIndex: 'relation',
              width: widths.relation,
              render: (v: string) => (
                <span data-testid="member-relation-name">
                  {names.relation(v)} <Typography.Text type="secondary">{v}</Typography.Text>
                </span>
              ),
            },
            {
              title: t('registry.member.joined'),
              key: 'joined',
              width: widths.joined,
              render: (_: unknown, m) => <DateAndReason date={m.joinedOn} reason={m.joinReason} />,
            },
            {
              title: t('registry.member.leftColumn'),
              key: 'left',
              width: widths.left,
              render: (_: unknown, m) =>
                m.leftOn ? (
                  <Space size={4} align="start">
                    <Tag>{t('registry.member.former')}</Tag>
                    <DateAndReason date={m.leftOn} reason={m.leaveReason} />
                  </Space>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: widths.actions,
              fixed: 'right',
              render: (_: unknown, m) =>
                writable && m.leftOn === null && m.personId !== h.headPersonId ? (
                  <Button
                    size="small"
                    type="link"
                    danger
                    icon={<LogoutOutlined />}
                    onClick={() => setLeaving(m)}
                    data-testid="member-leave"
                  >
                    {t('registry.member.leave')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <AddMemberModal household={adding ? h : null} onClose={() => setAdding(false)} />
      <LeaveMemberModal household={h} member={leaving} onClose={() => setLeaving(null)} />
    </Space>
  );
}
