import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api/client';
import type { AuditView, JobView, Page } from '../../app/api/types';
import { jobKeys } from '../jobs/api';

export interface AuditFilters {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  outcome?: AuditView['outcome'];
  from?: string;
  to?: string;
}

/** GET /audit with filters, keyset pages of 50, newest first as the server returns them. */
export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: ({ pageParam }) =>
      api.get<Page<AuditView>>(withQuery('/audit', { ...filters, cursor: pageParam, limit: 50 })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** POST /audit/verify starts a job that re-computes the hash chain. */
export function useVerifyAuditChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<JobView>('/audit/verify'),
    onSuccess: (job) => {
      queryClient.setQueryData(jobKeys.one(job.id), job);
      return queryClient.invalidateQueries({ queryKey: jobKeys.list });
    },
  });
}
