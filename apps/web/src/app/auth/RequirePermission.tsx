import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useT } from '../i18n/useT';
import { useCan } from './useAuth';

/** A page reached by URL without the permission its menu entry needs. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const t = useT();
  const can = useCan();
  if (!can(permission))
    return <Result status="403" title="403" subTitle={t('common.noPermission', { permission })} />;
  return children;
}
