import dayjs, { type Dayjs } from 'dayjs';

export const dateFormat = 'YYYY-MM-DD';

/** A timestamp as local `YYYY-MM-DD HH:mm:ss`; empty for null. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '';
}

/** A Dayjs from a DatePicker as the API's business date. */
export function toIsoDate(value: Dayjs): string {
  return value.format(dateFormat);
}

/** JSON for people: indented, stable, and `—` for nothing. */
export function prettyJson(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value, null, 2);
}
