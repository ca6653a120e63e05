import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { DivisionChangeRequest, DivisionChangeResult, DivisionChangeView } from '../../app/api/types';
import { regionKeys } from '../../app/region/api';

const changesKey = ['regions', 'changes'] as const;

export function useDivisionChanges(enabled: boolean) {
  return useQuery({
    queryKey: changesKey,
    queryFn: () => api.get<DivisionChangeView[]>('/regions/changes'),
    enabled,
  });
}

/**
 * POST /regions/changes: recodes a division (and its subtree) from a date; every region read is stale after.
 * Silent: the change form reports the errors through `showFormError`.
 */
export function useDivisionChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DivisionChangeRequest) => api.post<DivisionChangeResult>('/regions/changes', body),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionKeys.all }),
  });
}
