import { and, eq, isNull, sql } from 'drizzle-orm';
import type { HouseholdView } from '@minzheng/contracts';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/sql';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { recordAudit } from '../../platform/audit/service';
import { fieldErrors, HttpErrors } from '../../platform/http/errors';
import { businessToday } from '../../platform/calendar/today';
import { nameOf } from '../../platform/regions/service';
import { household, householdMember } from './schema';
import { RegistryErrors } from './errors';
import { isMemberRelation } from './rules';
import { currentHouseholds, findHousehold, findPerson, membersOf, nextHouseholdNumber } from './repo';
import { assertDivisions } from './person-access';

export async function getHousehold(db: Db, actor: Actor, id: string): Promise<HouseholdView> {
  const h = await findHousehold(db, id, actor.scopeCode);
  if (!h) throw RegistryErrors.HOUSEHOLD_NOT_FOUND();
  const members = await membersOf(db, id);
  const head = members.find((m) => m.personId === h.headPersonId);
  return {
    id: h.id,
    number: h.number,
    headPersonId: h.headPersonId,
    headName: head?.name ?? '',
    address: h.address,
    regionCode: h.regionCode,
    regionName: await nameOf(db, h.regionCode),
    urbanRural: h.urbanRural as HouseholdView['urbanRural'],
    members: members.map((m) => ({ ...m, sex: m.sex as '1', livingStatus: m.livingStatus as 'alive' })),
    version: h.version,
  };
}

export interface HouseholdInput {
  headPersonId: string;
  address: string;
  regionCode: string;
  urbanRural: 'urban' | 'rural';
  members: { personId: string; relation: string; joinedOn?: string; reason?: string }[];
}

/** Members' relations to the head come from GB/T 4761 and are never 02: a household has one head. */
function assertRelations(list: [field: string, relation: string][]) {
  const issues = list
    .filter(([, r]) => !isMemberRelation(r))
    .map(([field, r]) => ({ field, zh: `与户主关系代码 ${r} 无效`, en: `invalid relation code ${r}` }));
  if (issues.length > 0) throw fieldErrors(issues);
}

export async function createHousehold(db: Db, actor: Actor, input: HouseholdInput): Promise<HouseholdView> {
  if (!inScope(actor.scopeCode, input.regionCode)) throw RegistryErrors.HOUSEHOLD_NOT_FOUND();
  await assertDivisions(db, { regionCode: input.regionCode });
  assertRelations(
    input.members.flatMap((m, i) =>
      m.personId === input.headPersonId ? [] : [[`members.${i}.relation`, m.relation] as [string, string]],
    ),
  );
  const all = [
    { personId: input.headPersonId, relation: '02' },
    ...input.members.filter((m) => m.personId !== input.headPersonId),
  ];
  const id = await inTransaction(db, async (tx) => {
    for (const m of all) {
      const p = await findPerson(tx, m.personId, actor.scopeCode);
      if (!p) throw RegistryErrors.PERSON_NOT_FOUND();
      const current = await currentHouseholds(tx, [p.id]);
      if (current.size > 0) throw RegistryErrors.ALREADY_MEMBER({ name: p.name });
    }
    const [h] = await tx
      .insert(household)
      .values({
        number: await nextHouseholdNumber(tx, input.regionCode),
        headPersonId: input.headPersonId,
        address: input.address,
        regionCode: input.regionCode,
        urbanRural: input.urbanRural,
      })
      .returning();
    const today = businessToday();
    await tx.insert(householdMember).values(
      all.map((m) => ({
        householdId: h!.id,
        personId: m.personId,
        relation: m.relation,
        joinedOn: ('joinedOn' in m && m.joinedOn) || today,
        joinReason: ('reason' in m && m.reason) || '建档',
      })),
    );
    await recordAudit(tx, actor, {
      action: 'household.create',
      entityType: 'household',
      entityId: h!.id,
      after: { ...input, number: h!.number },
      regionCode: input.regionCode,
    });
    return h!.id;
  });
  return getHousehold(db, actor, id);
}

export async function addMember(
  db: Db,
  actor: Actor,
  householdId: string,
  m: { personId: string; relation: string; joinedOn?: string; reason?: string },
) {
  assertRelations([['relation', m.relation]]);
  await inTransaction(db, async (tx) => {
    const h = await findHousehold(tx, householdId, actor.scopeCode);
    if (!h) throw RegistryErrors.HOUSEHOLD_NOT_FOUND();
    const p = await findPerson(tx, m.personId, actor.scopeCode);
    if (!p) throw RegistryErrors.PERSON_NOT_FOUND();
    if ((await currentHouseholds(tx, [p.id])).size > 0) throw RegistryErrors.ALREADY_MEMBER({ name: p.name });
    await tx.insert(householdMember).values({
      householdId,
      personId: m.personId,
      relation: m.relation,
      joinedOn: m.joinedOn ?? businessToday(),
      joinReason: m.reason ?? null,
    });
    await tx
      .update(household)
      .set({ version: sql`${household.version} + 1`, updatedAt: new Date() })
      .where(eq(household.id, householdId));
    await recordAudit(tx, actor, {
      action: 'household.member-join',
      entityType: 'household',
      entityId: householdId,
      after: m,
      regionCode: h.regionCode,
    });
  });
  return getHousehold(db, actor, householdId);
}

export async function removeMember(
  db: Db,
  actor: Actor,
  householdId: string,
  personId: string,
  input: { leftOn: string; reason: string; version: number },
) {
  await inTransaction(db, async (tx) => {
    const h = await findHousehold(tx, householdId, actor.scopeCode);
    if (!h) throw RegistryErrors.HOUSEHOLD_NOT_FOUND();
    if (h.headPersonId === personId) throw RegistryErrors.HEAD_CANNOT_LEAVE();
    const [moved] = await tx
      .update(household)
      .set({ version: sql`${household.version} + 1`, updatedAt: new Date() })
      .where(and(eq(household.id, householdId), eq(household.version, input.version)))
      .returning();
    if (!moved) throw HttpErrors.STALE_VERSION();
    const left = await tx
      .update(householdMember)
      .set({ leftOn: input.leftOn, leaveReason: input.reason, updatedAt: new Date() })
      .where(
        and(
          eq(householdMember.householdId, householdId),
          eq(householdMember.personId, personId),
          isNull(householdMember.leftOn),
        ),
      )
      .returning();
    if (left.length === 0) throw RegistryErrors.NOT_MEMBER();
    await recordAudit(tx, actor, {
      action: 'household.member-leave',
      entityType: 'household',
      entityId: householdId,
      after: { personId, ...input },
      regionCode: h.regionCode,
    });
  });
  return getHousehold(db, actor, householdId);
}
