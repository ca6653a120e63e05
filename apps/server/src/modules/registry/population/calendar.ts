/**
 * Dates as day numbers since 1900-01-01 (UTC), with the two string forms the registry needs precomputed once:
 * `YYYY-MM-DD` for date columns and `YYYYMMDD` for ID numbers.
 */
const EPOCH = Date.UTC(1900, 0, 1);
const MS_PER_DAY = 86_400_000;
/** Covers every birth and event date the generator makes (up to 2040). */
const DAYS = Math.round((Date.UTC(2040, 0, 1) - EPOCH) / MS_PER_DAY);

export const ISO_DATE: string[] = new Array<string>(DAYS);
export const ID_DATE: string[] = new Array<string>(DAYS);
export const YEAR_OF = new Int16Array(DAYS);
for (let d = 0; d < DAYS; d++) {
  const iso = new Date(EPOCH + d * MS_PER_DAY).toISOString().slice(0, 10);
  ISO_DATE[d] = iso;
  ID_DATE[d] = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
  YEAR_OF[d] = Number(iso.slice(0, 4));
}

export function dayOf(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - EPOCH) / MS_PER_DAY);
}

export const DAYS_PER_YEAR = 365.2425;
