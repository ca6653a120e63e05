import { Tag } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useCan, useSessionUser } from '../auth/useAuth';
import { useT } from '../i18n/useT';
import { RegionCascader } from '../region/RegionCascader';
import { useWorkingRegion } from '../region/working-region-context';

/** The working region of the pages: the user's scope or a division below it. */
export function HeaderRegionPicker() {
  const t = useT();
  const user = useSessionUser();
  const can = useCan();
  const { code, setCode } = useWorkingRegion();
  // Without region.read (e.g. the security and audit administrators) the tree cannot be read: show the scope.
  if (!can('region.read'))
    return (
      <Tag icon={<EnvironmentOutlined />} data-testid="region-picker">
        {user.scopeName}
      </Tag>
    );
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
