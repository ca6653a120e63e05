import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { emitAuthSignal } from '../auth/auth-events';
import { isApiError } from './errors';
import { showError } from './feedback';

/** `meta: { silent: true }` on a query or mutation: it reports its own errors (or none). */
declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

/** Session loss and forced password change are handled here once; other errors are shown as a message. */
function handleError(error: unknown, silent: boolean | undefined): void {
  if (isApiError(error)) {
    if (error.isAuthLost) {
      emitAuthSignal({ kind: 'lost', code: error.code });
      return;
    }
    if (error.isPasswordChangeRequired) {
      emitAuthSignal({ kind: 'password-change-required' });
      return;
    }
  }
  if (silent) return;
  showError(error instanceof Error ? error.message : String(error));
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handleError(error, query.meta?.silent) }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => handleError(error, mutation.meta?.silent),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          if (isApiError(error) && error.status > 0 && error.status < 500) return false;
          return count < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
