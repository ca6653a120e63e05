/** Working-day arithmetic over a calendar of exceptions (holidays, make-up working days). Dates are ISO strings. */
export type DayKind = 'holiday' | 'workday';

export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(iso: string, exceptions: ReadonlyMap<string, DayKind>): boolean {
  const kind = exceptions.get(iso);
  if (kind) return kind === 'workday';
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * The n-th working day after `from` (n > 0), or before it (n < 0); n = 0 gives `from` itself.
 * "Within 3 working days of the application" is `addWorkingDays(applicationDate, 3)`.
 */
export function addWorkingDays(from: string, n: number, exceptions: ReadonlyMap<string, DayKind>): string {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let day = from;
  while (left > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day, exceptions)) left -= 1;
  }
  return day;
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(
  from: string,
  to: string,
  exceptions: ReadonlyMap<string, DayKind>,
): number {
  if (to === from) return 0;
  const step = to > from ? 1 : -1;
  let count = 0;
  let day = from;
  while (day !== to) {
    day = addDays(day, step);
    if (isWorkingDay(day, exceptions)) count += step;
  }
  return count;
}

/** Calendar span to fetch so that n working days surely fit (long holidays are at most 9 days). */
export function spanFor(n: number): number {
  return Math.ceil(Math.abs(n) * 1.6) + 21;
}
