import { useSessionUser } from '../auth/useAuth';
import { useT } from '../i18n/useT';
import { RegionCascader } from '../region/RegionCascader';
import { useWorkingRegion } from '../region/working-region-context';

/** The working region of the pages: the user's scope or a division below it. */
export function HeaderRegionPicker() {
  const t = useT();
  const user = useSessionUser();
  const { code, setCode } = useWorkingRegion();
  return (
    <RegionCascader
      data-testid="region-picker"
      rootCode={user.scopeCode}
      rootName={user.scopeName}
      value={code}
      onChange={setCode}
      placeholder={t('layout.workingRegion')}
      style={{ minWidth: 180, maxWidth: 420 }}
    />
  );
}
