import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type {
  Ok,
  SecurityPolicyUpdate,
  SecurityPolicyView,
  SessionView,
  UserView,
} from '../../app/api/types';

export const securityKeys = {
  policy: ['security', 'policy'] as const,
  locked: ['security', 'locked-users'] as const,
  sessions: ['security', 'sessions'] as const,
};

export function usePolicy() {
  return useQuery({
    queryKey: securityKeys.policy,
    queryFn: () => api.get<SecurityPolicyView>('/security/policy'),
  });
}

/** Silent: the policy form reports the errors through `showFormError`. */
export function useUpdatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecurityPolicyUpdate) => api.put<SecurityPolicyView>('/security/policy', body),
    meta: { silent: true },
    onSuccess: (policy) => queryClient.setQueryData(securityKeys.policy, policy),
  });
}

export function useLockedUsers() {
  return useQuery({
    queryKey: securityKeys.locked,
    queryFn: () => api.get<UserView[]>('/security/locked-users'),
  });
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Ok>(`/security/users/${id}/unlock`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: securityKeys.locked });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export function useSessions() {
  return useQuery({
    queryKey: securityKeys.sessions,
    queryFn: () => api.get<SessionView[]>('/security/sessions'),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<Ok>(`/security/sessions/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityKeys.sessions }),
  });
}
