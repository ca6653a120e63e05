import { and, eq, isNull, sql } from 'drizzle-orm';
import type { HouseholdView, PersonInput, PersonView } from '@minzheng/contracts';
import type { Db } from '../../platform/db/client';
import { inTransaction, rows } from '../../platform/db/sql';
import type { Actor } from '../../platform/access/actor';
import { inScope, significantPrefix } from '../../platform/access/scope';
import { recordAudit } from '../../platform/audit/service';
import { fieldErrors, HttpErrors, type FieldProblem } from '../../platform/http/errors';
import type { Keyring } from '../../platform/crypto/keyring';
import { businessToday } from '../../platform/calendar/today';
import { nameOf } from '../../platform/regions/service';
import { divisionAsOf } from '../../platform/regions/repo';
import { household, householdMember, person } from './schema';
import { RegistryErrors } from './errors';
import { checkIdentity, isMemberRelation } from './rules';
import { isParsed, maskIdNumber, maskPhone, parseIdNumber } from './id-number';
import { namePinyin, pinyinTerm } from './names';
import {
  currentHouseholds,
  findByIdIndex,
  findHousehold,
  findPerson,
  membersOf,
  nextHouseholdNumber,
  searchPersons,
} from './repo';
import { toPersonView, type PersonRow } from './views';

export interface RegistryDeps {
  db: Db;
  keyring: Keyring;
}

async function view(db: Db, p: PersonRow): Promise<PersonView> {
  const hh = await currentHouseholds(db, [p.id]);
  return toPersonView(p, {
    hukouRegionName: await nameOf(db, p.hukouRegionCode),
    householdId: hh.get(p.id) ?? null,
  });
}

async function getInScope(db: Db, actor: Actor, id: string): Promise<PersonRow> {
  const p = await findPerson(db, id, actor.scopeCode);
  if (!p) throw RegistryErrors.PERSON_NOT_FOUND();
  return p;
}

/** Region codes on a record name a current division (a grid code: its village). */
async function assertDivisions(db: Db, codes: Record<string, string | null | undefined>) {
  const issues: FieldProblem[] = [];
  for (const [field, code] of Object.entries(codes)) {
    if (!code) continue;
    const d = await divisionAsOf(db, code.slice(0, 12), businessToday());
    if (d?.code !== code.slice(0, 12))
      issues.push({ field, zh: `区划 ${code} 不存在或已撤销`, en: `no current division ${code}` });
  }
  if (issues.length > 0) throw fieldErrors(issues);
}

/** The column values derived from a person's input (encryption, blind index, masks, pinyin). */
export function derivedColumns(
  keyring: Keyring,
  input: { idNumber: string | null; phone?: string | null; name: string },
) {
  const py = namePinyin(input.name);
  return {
    idNumberEnc: input.idNumber ? keyring.encrypt(input.idNumber) : null,
    idNumberIndex: input.idNumber ? keyring.blindIndex(input.idNumber) : null,
    idNumberMasked: input.idNumber ? maskIdNumber(input.idNumber) : null,
    ...(input.phone !== undefined && {
      phoneEnc: input.phone ? keyring.encrypt(input.phone) : null,
      phoneIndex: input.phone ? keyring.blindIndex(input.phone) : null,
      phoneMasked: input.phone ? maskPhone(input.phone) : null,
    }),
    namePinyin: py.full,
    nameInitials: py.initials,
    sortKey: py.sortKey,
  };
}

/** One ID number is one person: a second registration is refused with a link to the first. */
export async function createPerson(
  { db, keyring }: RegistryDeps,
  actor: Actor,
  input: PersonInput,
): Promise<PersonView> {
  const identity = checkIdentity(input, businessToday());
  if (!inScope(actor.scopeCode, input.hukouRegionCode))
    throw HttpErrors.FORBIDDEN({ permission: `scope ${input.hukouRegionCode}` });
  await assertDivisions(db, {
    hukouRegionCode: input.hukouRegionCode,
    residenceRegionCode: input.residenceRegionCode,
  });
  if (identity.idNumber) {
    const existing = await findByIdIndex(db, keyring.blindIndexes(identity.idNumber));
    if (existing) throw RegistryErrors.DUPLICATE_ID({ personId: existing.id }, { personId: existing.id });
  }
  return inTransaction(db, async (tx) => {
    const [p] = await tx
      .insert(person)
      .values({
        ...derivedColumns(keyring, {
          idNumber: identity.idNumber,
          phone: input.phone ?? null,
          name: input.name,
        }),
        noIdReason: identity.idNumber ? null : input.noIdReason!,
        name: input.name,
        sex: identity.sex,
        birthDate: identity.birthDate,
        ethnicity: input.ethnicity,
        hukouRegionCode: input.hukouRegionCode,
        residenceRegionCode: input.residenceRegionCode ?? null,
        disabilityCategory: input.disabilityCategory ?? null,
        disabilityGrade: input.disabilityGrade ?? null,
        seriousIllness: input.seriousIllness,
        labourCapacity: input.labourCapacity,
      })
      // A concurrent registration of the same number wins the race; this one gets the same answer as above.
      .onConflictDoNothing({ target: person.idNumberIndex })
      .returning();
    if (!p) {
      const existing = await findByIdIndex(tx, keyring.blindIndexes(identity.idNumber!));
      throw RegistryErrors.DUPLICATE_ID({ personId: existing?.id }, { personId: existing?.id });
    }
    const v = await view(tx, p);
    await recordAudit(tx, actor, {
      action: 'person.create',
      entityType: 'person',
      entityId: p.id,
      after: v,
      regionCode: p.hukouRegionCode,
    });
    return v;
  });
}

export async function getPerson(db: Db, actor: Actor, id: string): Promise<PersonView> {
  return view(db, await getInScope(db, actor, id));
}

/** Shows one sensitive value in full; the audit row names who saw what, and why. */
export async function revealField(
  { db, keyring }: RegistryDeps,
  actor: Actor,
  id: string,
  field: 'idNumber' | 'phone',
  reason: string,
) {
  const p = await getInScope(db, actor, id);
  const stored = field === 'idNumber' ? p.idNumberEnc : p.phoneEnc;
  const value = stored ? keyring.decrypt(stored) : '';
  await inTransaction(db, (tx) =>
    recordAudit(tx, actor, {
      action: 'person.reveal',
      entityType: 'person',
      entityId: id,
      after: { field, reason },
      regionCode: p.hukouRegionCode,
    }),
  );
  return { field, value };
}

export interface PersonUpdate extends Partial<Omit<PersonInput, 'idNumber' | 'noIdReason'>> {
  version: number;
}

export async function updatePerson(
  { db, keyring }: RegistryDeps,
  actor: Actor,
  id: string,
  input: PersonUpdate,
) {
  const before = await getInScope(db, actor, id);
  if (before.mergedInto) throw RegistryErrors.MERGED();
  if (input.hukouRegionCode && !inScope(actor.scopeCode, input.hukouRegionCode))
    throw HttpErrors.FORBIDDEN({ permission: `scope ${input.hukouRegionCode}` });
  await assertDivisions(db, {
    hukouRegionCode: input.hukouRegionCode,
    residenceRegionCode: input.residenceRegionCode,
  });
  if (before.idNumberEnc && (input.sex !== undefined || input.birthDate !== undefined)) {
    checkIdentity(
      { idNumber: keyring.decrypt(before.idNumberEnc), sex: input.sex, birthDate: input.birthDate },
      businessToday(),
    );
  }
  const { version, phone, ...rest } = input;
  return inTransaction(db, async (tx) => {
    const [p] = await tx
      .update(person)
      .set({
        ...rest,
        ...(input.name !== undefined && derivedColumns(keyring, { idNumber: null, name: input.name })),
        ...(input.name !== undefined && {
          idNumberEnc: before.idNumberEnc,
          idNumberIndex: before.idNumberIndex,
          idNumberMasked: before.idNumberMasked,
        }),
        ...(phone !== undefined && {
          phoneEnc: keyring.encrypt(phone),
          phoneIndex: keyring.blindIndex(phone),
          phoneMasked: maskPhone(phone),
        }),
        version: sql`${person.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(person.id, id), eq(person.version, version)))
      .returning();
    if (!p) throw HttpErrors.STALE_VERSION();
    const v = await view(tx, p);
    await recordAudit(tx, actor, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      before: await view(tx, before),
      after: v,
      regionCode: p.hukouRegionCode,
    });
    return v;
  });
}

/**
 * A death recorded by any source (civil registration, hospital, cremation, a village worker) reaches every
 * programme through this one record.
 */
export async function recordDeath(
  db: Db,
  actor: Actor,
  id: string,
  input: { deathDate: string; source: string; version: number },
) {
  const before = await getInScope(db, actor, id);
  if (before.livingStatus === 'deceased') throw RegistryErrors.ALREADY_DECEASED();
  if (input.deathDate > businessToday() || input.deathDate < before.birthDate)
    throw fieldErrors([
      {
        field: 'deathDate',
        zh: '死亡日期不能晚于今天或早于出生日期',
        en: 'must not be after today or before the birth date',
      },
    ]);
  return inTransaction(db, async (tx) => {
    const [p] = await tx
      .update(person)
      .set({
        livingStatus: 'deceased',
        deathDate: input.deathDate,
        deathSource: input.source,
        version: sql`${person.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(person.id, id), eq(person.version, input.version)))
      .returning();
    if (!p) throw HttpErrors.STALE_VERSION();
    await recordAudit(tx, actor, {
      action: 'person.death',
      entityType: 'person',
      entityId: id,
      after: { deathDate: input.deathDate, source: input.source },
      regionCode: p.hukouRegionCode,
    });
    return view(tx, p);
  });
}

export function encodeCursor(p: { sortKey: string; id: string }) {
  return Buffer.from(JSON.stringify([p.sortKey, p.id])).toString('base64url');
}
function decodeCursor(c: string): { sortKey: string; id: string } {
  try {
    const [sortKey, id] = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as [string, string];
    if (typeof sortKey !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad');
    return { sortKey, id };
  } catch {
    throw HttpErrors.BAD_REQUEST({ reason: 'cursor' });
  }
}

export interface PersonQuery {
  q?: string;
  region?: string;
  status?: 'alive' | 'deceased';
  cursor?: string;
  limit: number;
}

/** Search within the caller's scope: an ID number (exact), a Chinese name prefix, or pinyin ("zhangsan", "zs"). */
export async function findPersons({ db, keyring }: RegistryDeps, actor: Actor, q: PersonQuery) {
  const term = q.q?.trim();
  const filter = {
    scopeCode: actor.scopeCode,
    region: q.region,
    status: q.status,
    limit: q.limit,
    after: q.cursor ? decodeCursor(q.cursor) : undefined,
    ...(term && /^\d{14}[\dxX]$|^\d{17}[\dxX]$/.test(term)
      ? { idIndexes: keyring.blindIndexes(normaliseId(term)) }
      : term && pinyinTerm(term)
        ? { pinyin: pinyinTerm(term)! }
        : term
          ? { namePrefix: term }
          : {}),
  };
  if (q.region && !inScope(actor.scopeCode, q.region)) return { items: [], nextCursor: null };
  const list = await searchPersons(db, filter);
  const page = list.slice(0, q.limit);
  const hh = await currentHouseholds(
    db,
    page.map((p) => p.id),
  );
  const names = new Map<string, string>();
  for (const code of new Set(page.map((p) => p.hukouRegionCode))) names.set(code, await nameOf(db, code));
  return {
    items: page.map((p) =>
      toPersonView(p, { hukouRegionName: names.get(p.hukouRegionCode)!, householdId: hh.get(p.id) ?? null }),
    ),
    nextCursor: list.length > q.limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

/** The canonical 18-character form of a typed ID number (a 15-digit one upgraded); unchanged when invalid. */
function normaliseId(term: string): string {
  const parsed = parseIdNumber(term);
  return isParsed(parsed) ? parsed.idNumber : term.toUpperCase();
}

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
