import { Breadcrumb, Skeleton } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useSessionUser } from '../../app/auth/useAuth';
import { useRegionPath } from '../../app/region/api';

/** Root … working region; the parts within the user's scope are links that move the working region. */
export function RegionBreadcrumb({
  code,
  asOf,
  onPick,
}: {
  code: string;
  asOf?: string;
  onPick: (code: string) => void;
}) {
  const user = useSessionUser();
  const path = useRegionPath(code, asOf);
  if (path.isPending) return <Skeleton.Input active size="small" />;
  const divisions = path.data ?? [];
  // The path runs root first: everything from the user's scope down is theirs to pick.
  const scopeIndex = divisions.findIndex((d) => d.code === user.scopeCode);
  const items = divisions.map((d, i, all) => {
    const inScope = scopeIndex >= 0 && i >= scopeIndex;
    const last = i === all.length - 1;
    return {
      key: d.code,
      title:
        inScope && !last ? (
          <a
            onClick={(e) => {
              e.preventDefault();
              onPick(d.code);
            }}
          >
            {d.name}
          </a>
        ) : (
          d.name
        ),
    };
  });
  return (
    <Breadcrumb
      data-testid="region-path"
      items={[{ key: 'icon', title: <EnvironmentOutlined /> }, ...items]}
    />
  );
}
