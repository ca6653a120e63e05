import { Space, Tag, Tooltip, Typography } from 'antd';
import { useT } from '../../app/i18n/useT';
import { useRegistryNames } from './codes';
import type { PersonView } from './types';

/** 已故 · 残疾 · 重病 — what a worker should notice at a glance; nothing special shows as a dash. */
export function PersonStatusTags({
  person,
}: {
  person: Pick<PersonView, 'livingStatus' | 'deathDate' | 'disabilityCategory' | 'disabilityGrade'> &
    Partial<Pick<PersonView, 'seriousIllness'>>;
}) {
  const t = useT();
  const names = useRegistryNames();
  const tags = [];
  if (person.livingStatus === 'deceased')
    tags.push(
      <Tooltip key="deceased" title={person.deathDate ?? undefined}>
        <Tag color="default" data-status="deceased">
          {t('registry.status.deceased')}
        </Tag>
      </Tooltip>,
    );
  if (person.disabilityCategory) {
    const detail = [
      names.disability(person.disabilityCategory),
      person.disabilityGrade ? names.grade(person.disabilityGrade) : null,
    ]
      .filter(Boolean)
      .join(' · ');
    tags.push(
      <Tooltip key="disability" title={detail}>
        <Tag color="purple" data-status="disability">
          {t('registry.status.disability')}
        </Tag>
      </Tooltip>,
    );
  }
  if (person.seriousIllness)
    tags.push(
      <Tag key="illness" color="volcano" data-status="illness">
        {t('registry.status.illness')}
      </Tag>,
    );
  if (tags.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap className="mz-tags">
      {tags}
    </Space>
  );
}
