import { Button, Space } from 'antd';
import { useSessionUser } from '../../app/auth/useAuth';
import { useT } from '../../app/i18n/useT';
import { RegionCascader } from '../../app/region/RegionCascader';

/** A region within the user's scope that may stay empty (e.g. a residence region); a form control. */
export function OptionalRegion({
  value,
  onChange,
  clearable,
  id,
  'data-testid': testId,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Whether a chosen region can be emptied again (the API cannot empty it on update). */
  clearable: boolean;
  id?: string;
  'data-testid'?: string;
}) {
  const t = useT();
  const me = useSessionUser();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <RegionCascader
        id={id}
        data-testid={testId}
        rootCode={me.scopeCode}
        rootName={me.scopeName}
        value={value}
        onChange={onChange}
        placeholder={t('registry.person.residenceNone')}
        style={{ width: '100%' }}
      />
      {clearable && value && <Button onClick={() => onChange?.(undefined)}>{t('registry.clear')}</Button>}
    </Space.Compact>
  );
}
