import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { inTransaction } from '../db/sql';
import type { Actor } from '../access/actor';
import { recordAudit } from '../audit/service';
import { calendarDay } from './schema';
import { exceptionsBetween, yearsLoaded } from './repo';
import { addDays, addWorkingDays as addWith, spanFor, workingDaysBetween, type DayKind } from './rules';
import { CalendarErrors } from './errors';

/** Deadline arithmetic against the calendar table; this is what workflows and modules call. */
export async function addWorkingDays(db: Db, from: string, n: number): Promise<string> {
  const exceptions = await exceptionsBetween(db, from, addDays(from, n < 0 ? -spanFor(n) : spanFor(n)));
  return addWith(from, n, exceptions);
}

export async function countWorkingDays(db: Db, from: string, to: string): Promise<number> {
  return workingDaysBetween(from, to, await exceptionsBetween(db, from, to));
}

export async function setDay(db: Db, actor: Actor, input: { date: string; kind: DayKind; name: string }) {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(calendarDay).where(eq(calendarDay.date, input.date));
    await tx
      .insert(calendarDay)
      .values(input)
      .onConflictDoUpdate({
        target: calendarDay.date,
        set: { kind: input.kind, name: input.name, updatedAt: new Date() },
      });
    await recordAudit(tx, actor, {
      action: 'calendar.set',
      entityType: 'calendar_day',
      entityId: input.date,
      before: before ?? null,
      after: input,
    });
    return input;
  });
}

export async function deleteDay(db: Db, actor: Actor, date: string) {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.delete(calendarDay).where(eq(calendarDay.date, date)).returning();
    if (!before) throw CalendarErrors.NOT_FOUND({ date });
    await recordAudit(tx, actor, {
      action: 'calendar.delete',
      entityType: 'calendar_day',
      entityId: date,
      before,
    });
  });
}

/** Loads the shipped calendar years that the table does not have yet (an administrator's edits stay). */
export async function loadCalendar(db: Db, days: { date: string; kind: DayKind; name: string }[]) {
  const have = new Set(await yearsLoaded(db));
  const missing = days.filter((d) => !have.has(Number(d.date.slice(0, 4))));
  if (missing.length > 0) await db.insert(calendarDay).values(missing).onConflictDoNothing();
  return missing.length;
}
