import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { inTransaction, rows } from '../../platform/db/sql';
import type { Actor } from '../../platform/access/actor';
import { significantPrefix } from '../../platform/access/scope';
import { recordAudit } from '../../platform/audit/service';
import { person } from './schema';
import { RegistryErrors } from './errors';
import { currentHouseholds, findPerson } from './repo';
import { getInScope, view } from './person-access';

export interface DuplicatePair {
  kind: 'same-name-birth' | 'same-pinyin-birth-village';
  a: string;
  b: string;
}

/** Likely duplicates for review: same name and birth date with different IDs; pinyin-equal names, same birth date, same village. */
export async function findDuplicates(db: Db, actor: Actor, limit = 100) {
  const prefix = significantPrefix(actor.scopeCode);
  const pairs = await rows<{ kind: DuplicatePair['kind']; a: string; b: string }>(
    db,
    sql`(select 'same-name-birth' as kind, a.id as a, b.id as b from person a join person b
          on a.name = b.name and a.birth_date = b.birth_date and a.id < b.id
         where a.merged_into is null and b.merged_into is null
           and a.id_number_index is distinct from b.id_number_index
           and a.hukou_region_code like ${prefix + '%'} and b.hukou_region_code like ${prefix + '%'}
         limit ${limit})
        union all
        (select 'same-pinyin-birth-village', a.id, b.id from person a join person b
          on a.name_pinyin = b.name_pinyin and a.birth_date = b.birth_date
             and a.hukou_region_code = b.hukou_region_code and a.name <> b.name and a.id < b.id
         where a.merged_into is null and b.merged_into is null and a.hukou_region_code like ${prefix + '%'}
         limit ${limit})`,
  );
  const out = [];
  for (const p of pairs) {
    const [a, b] = await Promise.all([
      findPerson(db, p.a, actor.scopeCode),
      findPerson(db, p.b, actor.scopeCode),
    ]);
    if (a && b) out.push({ kind: p.kind, a: await view(db, a), b: await view(db, b) });
  }
  return out;
}

/**
 * Merges `drop` into `keep`: the dropped record stays (marked merged, out of every list) so both histories
 * remain; its household memberships move to the survivor; audited with both images.
 */
export async function mergePersons(db: Db, actor: Actor, keepId: string, dropId: string, reason: string) {
  if (keepId === dropId) throw RegistryErrors.MERGE_SAME();
  const keep = await getInScope(db, actor, keepId);
  const drop = await getInScope(db, actor, dropId);
  if (keep.mergedInto || drop.mergedInto) throw RegistryErrors.MERGED();
  // The survivor takes over the dropped record's membership: both current members would leave it in two.
  if ((await currentHouseholds(db, [keepId, dropId])).size === 2)
    throw RegistryErrors.ALREADY_MEMBER({ name: keep.name });
  return inTransaction(db, async (tx) => {
    await tx.execute(
      sql`update household_member m set person_id = ${keepId}, updated_at = now()
          where m.person_id = ${dropId}
            and not exists (select 1 from household_member k where k.person_id = ${keepId} and k.household_id = m.household_id and k.joined_on = m.joined_on)`,
    );
    await tx.execute(
      sql`update household set head_person_id = ${keepId}, updated_at = now() where head_person_id = ${dropId}`,
    );
    const [d] = await tx
      .update(person)
      .set({ mergedInto: keepId, version: sql`${person.version} + 1`, updatedAt: new Date() })
      .where(and(eq(person.id, dropId), isNull(person.mergedInto)))
      .returning();
    if (!d) throw RegistryErrors.MERGED();
    await recordAudit(tx, actor, {
      action: 'person.merge',
      entityType: 'person',
      entityId: keepId,
      before: { keep: await view(tx, keep), drop: await view(tx, drop) },
      after: { mergedInto: keepId, dropped: dropId, reason },
      regionCode: keep.hukouRegionCode,
    });
    return view(tx, (await findPerson(tx, keepId, actor.scopeCode))!);
  });
}
