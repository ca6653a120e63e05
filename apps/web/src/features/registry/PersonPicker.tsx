import { useEffect, useState } from 'react';
import { Select, Typography } from 'antd';
import { useT } from '../../app/i18n/useT';
import { usePersonPick } from './api';
import { useRegistryNames } from './codes';
import type { PersonView } from './types';

/**
 * Picks one person of the scope by ID number, name or pinyin (a form control whose value is the person id).
 * People who already belong to a household, and those listed in `exclude`, cannot be picked.
 */
export function PersonPicker({
  value,
  onChange,
  exclude = [],
  id,
  'data-testid': testId,
}: {
  value?: string;
  onChange?: (id: string) => void;
  exclude?: string[];
  id?: string;
  'data-testid'?: string;
}) {
  const t = useT();
  const names = useRegistryNames();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = usePersonPick(q);
  // The chosen person stays an option while another term is typed, so the field keeps showing the name.
  const [chosen, setChosen] = useState<PersonView | null>(null);
  const listed: PersonView[] = q ? (found.data?.items ?? []) : [];
  const people =
    chosen && chosen.id === value && !listed.some((p) => p.id === chosen.id) ? [chosen, ...listed] : listed;

  return (
    <Select<string>
      id={id}
      data-testid={testId}
      value={value}
      onChange={(v) => {
        setChosen(people.find((p) => p.id === v) ?? null);
        onChange?.(v);
      }}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={t('registry.people.searchPlaceholder')}
      loading={found.isFetching}
      notFoundContent={q ? t('registry.picker.none') : t('registry.picker.type')}
      style={{ width: '100%' }}
      options={people.map((p) => {
        const taken = p.householdId !== null;
        const excluded = exclude.includes(p.id);
        return {
          value: p.id,
          disabled: taken || excluded || p.livingStatus === 'deceased',
          label: (
            <span data-testid="person-option">
              {p.name}{' '}
              <Typography.Text type="secondary">
                {[p.idNumberMasked ?? t('registry.person.noId'), names.sex(p.sex), p.birthDate].join(' · ')}
                {taken && ` · ${t('registry.picker.inHousehold')}`}
                {p.livingStatus === 'deceased' && ` · ${t('registry.status.deceased')}`}
              </Typography.Text>
            </span>
          ),
        };
      })}
    />
  );
}
