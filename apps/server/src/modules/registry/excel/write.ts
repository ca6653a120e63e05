import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client';
import { array, one, rows } from '../../../platform/db/sql';
import { significantPrefix } from '../../../platform/access/scope';
import type { Keyring } from '../../../platform/crypto/keyring';
import { maskIdNumber, maskPhone } from '../id-number';
import { namePinyin } from '../names';
import { LABEL } from './columns';
import type { ValidRow } from './validate';

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  failed: { rowNo: number; message: string }[];
}

// The batch as a relation: unnest(...) of one array per column, cast to the column's type.
const V_COLUMNS = [
  ['match_idx', 'text'],
  ['idx', 'text'],
  ['enc', 'text'],
  ['masked', 'text'],
  ['no_id_reason', 'text'],
  ['name', 'text'],
  ['py', 'text'],
  ['ini', 'text'],
  ['sk', 'text'],
  ['sex', 'text'],
  ['birth', 'date'],
  ['eth', 'text'],
  ['ph_enc', 'text'],
  ['ph_idx', 'text'],
  ['ph_mask', 'text'],
  ['hukou', 'text'],
  ['res', 'text'],
  ['dcat', 'text'],
  ['dgrade', 'int'],
  ['serious', 'bool'],
  ['labour', 'text'],
] as const;
type Columns = Record<(typeof V_COLUMNS)[number][0], unknown[]>;

function relation(c: Columns): SQL {
  const args = sql.join(
    V_COLUMNS.map(([name, type]) => sql`${array(c[name])}::${sql.raw(type)}[]`),
    sql`, `,
  );
  return sql`select * from unnest(${args}) as v(${sql.raw(V_COLUMNS.map(([n]) => n).join(', '))})`;
}

// What an import sets on a person it matched. A blank cell (null) keeps the registry's value; the phone is
// re-encrypted only when it changed. `CHANGED` repeats in SQL the check `differs` made, so a row changed
// meanwhile by someone else is still written only when it differs.
const SET = sql.raw(`name = v.name, name_pinyin = v.py, name_initials = v.ini, sort_key = v.sk, sex = v.sex,
  birth_date = v.birth, ethnicity = coalesce(v.eth, p.ethnicity),
  phone_enc = case when v.ph_idx is null or v.ph_idx = p.phone_index then p.phone_enc else v.ph_enc end,
  phone_index = coalesce(v.ph_idx, p.phone_index), phone_masked = coalesce(v.ph_mask, p.phone_masked),
  hukou_region_code = v.hukou, residence_region_code = coalesce(v.res, p.residence_region_code),
  disability_category = coalesce(v.dcat, p.disability_category),
  disability_grade = coalesce(v.dgrade, p.disability_grade),
  serious_illness = coalesce(v.serious, p.serious_illness), labour_capacity = coalesce(v.labour, p.labour_capacity),
  version = p.version + 1, updated_at = now()`);
const CHANGED = sql.raw(`(p.name, p.sex, p.birth_date, p.ethnicity, p.phone_index, p.hukou_region_code,
    p.residence_region_code, p.disability_category, p.disability_grade, p.serious_illness, p.labour_capacity)
  is distinct from (v.name, v.sex, v.birth, coalesce(v.eth, p.ethnicity), coalesce(v.ph_idx, p.phone_index), v.hukou,
    coalesce(v.res, p.residence_region_code), coalesce(v.dcat, p.disability_category),
    coalesce(v.dgrade, p.disability_grade), coalesce(v.serious, p.serious_illness),
    coalesce(v.labour, p.labour_capacity))`);
const INSERT =
  sql.raw(`insert into person (id_number_enc, id_number_index, id_number_masked, no_id_reason, name,
    name_pinyin, name_initials, sort_key, sex, birth_date, ethnicity, phone_enc, phone_index, phone_masked,
    hukou_region_code, residence_region_code, disability_category, disability_grade, serious_illness, labour_capacity)
  select v.enc, v.idx, v.masked, v.no_id_reason, v.name, v.py, v.ini, v.sk, v.sex, v.birth, coalesce(v.eth, '01'),
    v.ph_enc, v.ph_idx, v.ph_mask, v.hukou, v.res, v.dcat, v.dgrade, coalesce(v.serious, false),
    coalesce(v.labour, 'unknown')
  from v`);

interface Outgoing {
  row: ValidRow;
  /** Blind index of the matched person (null: a new person). */
  matchIdx: string | null;
  /** Blind index under the current key, already computed for the look-up. */
  idx: string | null;
  phoneChanged: boolean;
}

/** The stored columns of each row: the derivations of `derivedColumns` (createPerson), computed once. */
function columnsOf(keyring: Keyring, list: Outgoing[]): Columns {
  const c = Object.fromEntries(V_COLUMNS.map(([n]) => [n, [] as unknown[]])) as Columns;
  for (const { row: r, matchIdx, idx, phoneChanged } of list) {
    const py = namePinyin(r.name);
    // A matched person's ID number is stored already; a new one's is encrypted, indexed and masked.
    const id = !matchIdx && r.idNumber ? r.idNumber : null;
    const phone = r.phone && phoneChanged ? r.phone : null;
    c.match_idx.push(matchIdx);
    c.idx.push(id ? idx : null);
    c.enc.push(id ? keyring.encrypt(id) : null);
    c.masked.push(id ? maskIdNumber(id) : null);
    c.no_id_reason.push(r.noIdReason);
    c.name.push(r.name);
    c.py.push(py.full);
    c.ini.push(py.initials);
    c.sk.push(py.sortKey);
    c.sex.push(r.sex);
    c.birth.push(r.birthDate);
    c.eth.push(r.ethnicity);
    c.ph_enc.push(phone ? keyring.encrypt(phone) : null);
    c.ph_idx.push(phone ? keyring.blindIndex(phone) : null);
    c.ph_mask.push(phone ? maskPhone(phone) : null);
    c.hukou.push(r.hukouRegionCode);
    c.res.push(r.residenceRegionCode);
    c.dcat.push(r.disabilityCategory);
    c.dgrade.push(r.disabilityGrade);
    c.serious.push(r.seriousIllness);
    c.labour.push(r.labourCapacity);
  }
  return c;
}

/** A registered person as the import compares it. */
interface Existing {
  idx: string;
  merged: boolean;
  in_scope: boolean;
  name: string;
  sex: string;
  birth_date: string;
  ethnicity: string;
  phone_index: string | null;
  hukou_region_code: string;
  residence_region_code: string | null;
  disability_category: string | null;
  disability_grade: number | null;
  serious_illness: boolean;
  labour_capacity: string;
}

/** True when writing `r` would change `e` (blank cells keep the registry's value, as `SET` does). */
function differs(r: ValidRow, e: Existing, phoneChanged: boolean): boolean {
  return (
    r.name !== e.name ||
    r.sex !== e.sex ||
    r.birthDate !== e.birth_date ||
    (r.ethnicity ?? e.ethnicity) !== e.ethnicity ||
    phoneChanged ||
    r.hukouRegionCode !== e.hukou_region_code ||
    (r.residenceRegionCode ?? e.residence_region_code) !== e.residence_region_code ||
    (r.disabilityCategory ?? e.disability_category) !== e.disability_category ||
    (r.disabilityGrade ?? e.disability_grade) !== e.disability_grade ||
    (r.seriousIllness ?? e.serious_illness) !== e.serious_illness ||
    (r.labourCapacity ?? e.labour_capacity) !== e.labour_capacity
  );
}

const counted = async (tx: Db, query: SQL) => (await one<{ n: number }>(tx, query))!.n;

/**
 * Writes one batch of checked rows in the caller's transaction, set-based. Rows with an ID number: one
 * look-up of the batch's blind indexes (under every key of the ring, so a key rotation in progress matches
 * too); then one INSERT … SELECT FROM unnest(…) of the new persons and one UPDATE … FROM unnest(…) of the
 * matched persons that differ; persons that differ in nothing are not written (a re-import of the same file
 * writes nothing). A person registered outside the importer's scope is reported, never overwritten. Rows
 * without an ID number are matched by name, birth date and household-registration village, in one statement.
 */
export async function writeBatch(
  tx: Db,
  keyring: Keyring,
  scopeCode: string,
  batch: ValidRow[],
): Promise<BatchOutcome> {
  const failed: BatchOutcome['failed'] = [];
  const withId = batch.filter((r) => r.idNumber);
  const withoutId = batch.filter((r) => !r.idNumber);
  const rotating = keyring.ids().length > 1;
  const indexesOf = (v: string) => (rotating ? keyring.blindIndexes(v) : [keyring.blindIndex(v)]);
  const indexes = withId.map((r) => indexesOf(r.idNumber!));
  const prefix = significantPrefix(scopeCode);
  const found = new Map<string, Existing>();
  if (withId.length > 0) {
    const list = await rows<Existing>(
      tx,
      sql`select id_number_index as idx, merged_into is not null as merged,
            (hukou_region_code like ${prefix + '%'} or coalesce(residence_region_code, '') like ${prefix + '%'}) as in_scope,
            name, sex, birth_date, ethnicity, phone_index, hukou_region_code, residence_region_code,
            disability_category, disability_grade, serious_illness, labour_capacity
          from person where id_number_index = any(${array(indexes.flat())}::text[])`,
    );
    for (const e of list) found.set(e.idx, e);
  }
  const inserts: Outgoing[] = [];
  const updates: Outgoing[] = [];
  withId.forEach((row, i) => {
    const mine = indexes[i]!;
    const idx = rotating ? keyring.blindIndex(row.idNumber!) : mine[0]!;
    const e = mine.map((x) => found.get(x)).find(Boolean);
    if (!e) return inserts.push({ row, matchIdx: null, idx, phoneChanged: true });
    if (!e.in_scope)
      failed.push({ rowNo: row.rowNo, message: `${LABEL.idNumber}：该人员已在您管辖范围以外的地区登记` });
    else if (e.merged)
      failed.push({ rowNo: row.rowNo, message: `${LABEL.idNumber}：该号码的人员记录已合并到另一条记录` });
    else {
      const phoneChanged = row.phone !== null && !indexesOf(row.phone).includes(e.phone_index ?? '');
      // Equal in every column: nothing to write.
      if (differs(row, e, phoneChanged)) updates.push({ row, matchIdx: e.idx, idx, phoneChanged });
    }
  });

  let created = 0;
  let updated = 0;
  if (inserts.length > 0)
    // A concurrent import that inserted the same new ID number first wins; this row then counts unchanged.
    created += await counted(
      tx,
      sql`with v as (${relation(columnsOf(keyring, inserts))}),
          ins as (${INSERT} on conflict (id_number_index) do nothing returning 1)
          select count(*)::int as n from ins`,
    );
  if (updates.length > 0)
    updated += await counted(
      tx,
      sql`with v as (${relation(columnsOf(keyring, updates))}),
          upd as (update person p set ${SET} from v where p.id_number_index = v.match_idx and ${CHANGED}
                  returning 1)
          select count(*)::int as n from upd`,
    );
  if (withoutId.length > 0) {
    const same = sql.raw(`p.id_number_index is null and p.merged_into is null and p.name = v.name
      and p.birth_date = v.birth and p.hukou_region_code = v.hukou`);
    const r = await one<{ updated: number; created: number }>(
      tx,
      sql`with v as (${relation(
        columnsOf(
          keyring,
          withoutId.map((row) => ({ row, matchIdx: null, idx: null, phoneChanged: true })),
        ),
      )}),
          upd as (update person p set ${SET}, no_id_reason = v.no_id_reason from v
                  where ${same} and (${CHANGED} or p.no_id_reason is distinct from v.no_id_reason)
                  returning p.id),
          ins as (${INSERT} where not exists (select 1 from person p where ${same}) returning id)
          select (select count(*)::int from upd) as updated, (select count(*)::int from ins) as created`,
    );
    created += r!.created;
    updated += r!.updated;
  }
  // Whatever was sent but not written was equal by the time it arrived (or lost a race to insert it).
  // (Several persons without ID alike in name, birth date and village are all updated: never below zero.)
  const unchanged = Math.max(0, batch.length - failed.length - created - updated);
  return { created, updated, unchanged, failed };
}
