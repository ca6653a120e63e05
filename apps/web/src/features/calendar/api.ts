import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api/client';
import type { CalendarDayView, Ok } from '../../app/api/types';

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
  workingDays: (from: string, days: number) => ['calendar', 'working-days', from, days] as const,
};

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: () => api.get<CalendarDayView[]>(withQuery('/calendar', { year })),
  });
}

/** Silent: the day form reports the errors through `showFormError`. */
export function useSaveCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, kind, name }: CalendarDayView) =>
      api.put<CalendarDayView>(`/calendar/${date}`, { kind, name }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

export function useDeleteCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => api.delete<Ok>(`/calendar/${date}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

/** GET /calendar/working-days: the date `days` working days after `from`. */
export function useWorkingDays(params: { from: string; days: number } | null) {
  return useQuery({
    queryKey: calendarKeys.workingDays(params?.from ?? '', params?.days ?? 0),
    queryFn: () => api.get<{ date: string }>(withQuery('/calendar/working-days', params ?? {})),
    enabled: params !== null,
  });
}
