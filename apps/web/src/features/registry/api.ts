import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, withQuery } from '../../app/api/client';
import type { JobView, Page } from '../../app/api/types';
import { jobKeys } from '../jobs/api';
import { downloadFile, useCsrfToken, uploadWorkbook } from './transfer';
import type {
  DuplicateView,
  HouseholdInput,
  HouseholdView,
  MemberInput,
  PersonFilters,
  PersonInput,
  PersonUpdate,
  PersonView,
  ProgrammeView,
  RevealField,
} from './types';

export const registryKeys = {
  all: ['registry'] as const,
  persons: (filters: PersonFilters) => ['registry', 'persons', filters] as const,
  pick: (q: string) => ['registry', 'pick', q] as const,
  person: (id: string) => ['registry', 'person', id] as const,
  programmes: (id: string) => ['registry', 'programmes', id] as const,
  household: (id: string) => ['registry', 'household', id] as const,
  duplicates: ['registry', 'duplicates'] as const,
};

/** GET /persons: the filtered list in keyset pages of 50, in pinyin order. */
export function usePersons(filters: PersonFilters) {
  return useInfiniteQuery({
    queryKey: registryKeys.persons(filters),
    queryFn: ({ pageParam }) =>
      api.get<Page<PersonView>>(withQuery('/persons', { ...filters, cursor: pageParam, limit: 50 })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The first 20 matches of a term, for pickers (adding a member, a household's members). */
export function usePersonPick(q: string) {
  return useQuery({
    queryKey: registryKeys.pick(q),
    queryFn: () => api.get<Page<PersonView>>(withQuery('/persons', { q, limit: 20 })),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/** One person; a 404 (gone or outside the scope) is shown by the page, not as a message. */
export function usePerson(id: string) {
  return useQuery({
    queryKey: registryKeys.person(id),
    queryFn: () => api.get<PersonView>(`/persons/${id}`),
    meta: { silent: true },
  });
}

export function usePersonProgrammes(id: string) {
  return useQuery({
    queryKey: registryKeys.programmes(id),
    queryFn: () => api.get<ProgrammeView[]>(`/persons/${id}/programmes`),
  });
}

export function useHousehold(id: string) {
  return useQuery({
    queryKey: registryKeys.household(id),
    queryFn: () => api.get<HouseholdView>(`/households/${id}`),
    meta: { silent: true },
  });
}

/** Likely duplicates (person.merge). */
export function useDuplicates() {
  return useQuery({
    queryKey: registryKeys.duplicates,
    queryFn: () => api.get<DuplicateView[]>('/persons/duplicates'),
  });
}

/**
 * The registry's mutations: silent (each form reports its own errors through `showFormError`); every
 * change reloads what the registry has shown, since a person's change shows on lists and households alike.
 */
function useRegistryMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

export const useCreatePerson = () =>
  useRegistryMutation((body: PersonInput) => api.post<PersonView>('/persons', body));

export const useUpdatePerson = () =>
  useRegistryMutation(({ id, body }: { id: string; body: PersonUpdate }) =>
    api.patch<PersonView>(`/persons/${id}`, body),
  );

export const useRecordDeath = () =>
  useRegistryMutation(({ id, ...body }: { id: string; deathDate: string; source: string; version: number }) =>
    api.post<PersonView>(`/persons/${id}/death`, body),
  );

export const useMergePersons = () =>
  useRegistryMutation((body: { keepId: string; dropId: string; reason: string }) =>
    api.post<PersonView>('/persons/merge', body),
  );

export const useCreateHousehold = () =>
  useRegistryMutation((body: HouseholdInput) => api.post<HouseholdView>('/households', body));

export const useAddMember = () =>
  useRegistryMutation(({ householdId, ...body }: MemberInput & { householdId: string }) =>
    api.post<HouseholdView>(`/households/${householdId}/members`, body),
  );

export const useMemberLeave = () =>
  useRegistryMutation(
    ({
      householdId,
      personId,
      ...body
    }: {
      householdId: string;
      personId: string;
      leftOn: string;
      reason: string;
      version: number;
    }) => api.post<HouseholdView>(`/households/${householdId}/members/${personId}/leave`, body),
  );

/** POST /persons/:id/reveal: one sensitive value in full; the server audits who saw it and why. */
export function useReveal() {
  return useMutation({
    mutationFn: ({ id, field, reason }: { id: string; field: RevealField; reason: string }) =>
      api.post<{ field: RevealField; value: string }>(`/persons/${id}/reveal`, { field, reason }),
    meta: { silent: true },
  });
}

/** A file download (template, export, error workbook); failures are shown as a message. */
export function useDownload() {
  return useMutation({ mutationFn: (path: string) => downloadFile(path) });
}

/** POST /persons/import with the workbook as the raw body; answers the job that reads it. */
export function useStartImport() {
  const queryClient = useQueryClient();
  const csrfToken = useCsrfToken();
  return useMutation({
    mutationFn: (file: File) => uploadWorkbook('/persons/import', file, csrfToken()),
    onSuccess: (job: JobView) => {
      queryClient.setQueryData(jobKeys.one(job.id), job);
      return queryClient.invalidateQueries({ queryKey: jobKeys.list });
    },
  });
}

export const exportPath = (filters: PersonFilters) => withQuery('/persons/export', { ...filters });
export const templatePath = '/persons/import/template';
export const importErrorsPath = (jobId: string) => `/persons/import/${jobId}/errors`;
