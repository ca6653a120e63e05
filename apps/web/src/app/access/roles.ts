import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { RoleView } from '../api/types';
import { useAuth } from '../auth/useAuth';
import { isMessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/useT';

export const rolesQueryKey = ['roles'] as const;

/** GET /roles: any logged-in user whose password is in order may read it. */
export function useRoles(enabled = true) {
  return useQuery({
    queryKey: rolesQueryKey,
    queryFn: () => api.get<RoleView[]>('/roles'),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/**
 * Role code → name in the current language, from GET /roles. While that is loading, if it failed, or before
 * the initial password is changed (the server answers nothing else then), the names of the built-in roles
 * in the dictionary (`role.<code>`) stand in, then the code itself.
 */
export function useRoleNames(): (code: string) => string {
  const { lang, t } = useI18n();
  const { user } = useAuth();
  const roles = useRoles(user !== null && !user.mustChangePassword);
  return (code) => {
    const role = roles.data?.find((r) => r.code === code);
    if (role) return lang === 'en-US' ? role.nameEn : role.nameZh;
    const key = `role.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
}
