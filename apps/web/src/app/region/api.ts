import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../api/client';
import type { DivisionView } from '../api/types';

/** `asOf` (YYYY-MM-DD) reads the tree as it stood that day; undefined = today. */
export const regionKeys = {
  all: ['regions'] as const,
  division: (code: string, asOf?: string) => ['regions', 'division', code, asOf ?? null] as const,
  children: (code: string, asOf?: string) => ['regions', 'children', code, asOf ?? null] as const,
  path: (code: string, asOf?: string) => ['regions', 'path', code, asOf ?? null] as const,
  search: (q: string, asOf?: string) => ['regions', 'search', q, asOf ?? null] as const,
};

export const fetchChildren = (code: string, asOf?: string) =>
  api.get<DivisionView[]>(withQuery(`/regions/${code}/children`, { asOf }));

export function useDivision(code: string | undefined, asOf?: string) {
  return useQuery({
    queryKey: regionKeys.division(code ?? '', asOf),
    queryFn: () => api.get<DivisionView>(withQuery(`/regions/${code}`, { asOf })),
    enabled: !!code,
    staleTime: 5 * 60_000,
  });
}

export function useRegionChildren(code: string, asOf?: string) {
  return useQuery({
    queryKey: regionKeys.children(code, asOf),
    queryFn: () => fetchChildren(code, asOf),
    staleTime: 5 * 60_000,
    // A division that did not exist on `asOf` answers 404: the page says so in place of the table.
    meta: { silent: true },
  });
}

/** Root first, the division itself last. */
export function useRegionPath(code: string | undefined, asOf?: string) {
  return useQuery({
    queryKey: regionKeys.path(code ?? '', asOf),
    queryFn: () => api.get<DivisionView[]>(withQuery(`/regions/${code}/path`, { asOf })),
    enabled: !!code,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** Search by name or code; the server limits the answer to the caller's scope. */
export function useRegionSearch(q: string, asOf?: string) {
  return useQuery({
    queryKey: regionKeys.search(q, asOf),
    queryFn: () => api.get<DivisionView[]>(withQuery('/regions', { q, limit: 20, asOf })),
    enabled: q.trim().length > 0,
  });
}
