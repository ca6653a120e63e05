import { randomBytes } from 'node:crypto';
import { checkCharacter } from '../id-number';
import { DAYS_PER_YEAR, ID_DATE, ISO_DATE, YEAR_OF, dayOf } from './calendar';
import { Prng, Weighted } from './prng';
import {
  AGE_PYRAMID,
  BAOJI_POPULATION,
  COUNTY_WEIGHTS,
  DEATH_SOURCES,
  DISABILITY_CATEGORIES,
  DISABILITY_GRADES,
  ETHNICITIES,
  FORMER_CODES,
  GIVEN_NAMES,
  HOUSEHOLD_SIZES,
  OUTSIDE_CODES,
  PHONE_PREFIXES,
  POPULATION_AS_OF,
  SURNAMES,
} from './tables';

/** A current village-level division (administrative village or urban community) people are registered in. */
export interface Village {
  code: string;
  name: string;
  townshipName: string;
  countyName: string;
}

/** One generated person, with plain values: encryption happens when the row is written. */
export interface PersonRecord {
  id: string;
  idNumber: string;
  name: string;
  sex: '1' | '2';
  birthDate: string;
  ethnicity: string;
  phone: string | null;
  hukouRegionCode: string;
  livingStatus: 'alive' | 'deceased';
  deathDate: string | null;
  deathSource: string | null;
  disabilityCategory: string | null;
  disabilityGrade: number | null;
  seriousIllness: boolean;
  labourCapacity: 'full' | 'partial' | 'none';
}

export interface HouseholdRecord {
  id: string;
  number: string;
  headPersonId: string;
  address: string;
  regionCode: string;
  urbanRural: 'urban' | 'rural';
}

export interface MemberRecord {
  householdId: string;
  personId: string;
  joinedOn: string;
  /** GB/T 4761-2008: 02 head, 10 spouse, 20 son, 30 daughter, 38 daughter-in-law, 40 grandchild, 50 parent. */
  relation: string;
  joinReason: string;
  leftOn: string | null;
  leaveReason: string | null;
}

export interface PopulationChunk {
  persons: PersonRecord[];
  households: HouseholdRecord[];
  members: MemberRecord[];
}

export interface GenerateOptions {
  /** 1 = the whole city (3.77 million people). */
  scale: number;
  /** The same scale and seed give the same people (names, ID numbers, households, facts). */
  seed: number;
  /** Persons per chunk (a chunk ends at a household boundary, so it may hold a few more). */
  chunkSize?: number;
  /** Household numbers already used per county (HH-<county>-<n>), when adding to an existing registry. */
  householdNumbersUsed?: ReadonlyMap<string, number>;
  /** Row UUIDs (the only values that are not reproducible): a fresh base unless given. */
  uuidBase?: UuidBase;
}

/** An urban community: named 社区/居委会, or under a street (township codes 001–099). */
export function isUrban(v: Pick<Village, 'code' | 'name'>): boolean {
  return /(社区|居委会)$/.test(v.name) || Number(v.code.slice(6, 9)) < 100;
}

const AS_OF_DAY = dayOf(POPULATION_AS_OF);
const HUKOU_SYSTEM_DAY = dayOf('1980-01-01');
const MAX_AGE = 104;
/** A sequence number (3 digits, odd for men, even for women) has 499 values per sex; the step walks them all. */
const SEQ_SLOTS = 499;
const SEQ_STEP = 37;

/** Person-level shares by age: disability (≈6 % overall), serious illness, death within recent years (≈0.7 %). */
function disabilityRate(age: number) {
  return age < 15 ? 0.012 : age < 45 ? 0.038 : age < 60 ? 0.065 : age < 70 ? 0.1 : age < 80 ? 0.16 : 0.28;
}
function illnessRate(age: number) {
  return age < 40 ? 0.003 : age < 60 ? 0.012 : age < 70 ? 0.03 : 0.05;
}
function deathRate(age: number) {
  return age < 60 ? 0.002 : age < 70 ? 0.02 : age < 80 ? 0.06 : age < 90 ? 0.15 : 0.3;
}
/** A contact phone is on file for most heads and spouses, for fewer other adults, for no children. */
function phoneRate(age: number, role: Role) {
  if (age < 18) return 0;
  const base = age < 70 ? 0.9 : age < 80 ? 0.65 : 0.35;
  return role === 'head' ? Math.min(1, base + 0.05) : role === 'spouse' ? base * 0.85 : base * 0.6;
}

/** Single-year age weights from the five-year pyramid, times a factor by age, restricted to [lo, hi]. */
function ageTable(lo: number, hi: number, factor: (age: number) => number = () => 1): Weighted<number> {
  const entries: [number, number][] = [];
  for (let a = lo; a <= hi; a++)
    entries.push([a, (AGE_PYRAMID[Math.min(20, Math.floor(a / 5))]! / 5) * factor(a)]);
  return new Weighted(entries);
}

/** Roles of the people in a household as the generator plans them. */
type Role = 'head' | 'spouse' | 'child' | 'parent' | 'in-law' | 'grandchild';
interface Planned {
  role: Role;
  sex: '1' | '2';
  age: number;
}

/** 32-bit mix (murmur3 finaliser): spreads sequence numbers over their range per address code and date. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Where a run's row UUIDs start: its creation time and a random tag (two runs never collide). */
export interface UuidBase {
  ms: number;
  tag: string;
}

export function newUuidBase(): UuidBase {
  return { ms: Date.now(), tag: randomBytes(4).toString('hex').slice(0, 7) };
}

/**
 * Time-ordered UUIDs (version 7 layout: creation time, then a counter, then the run's tag). Rows loaded in
 * order append to the primary-key index instead of writing all over it. Two generators with the same base
 * and the same options hand out the same UUIDs (the encoding workers rely on it).
 */
function uuidFactory(base: UuidBase): () => string {
  const ts = base.ms.toString(16).padStart(12, '0');
  const head = `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7`;
  let counter = 0;
  return () => {
    const h = (counter++).toString(16).padStart(11, '0');
    return `${head}${h.slice(0, 3)}-8${h.slice(3, 6)}-${h.slice(6)}${base.tag}`;
  };
}

/**
 * The synthetic population of Baoji: households village by village, in division-code order, each with a head
 * and the relatives a Chinese household register holds. Deterministic for a given division list, scale and seed
 * (only the row UUIDs differ between runs). Yields chunks so that memory stays bounded at any scale.
 */
export class PopulationGenerator {
  readonly targetPersons: number;
  private readonly rng: Prng;
  private readonly villages: readonly Village[];
  private readonly villageTargets: Float64Array;
  private readonly chunkSize: number;
  private readonly uuid: () => string;
  private readonly householdNumbers = new Map<string, number>();

  private readonly addressCodes: string[];
  private readonly addressIndex = new Map<string, number>();
  private readonly seqCounters: Uint16Array;
  private readonly seedMix: number;

  private readonly surnames = new Weighted(SURNAMES);
  private readonly ethnicities = new Weighted(ETHNICITIES);
  private readonly sizes = new Weighted(HOUSEHOLD_SIZES);
  private readonly disabilityCategories = new Weighted(DISABILITY_CATEGORIES);
  private readonly disabilityGrades = new Weighted(DISABILITY_GRADES);
  private readonly deathSources = new Weighted(DEATH_SOURCES);
  private readonly outside = new Weighted(OUTSIDE_CODES);
  private readonly baojiCounties: Weighted<string>;

  private readonly singleAges = ageTable(18, 98, (a) =>
    a < 25 ? 0.15 : a < 35 ? 0.4 : a < 60 ? 0.3 : a < 70 ? 0.6 : 1.2,
  );
  private readonly coupleAges = ageTable(22, 95, (a) => (a < 30 ? 0.3 : a < 50 ? 0.25 : a < 65 ? 0.9 : 1));
  private readonly loneParentAges = ageTable(38, 90, (a) => (a < 60 ? 0.6 : 1));
  private readonly youngHeadAges = ageTable(24, 45);
  private readonly parentAges = ageTable(25, 60, (a) => (a < 30 ? 0.6 : a < 48 ? 1.4 : 0.6));
  private readonly sandwichAges = ageTable(27, 55);
  private readonly elderHeadAges = ageTable(48, 78);

  constructor(villages: readonly Village[], opts: GenerateOptions) {
    if (!(opts.scale > 0)) throw new Error('scale must be a positive number');
    this.rng = new Prng(opts.seed);
    this.seedMix = mix32(opts.seed ^ 0x5bd1e995);
    this.villages = villages;
    this.chunkSize = opts.chunkSize ?? 100_000;
    this.uuid = uuidFactory(opts.uuidBase ?? newUuidBase());
    for (const [county, n] of opts.householdNumbersUsed ?? []) this.householdNumbers.set(county, n);

    const countyCodes = Object.keys(COUNTY_WEIGHTS);
    this.baojiCounties = new Weighted(countyCodes.map((c) => [c, COUNTY_WEIGHTS[c]!] as const));
    this.addressCodes = [
      ...countyCodes,
      ...Object.values(FORMER_CODES).map((f) => f.code),
      ...OUTSIDE_CODES.map(([c]) => c),
    ];
    this.addressCodes.forEach((c, i) => this.addressIndex.set(c, i));
    this.seqCounters = new Uint16Array(this.addressCodes.length * (AS_OF_DAY + 1) * 2);

    // Population per village: the county's share of the city, split over its villages with urban communities
    // about three times as dense, and some variation drawn from the seed.
    const meanWeight = countyCodes.reduce((s, c) => s + COUNTY_WEIGHTS[c]!, 0) / countyCodes.length;
    const byCounty = new Map<string, number[]>();
    villages.forEach((v, i) => {
      const list = byCounty.get(v.code.slice(0, 6)) ?? [];
      list.push(i);
      byCounty.set(v.code.slice(0, 6), list);
    });
    const countyTotal = [...byCounty.keys()].reduce((s, c) => s + (COUNTY_WEIGHTS[c] ?? meanWeight), 0);
    this.villageTargets = new Float64Array(villages.length);
    for (const [county, list] of byCounty) {
      const people = (BAOJI_POPULATION * opts.scale * (COUNTY_WEIGHTS[county] ?? meanWeight)) / countyTotal;
      const weights = list.map((i) => (isUrban(villages[i]!) ? 3.2 : 1) * (0.6 + 0.8 * this.rng.next()));
      const sum = weights.reduce((s, w) => s + w, 0);
      list.forEach((i, k) => (this.villageTargets[i] = (people * weights[k]!) / sum));
    }
    this.targetPersons = Math.round(this.villageTargets.reduce((s, t) => s + t, 0));
  }

  *chunks(): Generator<PopulationChunk> {
    let chunk: PopulationChunk = { persons: [], households: [], members: [] };
    let cumulative = 0;
    let made = 0;
    for (let i = 0; i < this.villages.length; i++) {
      cumulative += this.villageTargets[i]!;
      const village = this.villages[i]!;
      const urban = isUrban(village);
      while (made < Math.round(cumulative)) {
        made += this.household(village, urban, chunk);
        if (chunk.persons.length >= this.chunkSize) {
          yield chunk;
          chunk = { persons: [], households: [], members: [] };
        }
      }
    }
    if (chunk.persons.length > 0) yield chunk;
  }

  /**
   * A new ID number for a person whose number is already taken in the database (appending with --append):
   * the next free sequence number for the same address code, birth date and sex.
   */
  reissueIdNumber(p: PersonRecord): string {
    return this.idNumber(p.idNumber.slice(0, 6), dayOf(p.birthDate), p.sex);
  }

  private idNumber(code: string, day: number, sex: '1' | '2'): string {
    const key = (this.addressIndex.get(code)! * (AS_OF_DAY + 1) + day) * 2 + (sex === '1' ? 1 : 0);
    const c = this.seqCounters[key]!;
    // Far beyond any scale the command accepts (about 150 a day in the biggest county at scale 10).
    if (c >= SEQ_SLOTS)
      throw new Error(`more than ${SEQ_SLOTS} people of one sex born on one day in ${code}`);
    this.seqCounters[key] = c + 1;
    const v = ((mix32(key ^ this.seedMix) % SEQ_SLOTS) + c * SEQ_STEP) % SEQ_SLOTS;
    const first17 = code + ID_DATE[day] + String(sex === '1' ? 2 * v + 1 : 2 * v + 2).padStart(3, '0');
    return first17 + checkCharacter(first17);
  }

  /** The address code of a county as it stood on a date (numbers issued before a re-coding keep the old code). */
  private codeAt(county: string, day: number): string {
    const former = FORMER_CODES[county];
    return former && ISO_DATE[day]! < former.until ? former.code : county;
  }

  private birthCode(county: string, role: Role, day: number): string {
    const [own, baoji] =
      role === 'child' || role === 'grandchild'
        ? [0.95, 0.04]
        : role === 'spouse' || role === 'in-law'
          ? [0.7, 0.18]
          : role === 'parent'
            ? [0.9, 0.07]
            : [0.86, 0.09];
    const r = this.rng.next();
    if (r < own) return this.codeAt(county, day);
    if (r < own + baoji) return this.codeAt(this.baojiCounties.draw(this.rng), day);
    return this.outside.draw(this.rng);
  }

  private givenName(sex: '1' | '2', year: number): string {
    const era = year < 1965 ? GIVEN_NAMES.old : year < 1990 ? GIVEN_NAMES.mid : GIVEN_NAMES.young;
    const pool = sex === '1' ? era.male : era.female;
    if (this.rng.chance(pool.singleShare)) return this.rng.pick(pool.single as unknown as string[]);
    const a = pool.first[this.rng.int(pool.first.length)]!;
    let b = pool.second[this.rng.int(pool.second.length)]!;
    if (b === a) b = pool.second[this.rng.int(pool.second.length)]!;
    return a + b;
  }

  private birthDay(age: number): number {
    return AS_OF_DAY - 1 - Math.floor((age + this.rng.next()) * DAYS_PER_YEAR);
  }

  /** Plans the members (role, sex, age) of a household of the given size. */
  private plan(size: number): Planned[] {
    const rng = this.rng;
    const out: Planned[] = [];
    const r = rng.next();
    switch (size) {
      case 1: {
        const age = this.singleAges.draw(rng);
        out.push({ role: 'head', sex: rng.chance(age >= 70 ? 0.4 : 0.56) ? '1' : '2', age });
        return out;
      }
      case 2:
        if (r < 0.65) return this.couple(out, this.coupleAges);
        if (r < 0.9) return this.children(this.single(out, this.loneParentAges, 0.4), 1);
        return this.parents(this.single(out, this.youngHeadAges, 0.6), 1);
      case 3:
        if (r < 0.65) return this.children(this.couple(out, this.parentAges), 1);
        if (r < 0.75) return this.leftBehind(this.couple(out, this.elderHeadAges), 1);
        if (r < 0.85) return this.parents(this.couple(out, this.youngHeadAges), 1);
        if (r < 0.93) return this.children(this.single(out, this.parentAges, 0.3), 2);
        return this.marriedSon(this.single(out, this.elderHeadAges, 0.3), 0);
      case 4:
        if (r < 0.47) return this.children(this.couple(out, this.parentAges), 2);
        if (r < 0.55) return this.leftBehind(this.couple(out, this.elderHeadAges), 2);
        if (r < 0.85) return this.parents(this.children(this.couple(out, this.sandwichAges), 1), 1);
        return this.marriedSon(this.couple(out, this.elderHeadAges), 0);
      case 5:
        if (r < 0.4) return this.parents(this.children(this.couple(out, this.sandwichAges), 2), 1);
        if (r < 0.55) return this.children(this.couple(out, this.parentAges), 3);
        if (r < 0.8) return this.parents(this.children(this.couple(out, this.sandwichAges), 1), 2);
        return this.marriedSon(this.couple(out, this.elderHeadAges), 1);
      default:
        if (r < 0.45) return this.parents(this.children(this.couple(out, this.sandwichAges), 2), 2);
        if (r < 0.7) return this.marriedSon(this.couple(out, this.elderHeadAges), 2);
        this.marriedSon(this.couple(out, this.elderHeadAges), 1);
        out.push({ role: 'child', sex: '2', age: rng.between(16, 24) });
        return out;
    }
  }

  /** A head living without a spouse; `maleShare` of them men. */
  private single(out: Planned[], ages: Weighted<number>, maleShare: number): Planned[] {
    out.push({ role: 'head', sex: this.rng.chance(maleShare) ? '1' : '2', age: ages.draw(this.rng) });
    return out;
  }

  /** A head and spouse, the head usually the husband, the wife a few years younger. */
  private couple(out: Planned[], ages: Weighted<number>): Planned[] {
    const rng = this.rng;
    const headAge = ages.draw(rng);
    const headSex: '1' | '2' = rng.chance(0.86) ? '1' : '2';
    const gap = rng.between(-1, 5);
    const spouseAge = Math.max(20, headSex === '1' ? headAge - gap : headAge + gap);
    out.push({ role: 'head', sex: headSex, age: headAge });
    out.push({ role: 'spouse', sex: headSex === '1' ? '2' : '1', age: Math.min(MAX_AGE, spouseAge) });
    return out;
  }

  /** Age of the mother of the head's children: the wife, or the head. */
  private static motherAge(out: Planned[]): number {
    return out[1]?.role === 'spouse' && out[1].sex === '2' ? out[1].age : out[0]!.age;
  }

  private children(
    out: Planned[],
    k: number,
    role: Role = 'child',
    motherAge = PopulationGenerator.motherAge(out),
  ): Planned[] {
    const rng = this.rng;
    let gap = rng.between(21, 32);
    for (let i = 0; i < k; i++) {
      const age = motherAge - gap;
      out.push({
        role,
        sex: rng.chance(0.52) ? '1' : '2',
        age: age >= 0 ? age : rng.int(Math.max(1, motherAge - 19)),
      });
      gap += rng.between(1, 6);
    }
    return out;
  }

  /** The head's parents (one, more often the mother, or both). */
  private parents(out: Planned[], k: number): Planned[] {
    const rng = this.rng;
    const base = Math.min(MAX_AGE - 2, out[0]!.age + rng.between(22, 33));
    if (k === 1) out.push({ role: 'parent', sex: rng.chance(0.62) ? '2' : '1', age: base });
    else {
      out.push({ role: 'parent', sex: '1', age: Math.min(MAX_AGE, base + rng.between(0, 4)) });
      out.push({ role: 'parent', sex: '2', age: base });
    }
    return out;
  }

  /** A married son living with the head, his wife, and their children. */
  private marriedSon(out: Planned[], grandchildren: number): Planned[] {
    const rng = this.rng;
    const son = Math.max(20, PopulationGenerator.motherAge(out) - rng.between(21, 30));
    const wife = Math.max(20, son - rng.between(-1, 4));
    out.push({ role: 'child', sex: '1', age: son });
    out.push({ role: 'in-law', sex: '2', age: wife });
    return this.children(out, grandchildren, 'grandchild', wife);
  }

  /** Grandparents raising grandchildren while the parents work elsewhere (留守儿童). */
  private leftBehind(out: Planned[], k: number): Planned[] {
    for (let i = 0; i < k; i++)
      out.push({ role: 'grandchild', sex: this.rng.chance(0.52) ? '1' : '2', age: this.rng.between(0, 15) });
    return out;
  }

  /** Generates one household into the chunk; returns the number of persons. */
  private household(village: Village, urban: boolean, chunk: PopulationChunk): number {
    const rng = this.rng;
    const county = village.code.slice(0, 6);
    const planned = this.plan(this.sizes.draw(rng));
    const ethnicity = this.ethnicities.draw(rng);
    const head = planned[0]!;
    const headSurname = this.surnames.draw(rng);
    const spouseSurname = this.surnames.draw(rng);
    const headMale = head.sex === '1';
    // Children take the father's surname; the head's parents are the head's father's family.
    const familySurname = headMale || !planned.some((m) => m.role === 'spouse') ? headSurname : spouseSurname;
    const headBirth = this.birthDay(head.age);
    const founded = Math.min(
      AS_OF_DAY - 30,
      Math.max(HUKOU_SYSTEM_DAY, headBirth + Math.floor((18 + rng.next() * 12) * DAYS_PER_YEAR)),
    );

    const householdId = this.uuid();
    let headPersonId = '';
    for (const m of planned) {
      const birth = m === head ? headBirth : this.birthDay(m.age);
      const surname =
        m.role === 'head'
          ? headSurname
          : m.role === 'spouse'
            ? spouseSurname
            : m.role === 'in-law'
              ? this.surnames.draw(rng)
              : m.role === 'parent'
                ? m.sex === '1'
                  ? headSurname
                  : this.surnames.draw(rng)
                : familySurname;
      const name = surname + this.givenName(m.sex, YEAR_OF[birth]!);
      const code = this.birthCode(county, m.role, birth);
      const idNumber = this.idNumber(code, birth, m.sex);
      const id = this.uuid();

      const deceased = m.role !== 'head' && rng.chance(deathRate(m.age));
      const disabled = rng.chance(disabilityRate(m.age));
      const disabilityGrade = disabled ? this.disabilityGrades.draw(rng) : null;
      const seriousIllness = rng.chance(illnessRate(m.age));
      const labourCapacity =
        m.age < 16 || m.age >= 70 || (disabilityGrade !== null && disabilityGrade <= 2)
          ? 'none'
          : m.age >= 60 || disabilityGrade !== null || seriousIllness
            ? 'partial'
            : 'full';
      const phone =
        !deceased && rng.chance(phoneRate(m.age, m.role))
          ? rng.pick(PHONE_PREFIXES) + String(rng.u32() % 100_000_000).padStart(8, '0')
          : null;

      const joined =
        m.role === 'child' || m.role === 'grandchild'
          ? Math.max(birth, founded)
          : m.role === 'in-law'
            ? Math.min(AS_OF_DAY - 1, Math.max(founded, birth + Math.floor(22 * DAYS_PER_YEAR)))
            : founded;
      const deathDay = deceased
        ? Math.max(joined, birth) + Math.floor(rng.next() * (AS_OF_DAY - Math.max(joined, birth)))
        : 0;

      chunk.persons.push({
        id,
        idNumber,
        name,
        sex: m.sex,
        birthDate: ISO_DATE[birth]!,
        ethnicity,
        phone,
        hukouRegionCode: village.code,
        livingStatus: deceased ? 'deceased' : 'alive',
        deathDate: deceased ? ISO_DATE[Math.max(deathDay, AS_OF_DAY - 6 * 365)]! : null,
        deathSource: deceased ? this.deathSources.draw(rng) : null,
        disabilityCategory: disabled ? this.disabilityCategories.draw(rng) : null,
        disabilityGrade,
        seriousIllness,
        labourCapacity,
      });
      if (m.role === 'head') headPersonId = id;
      const relation =
        m.role === 'head'
          ? '02'
          : m.role === 'spouse'
            ? '10'
            : m.role === 'child'
              ? m.sex === '1'
                ? '20'
                : '30'
              : m.role === 'in-law'
                ? '38'
                : m.role === 'grandchild'
                  ? '40'
                  : '50';
      const movedIn = code.slice(0, 6) !== county && m.role !== 'child' && m.role !== 'grandchild';
      chunk.members.push({
        householdId,
        personId: id,
        joinedOn: ISO_DATE[joined]!,
        relation,
        joinReason:
          (m.role === 'child' || m.role === 'grandchild') && birth >= founded
            ? '出生'
            : m.role === 'spouse' || m.role === 'in-law'
              ? movedIn
                ? '婚姻迁入'
                : '结婚'
              : movedIn
                ? '迁入'
                : '建档',
        leftOn: deceased ? chunk.persons[chunk.persons.length - 1]!.deathDate : null,
        leaveReason: deceased ? '死亡' : null,
      });
    }
    const n = (this.householdNumbers.get(county) ?? 0) + 1;
    this.householdNumbers.set(county, n);
    chunk.households.push({
      id: householdId,
      number: `HH-${county}-${String(n).padStart(7, '0')}`,
      headPersonId,
      address: this.address(village, urban),
      regionCode: village.code,
      urbanRural: urban ? 'urban' : 'rural',
    });
    return planned.length;
  }

  private address(v: Village, urban: boolean): string {
    const rng = this.rng;
    const place = `宝鸡市${v.countyName}${v.townshipName}${v.name}`;
    if (urban)
      return `${place}${rng.between(1, 40)}号楼${rng.between(1, 6)}单元${rng.between(1, 18)}0${rng.between(1, 4)}室`;
    return `${place}${rng.between(1, 12)}组${rng.between(1, 120)}号`;
  }
}
