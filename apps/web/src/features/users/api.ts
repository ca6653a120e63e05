import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api/client';
import type { CreateUserRequest, Page, UpdateUserRequest, UserView } from '../../app/api/types';

export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => ['users', 'list', q] as const,
};

/** GET /users, keyset pages of 50. */
export function useUsers(q: string) {
  return useInfiniteQuery({
    queryKey: userKeys.list(q),
    queryFn: ({ pageParam }) =>
      api.get<Page<UserView>>(withQuery('/users', { q, cursor: pageParam, limit: 50 })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The user forms' mutations: silent, each form reports its errors through `showFormError`. */
function useUserMutation<V>(fn: (vars: V) => Promise<UserView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export const useCreateUser = () =>
  useUserMutation((body: CreateUserRequest) => api.post<UserView>('/users', body));

export const useUpdateUser = () =>
  useUserMutation(({ id, body }: { id: string; body: UpdateUserRequest }) =>
    api.patch<UserView>(`/users/${id}`, body),
  );

export const useResetPassword = () =>
  useUserMutation(({ id, newPassword, version }: { id: string; newPassword: string; version: number }) =>
    api.post<UserView>(`/users/${id}/password`, { newPassword, version }),
  );
