import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client';
import { authErrorCodes, isApiError } from '../api/errors';
import type { LoginResponse, MeResponse } from '../api/types';
import { onAuthSignal } from './auth-events';
import { AuthContext, type AuthValue, type SessionEndReason } from './context';

export const meQueryKey = ['auth', 'me'] as const;

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [endReason, setEndReason] = useState<SessionEndReason | null>(null);

  const me = useQuery({
    queryKey: meQueryKey,
    queryFn: async (): Promise<MeResponse | null> => {
      try {
        const answer = await api.get<MeResponse>('/auth/me');
        setCsrfToken(answer.csrfToken);
        return answer;
      } catch (e) {
        if (isApiError(e) && e.isAuthLost) {
          setCsrfToken(null);
          if (e.code === authErrorCodes.sessionExpired) setEndReason('expired');
          return null;
        }
        throw e;
      }
    },
    staleTime: Infinity,
    meta: { silent: true },
  });

  /** Drops everything read under the old session, keeping the (now empty) session itself. */
  const endSession = useCallback(() => {
    setCsrfToken(null);
    queryClient.setQueryData(meQueryKey, null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
  }, [queryClient]);

  useEffect(
    () =>
      onAuthSignal((signal) => {
        if (signal.kind === 'lost') {
          const wasIn = !!queryClient.getQueryData<MeResponse | null>(meQueryKey);
          // Several requests may fail at once: only the first (still logged in) one sets the reason.
          if (signal.code === authErrorCodes.sessionExpired) setEndReason('expired');
          else if (wasIn) setEndReason('ended');
          endSession();
        } else {
          queryClient.setQueryData<MeResponse | null>(meQueryKey, (old) =>
            old ? { ...old, user: { ...old.user, mustChangePassword: true } } : old,
          );
        }
      }),
    [endSession, queryClient],
  );

  const signedIn = useCallback(
    (response: LoginResponse) => {
      setEndReason(null);
      setCsrfToken(response.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData<MeResponse>(meQueryKey, {
        user: { ...response.user, mustChangePassword: response.mustChangePassword },
        csrfToken: response.csrfToken,
        idleTimeoutMinutes: response.idleTimeoutMinutes,
      });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      // Logging out of an already dead session is still logging out.
    }
    setEndReason(null);
    endSession();
  }, [endSession]);

  const refresh = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey: meQueryKey, exact: true });
  }, [queryClient]);

  const value = useMemo<AuthValue>(
    () => ({
      user: me.data?.user ?? null,
      loading: me.isPending,
      endReason,
      signedIn,
      signOut,
      refresh,
    }),
    [me.data, me.isPending, endReason, signedIn, signOut, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
