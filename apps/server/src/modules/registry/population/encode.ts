import type { Keyring } from '../../../platform/crypto/keyring';
import { maskIdNumber, maskPhone } from '../id-number';
import { namePinyin, type NamePinyin } from '../names';
import type { HouseholdRecord, MemberRecord, PersonRecord, PopulationChunk } from './generate';

/** The columns COPY writes, in the order of the CSV lines below (the rest keep their defaults). */
export const PERSON_COLUMNS = [
  'id',
  'id_number_enc',
  'id_number_index',
  'id_number_masked',
  'name',
  'name_pinyin',
  'name_initials',
  'sort_key',
  'sex',
  'birth_date',
  'ethnicity',
  'phone_enc',
  'phone_index',
  'phone_masked',
  'hukou_region_code',
  'living_status',
  'death_date',
  'death_source',
  'disability_category',
  'disability_grade',
  'serious_illness',
  'labour_capacity',
].join(', ');
export const HOUSEHOLD_COLUMNS = 'id, number, head_person_id, address, region_code, urban_rural';
export const MEMBER_COLUMNS =
  'household_id, person_id, joined_on, relation, join_reason, left_on, leave_reason';

/** Names repeat a lot (张伟, 王芳 …): pinyin is computed once per distinct name, in a bounded cache. */
const PINYIN_CACHE_LIMIT = 400_000;

/**
 * Turns generated records into CSV lines for COPY (format csv: an empty unquoted field is NULL). Sensitive
 * values are stored exactly as the registry service stores them (`derivedColumns`): AES-GCM ciphertext under the
 * current key, the blind index, and the masked form; the plain values never reach the database.
 * No generated value holds a comma, quote or line break, so nothing needs quoting.
 */
export class RowEncoder {
  private readonly pinyin = new Map<string, NamePinyin>();

  constructor(private readonly keyring: Keyring) {}

  namePinyin(name: string): NamePinyin {
    let py = this.pinyin.get(name);
    if (!py) {
      if (this.pinyin.size >= PINYIN_CACHE_LIMIT) this.pinyin.clear();
      py = namePinyin(name);
      this.pinyin.set(name, py);
    }
    return py;
  }

  person(p: PersonRecord): string {
    const k = this.keyring;
    const py = this.namePinyin(p.name);
    const phone = p.phone ? `${k.encrypt(p.phone)},${k.blindIndex(p.phone)},${maskPhone(p.phone)}` : ',,';
    return (
      `${p.id},${k.encrypt(p.idNumber)},${k.blindIndex(p.idNumber)},${maskIdNumber(p.idNumber)},` +
      `${p.name},${py.full},${py.initials},${py.sortKey},${p.sex},${p.birthDate},${p.ethnicity},${phone},` +
      `${p.hukouRegionCode},${p.livingStatus},${p.deathDate ?? ''},${p.deathSource ?? ''},` +
      `${p.disabilityCategory ?? ''},${p.disabilityGrade ?? ''},${p.seriousIllness ? 't' : 'f'},${p.labourCapacity}\n`
    );
  }

  household(h: HouseholdRecord): string {
    return `${h.id},${h.number},${h.headPersonId},${h.address},${h.regionCode},${h.urbanRural}\n`;
  }

  member(m: MemberRecord): string {
    return `${m.householdId},${m.personId},${m.joinedOn},${m.relation},${m.joinReason},${m.leftOn ?? ''},${m.leaveReason ?? ''}\n`;
  }
}

/** One generated chunk as the bytes COPY reads (outside the JS heap, and transferable between threads). */
export interface EncodedChunk {
  persons: Uint8Array;
  households: Uint8Array;
  members: Uint8Array;
  /** Rows: persons, households, memberships. */
  counts: [number, number, number];
}

export function encodeChunk(chunk: PopulationChunk, encoder: RowEncoder): EncodedChunk {
  let persons = '';
  for (const p of chunk.persons) persons += encoder.person(p);
  let households = '';
  for (const h of chunk.households) households += encoder.household(h);
  let members = '';
  for (const m of chunk.members) members += encoder.member(m);
  return {
    persons: Buffer.from(persons),
    households: Buffer.from(households),
    members: Buffer.from(members),
    counts: [chunk.persons.length, chunk.households.length, chunk.members.length],
  };
}
