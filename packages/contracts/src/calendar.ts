import { z } from 'zod';

export const calendarKind = z.enum(['holiday', 'workday']);
export const calendarDayView = z.object({ date: z.iso.date(), kind: calendarKind, name: z.string() });
export type CalendarDayView = z.infer<typeof calendarDayView>;
export const calendarDayInput = calendarDayView;
export const workingDaysQuery = z.object({
  from: z.iso.date(),
  days: z.coerce.number().int().min(-400).max(400),
});
