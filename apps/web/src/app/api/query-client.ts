import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { emitAuthSignal } from '../auth/auth-events';
import { isApiError } from './errors';
import { showError } from './feedback';

/**
 * `meta: { silent: true }` on a query or mutation: it reports its own errors (or none). A form's mutation is
 * silent and reports through `showFormError`, so a field error is not shown twice.
 */
declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

/**
 * Session loss and forced password change are handled here once, silent or not; other errors are shown as a
 * message unless the query or mutation is silent.
 */
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
  reportError(error);
}

/**
 * Shows an error as a message, as the query client does for requests that are not silent. For silent
 * mutations that show part of their errors elsewhere (see `showFormError`); session loss and forced password
 * change are left out, the query client has already acted on them.
 */
export function reportError(error: unknown): void {
  if (isApiError(error) && (error.isAuthLost || error.isPasswordChangeRequired)) return;
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
