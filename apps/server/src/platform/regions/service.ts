import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { inTransaction, one, rows } from '../db/sql';
import type { Actor } from '../access/actor';
import { inScope, isAncestorOfScope, levelOf, significantPrefix } from '../access/scope';
import { recordAudit } from '../audit/service';
import { addDays } from '../calendar/rules';
import { businessToday as today } from '../calendar/today';
import { divisionChange } from './schema';
import { regionColumns } from './recode-registry';
import { RegionErrors } from './errors';
import { childrenOf, divisionAsOf, pathTo, searchDivisions, type DivisionRow } from './repo';

export { businessToday as today } from '../calendar/today';

function visible(actor: Actor, d: DivisionRow): boolean {
  return (
    inScope(actor.scopeCode, d.code) ||
    inScope(actor.scopeCode, d.successor_code) ||
    isAncestorOfScope(actor.scopeCode, d.code)
  );
}

/** A division the actor may see, or REGION_NOT_FOUND (outside the scope is reported as not found). */
export async function getDivision(db: Db, actor: Actor, code: string, asOf = today()): Promise<DivisionRow> {
  const d = await divisionAsOf(db, code, asOf);
  if (!d || !visible(actor, d)) throw RegionErrors.NOT_FOUND({ code });
  return d;
}

export async function listChildren(db: Db, actor: Actor, code: string, asOf = today()) {
  const parent = await getDivision(db, actor, code, asOf);
  return childrenOf(db, parent.code, asOf, actor.scopeCode);
}

export async function listPath(db: Db, actor: Actor, code: string, asOf = today()) {
  const d = await getDivision(db, actor, code, asOf);
  return pathTo(db, d.code, asOf);
}

export function search(db: Db, actor: Actor, q: string, limit: number, asOf = today()) {
  return searchDivisions(db, q, actor.scopeCode, limit, asOf);
}

/** Name of a code today, for labels (no scope check: the caller already holds the record). */
export async function nameOf(db: Db, code: string, asOf = today()): Promise<string> {
  return (await divisionAsOf(db, code, asOf))?.name ?? code;
}

/** Significant digits of the parent, by the significant digits of the child. */
const PARENT_PREFIX: Record<number, number> = { 4: 2, 6: 4, 9: 6, 12: 9, 15: 12 };

export interface DivisionChangeInput {
  fromCode: string;
  toCode: string;
  newName: string;
  effectiveDate: string;
  reason: string;
}

/**
 * Re-codes a division and its whole subtree (e.g. 凤翔县 610322 → 凤翔区 610305 from 2021-01-29) in one
 * transaction: new rows from the effective date, old rows closed the day before with their successors, and
 * every registered region-code column on live records moved to the new codes. History stays readable.
 */
export async function changeDivision(db: Db, actor: Actor, input: DivisionChangeInput) {
  const from = significantPrefix(input.fromCode);
  const to = significantPrefix(input.toCode);
  const parentLength = PARENT_PREFIX[from.length];
  if (
    !/^\d+$/.test(from + to) ||
    levelOf(input.fromCode) !== levelOf(input.toCode) ||
    parentLength === undefined ||
    from.slice(0, parentLength) !== to.slice(0, parentLength)
  )
    throw RegionErrors.LEVEL_MISMATCH();
  if (!inScope(actor.scopeCode, input.fromCode)) throw RegionErrors.NOT_FOUND({ code: input.fromCode });
  return inTransaction(db, async (tx) => {
    const old = await one<{ code: string; valid_to: string | null; name: string }>(
      tx,
      sql`select code, valid_to, name from division where code = ${input.fromCode} for update`,
    );
    if (!old) throw RegionErrors.NOT_FOUND({ code: input.fromCode });
    if (old.valid_to) throw RegionErrors.NOT_CURRENT({ code: input.fromCode });
    const taken = await one(tx, sql`select 1 from division where code like ${to + '%'} limit 1`);
    if (taken) throw RegionErrors.CODE_TAKEN({ code: input.toCode });

    const n = from.length;
    const mapped = (col: string) => sql.raw(`'${to}' || substr(${col}, ${n + 1})`);
    const created = await rows<{ code: string }>(
      tx,
      sql`insert into division (code, name, level, parent_code, valid_from)
          select ${mapped('code')},
                 case when code = ${input.fromCode} then ${input.newName} else name end,
                 level,
                 case when code = ${input.fromCode} then parent_code else ${mapped('parent_code')} end,
                 ${input.effectiveDate}::date
          from division where code like ${from + '%'} and valid_to is null
          returning code`,
    );
    await tx.execute(
      sql`update division set valid_to = ${addDays(input.effectiveDate, -1)}::date,
            successor_code = ${mapped('code')}, updated_at = now()
          where code like ${from + '%'} and valid_to is null`,
    );
    const recoded: Record<string, number> = {};
    for (const { table, column } of regionColumns()) {
      const r = (await tx.execute(
        sql`update ${sql.raw(table)} set ${sql.raw(column)} = ${mapped(column)}, updated_at = now()
            where ${sql.raw(column)} like ${from + '%'}`,
      )) as unknown as { rowCount?: number; affectedRows?: number };
      recoded[`${table}.${column}`] = r.rowCount ?? r.affectedRows ?? 0;
    }
    const [change] = await tx
      .insert(divisionChange)
      .values({ ...input, recoded, actorId: actor.id, actorName: actor.name })
      .returning({ id: divisionChange.id });
    await recordAudit(tx, actor, {
      action: 'region.change',
      entityType: 'division',
      entityId: input.fromCode,
      before: { code: input.fromCode, name: old.name },
      after: { code: input.toCode, name: input.newName, effectiveDate: input.effectiveDate, recoded },
      regionCode: input.toCode,
    });
    return { changeId: change!.id, divisionsRecoded: created.length, recordsRecoded: recoded };
  });
}

export function listChanges(db: Db) {
  return rows<{
    id: string;
    fromCode: string;
    toCode: string;
    newName: string;
    effectiveDate: string;
    reason: string;
    createdAt: string;
    actorName: string | null;
  }>(
    db,
    sql`select id, from_code as "fromCode", to_code as "toCode", new_name as "newName",
          effective_date as "effectiveDate", reason, created_at as "createdAt", actor_name as "actorName"
        from division_change order by effective_date desc, created_at desc`,
  );
}
