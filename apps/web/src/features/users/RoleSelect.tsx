import { Select } from 'antd';
import { useRoles } from '../../app/access/roles';
import { useI18n } from '../../app/i18n/useT';

interface RoleSelectProps {
  value?: string[];
  onChange?: (codes: string[]) => void;
  id?: string;
}

/** Roles from GET /roles, named in the current language; the three administrators are marked. */
export function RoleSelect({ value, onChange, id }: RoleSelectProps) {
  const { lang, t } = useI18n();
  const roles = useRoles();
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={roles.isPending}
      optionFilterProp="label"
      placeholder={t('users.rolesPlaceholder')}
      options={(roles.data ?? []).map((r) => {
        const name = lang === 'en-US' ? r.nameEn : r.nameZh;
        return {
          value: r.code,
          label: r.adminKind ? `${name}（${t(`users.adminKind.${r.adminKind}`)}）` : name,
        };
      })}
    />
  );
}
