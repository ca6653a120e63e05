import { and, eq, sql } from 'drizzle-orm';
import type { PersonInput, PersonView } from '@minzheng/contracts';
import type { Db } from '../../platform/db/client';
import { inTransaction } from '../../platform/db/sql';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { recordAudit } from '../../platform/audit/service';
import { fieldErrors, HttpErrors } from '../../platform/http/errors';
import type { Keyring } from '../../platform/crypto/keyring';
import { businessToday } from '../../platform/calendar/today';
import { nameOf } from '../../platform/regions/service';
import { person } from './schema';
import { RegistryErrors } from './errors';
import { checkIdentity } from './rules';
import { isParsed, maskIdNumber, maskPhone, parseIdNumber } from './id-number';
import { looksLikeIdNumber } from '@minzheng/contracts/id-number';
import { namePinyin, pinyinTerm } from './names';
import { currentHouseholds, findByIdIndex, searchPersons } from './repo';
import { toPersonView } from './views';
import { assertDivisions, getInScope, view } from './person-access';

export interface RegistryDeps {
  db: Db;
  keyring: Keyring;
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
    ...(term && looksLikeIdNumber(term)
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
