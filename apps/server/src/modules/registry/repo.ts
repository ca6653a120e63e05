import { and, asc, eq, gt, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { scopeFilter } from '../../platform/access/scope';
import { household, householdMember, person } from './schema';
import type { PersonRow } from './views';

/** A person is in a user's scope by household registration or by residence. */
export function personInScope(scopeCode: string): SQL {
  return or(
    scopeFilter(person.hukouRegionCode, scopeCode),
    scopeFilter(person.residenceRegionCode, scopeCode),
  )!;
}

export async function findPerson(db: Db, id: string, scopeCode: string): Promise<PersonRow | undefined> {
  const [p] = await db
    .select()
    .from(person)
    .where(and(eq(person.id, id), personInScope(scopeCode)));
  return p;
}

export async function findByIdIndex(db: Db, indexes: string[]): Promise<PersonRow | undefined> {
  const [p] = await db.select().from(person).where(inArray(person.idNumberIndex, indexes));
  return p;
}

/** Current household of each person (membership without a leaving date). */
export async function currentHouseholds(db: Db, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const list = await db
    .select({ personId: householdMember.personId, householdId: householdMember.householdId })
    .from(householdMember)
    .where(and(inArray(householdMember.personId, personIds), isNull(householdMember.leftOn)));
  return new Map(list.map((r) => [r.personId, r.householdId]));
}

export interface SearchFilter {
  scopeCode: string;
  idIndexes?: string[];
  pinyin?: string;
  namePrefix?: string;
  region?: string;
  status?: string;
  after?: { sortKey: string; id: string };
  limit: number;
}

/** A typed term taken literally in a LIKE pattern (`%`, `_` and the escape character itself). */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Keyset page in Chinese (pinyin) order; never OFFSET. */
export function searchPersons(db: Db, f: SearchFilter) {
  return db
    .select()
    .from(person)
    .where(
      and(
        isNull(person.mergedInto),
        personInScope(f.scopeCode),
        f.idIndexes ? inArray(person.idNumberIndex, f.idIndexes) : undefined,
        f.pinyin
          ? or(like(person.namePinyin, `${f.pinyin}%`), like(person.nameInitials, `${f.pinyin}%`))
          : undefined,
        f.namePrefix ? like(person.name, `${escapeLike(f.namePrefix)}%`) : undefined,
        f.region ? scopeFilter(person.hukouRegionCode, f.region) : undefined,
        f.status ? eq(person.livingStatus, f.status) : undefined,
        f.after
          ? or(
              gt(person.sortKey, f.after.sortKey),
              and(eq(person.sortKey, f.after.sortKey), gt(person.id, f.after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(person.sortKey), asc(person.id))
    .limit(f.limit + 1);
}

export async function nextHouseholdNumber(tx: Db, regionCode: string): Promise<string> {
  const county = regionCode.slice(0, 6);
  const r = (await tx.execute(
    sql`select count(*)::int + 1 as n from household where number like ${'HH-' + county + '-%'}`,
  )) as unknown as { rows: { n: number }[] };
  return `HH-${county}-${String(r.rows[0]!.n).padStart(7, '0')}`;
}

export async function findHousehold(db: Db, id: string, scopeCode: string) {
  const [h] = await db
    .select()
    .from(household)
    .where(and(eq(household.id, id), scopeFilter(household.regionCode, scopeCode)));
  return h;
}

export function membersOf(db: Db, householdId: string) {
  return db
    .select({
      personId: householdMember.personId,
      name: person.name,
      idNumberMasked: person.idNumberMasked,
      sex: person.sex,
      birthDate: person.birthDate,
      relation: householdMember.relation,
      joinedOn: householdMember.joinedOn,
      joinReason: householdMember.joinReason,
      leftOn: householdMember.leftOn,
      leaveReason: householdMember.leaveReason,
      livingStatus: person.livingStatus,
    })
    .from(householdMember)
    .innerJoin(person, eq(person.id, householdMember.personId))
    .where(eq(householdMember.householdId, householdId))
    .orderBy(asc(householdMember.relation), asc(householdMember.joinedOn));
}
