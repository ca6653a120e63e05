import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api/client';
import type { JobView, Page } from '../../app/api/types';

export const jobKeys = {
  all: ['jobs'] as const,
  list: ['jobs', 'list'] as const,
  one: (id: string) => ['jobs', 'one', id] as const,
};

export const isJobActive = (job: JobView) => job.status === 'queued' || job.status === 'running';

/** GET /jobs, keyset pages; polled every second while any loaded job is queued or running. */
export function useJobs() {
  return useInfiniteQuery({
    queryKey: jobKeys.list,
    queryFn: ({ pageParam }) => api.get<Page<JobView>>(withQuery('/jobs', { cursor: pageParam, limit: 50 })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some(isJobActive)) ? 1000 : false,
  });
}

/** One job, polled every second until it ends. */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: jobKeys.one(id ?? ''),
    queryFn: () => api.get<JobView>(`/jobs/${id}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && !isJobActive(query.state.data) ? false : 1000),
  });
}
