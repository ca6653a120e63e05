import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { RoleView } from '../api/types';
import { useCan } from '../auth/useAuth';
import { isMessageKey } from '../i18n/dictionary';
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
 * Role code → name in the current language. The session user carries role codes only and GET /roles needs
 * user.read, so other users fall back to the names of the built-in roles in the dictionary (`role.<code>`),
 * then to the code itself.
 */
export function useRoleNames(): (code: string) => string {
  const { lang, t } = useI18n();
  const can = useCan();
  const roles = useRoles(can('user.read'));
  return (code) => {
    const role = roles.data?.find((r) => r.code === code);
    if (role) return lang === 'en-US' ? role.nameEn : role.nameZh;
    const key = `role.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
}
