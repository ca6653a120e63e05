import { and, asc, between, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { calendarDay } from './schema';
import type { DayKind } from './rules';

export async function exceptionsBetween(db: Db, from: string, to: string): Promise<Map<string, DayKind>> {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  const list = await db
    .select({ date: calendarDay.date, kind: calendarDay.kind })
    .from(calendarDay)
    .where(and(between(calendarDay.date, lo, hi)));
  return new Map(list.map((r) => [r.date, r.kind as DayKind]));
}

export function daysOfYear(db: Db, year: number) {
  return db
    .select({ date: calendarDay.date, kind: calendarDay.kind, name: calendarDay.name })
    .from(calendarDay)
    .where(between(calendarDay.date, `${year}-01-01`, `${year}-12-31`))
    .orderBy(asc(calendarDay.date));
}

export async function yearsLoaded(db: Db): Promise<number[]> {
  const r = (await db.execute(
    sql`select distinct extract(year from date)::int as y from calendar_day order by 1`,
  )) as unknown as { rows: { y: number }[] };
  return r.rows.map((x) => x.y);
}
