import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { RoleView } from '../api/types';
import { useCan } from '../auth/useAuth';
import { useI18n } from '../i18n/useT';

export const rolesQueryKey = ['roles'] as const;

/** GET /roles (needs user.read). */
export function useRoles(enabled = true) {
  return useQuery({
    queryKey: rolesQueryKey,
    queryFn: () => api.get<RoleView[]>('/roles'),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/**
 * Role code → name in the current language. GET /roles needs user.read, so other users see the codes:
 * the session user carries role codes only.
 */
export function useRoleNames(): (code: string) => string {
  const { lang } = useI18n();
  const can = useCan();
  const roles = useRoles(can('user.read'));
  return (code) => {
    const role = roles.data?.find((r) => r.code === code);
    if (!role) return code;
    return lang === 'en-US' ? role.nameEn : role.nameZh;
  };
}
