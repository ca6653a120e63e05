import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../src/platform/db/sql';
import { derivedColumns } from '../src/modules/registry';
import { isParsed, maskIdNumber, parseIdNumber } from '../src/modules/registry/id-number';
import {
  loadVillages,
  PopulationGenerator,
  PopulationNotEmptyError,
  seedPopulation,
  type PersonRecord,
  type Village,
} from '../src/modules/registry/population';
import { call, login, testServer } from './app';

const SCALE = 0.0005;
const EXPECTED = 3_770_000 * SCALE;

let server: Awaited<ReturnType<typeof testServer>>;
let villages: Village[];

beforeAll(async () => {
  server = await testServer();
  villages = await loadVillages(server.database);
});
afterAll(() => server?.close());

function generate(seed: number, scale = SCALE): PersonRecord[] {
  const out: PersonRecord[] = [];
  for (const c of new PopulationGenerator(villages, { scale, seed }).chunks()) out.push(...c.persons);
  return out;
}

/** Indexes and constraints of the three tables, to see that a load leaves them as it found them. */
function indexes() {
  return rows<{ name: string; def: string }>(
    server.database.db,
    sql`select indexname as name, indexdef as def from pg_indexes
        where tablename in ('person', 'household', 'household_member')
        union all
        select conname, pg_get_constraintdef(oid) from pg_constraint
        where conrelid in ('person'::regclass, 'household'::regclass, 'household_member'::regclass)
        order by 1, 2`,
  );
}

/** What a person is, without the row UUID (the only thing that differs between two runs). */
const facts = ({ id: _id, ...p }: PersonRecord) => p;

interface StoredPerson {
  id: string;
  id_number_enc: string;
  id_number_index: string;
  id_number_masked: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  sort_key: string;
  sex: string;
  birth_date: string;
  phone_enc: string | null;
  phone_index: string | null;
  phone_masked: string | null;
  hukou_region_code: string;
  living_status: string;
  death_date: string | null;
}

describe('synthetic population', () => {
  it('is deterministic: the same scale and seed give the same people, another seed others', () => {
    const a = generate(7);
    const b = generate(7);
    expect(b.map(facts)).toEqual(a.map(facts));
    const c = generate(8);
    expect(c.map((p) => p.idNumber)).not.toEqual(a.map((p) => p.idNumber));
  });

  it('is realistic enough: villages, surnames, ages, disabilities, deaths in proportion', () => {
    const people = generate(3, 0.005); // 18,850 people
    expect(Math.abs(people.length - 18_850)).toBeLessThan(10);
    const share = (f: (p: PersonRecord) => boolean) => people.filter(f).length / people.length;
    expect(share((p) => p.name.startsWith('王'))).toBeGreaterThan(0.05);
    expect(share((p) => p.disabilityCategory !== null)).toBeGreaterThan(0.045);
    expect(share((p) => p.disabilityCategory !== null)).toBeLessThan(0.075);
    expect(share((p) => p.livingStatus === 'deceased')).toBeGreaterThan(0.003);
    expect(share((p) => p.livingStatus === 'deceased')).toBeLessThan(0.012);
    expect(share((p) => p.birthDate >= '1966-01-01' && p.birthDate < '1976-01-01')).toBeGreaterThan(0.1);
    expect(share((p) => p.birthDate < '1946-01-01')).toBeLessThan(0.06);
    expect(share((p) => p.ethnicity === '01')).toBeGreaterThan(0.98);
    expect(share((p) => !p.idNumber.startsWith('6103'))).toBeGreaterThan(0.01);
    // Children have no phone; most adults do.
    expect(people.some((p) => p.phone && p.birthDate > '2009-01-01')).toBe(false);
    expect(new Set(people.map((p) => p.hukouRegionCode)).size).toBeGreaterThan(1000);
  });

  it('writes nothing when it fails half-way: workers holding other keys are refused, indexes stay', async () => {
    const before = await indexes();
    const otherKeys = fs.mkdtempSync(path.join(os.tmpdir(), 'mz-other-keys-'));
    try {
      await expect(
        seedPopulation(server.database, server.app.ctx.keyring, {
          scale: SCALE,
          seed: 1,
          rebuildIndexes: true,
          keyDir: otherKeys,
          workers: 1,
        }),
      ).rejects.toThrow(/other keys/);
    } finally {
      fs.rmSync(otherKeys, { recursive: true, force: true });
    }
    const [left] = await rows<{ n: number }>(server.database.db, sql`select count(*)::int as n from person`);
    expect(left!.n).toBe(0);
    expect(await indexes()).toEqual(before);
  });

  it('seeds the registry with COPY: valid, unique, encrypted ID numbers matching sex and birth date', async () => {
    const before = await indexes();
    const seen: number[] = [];
    const r = await seedPopulation(server.database, server.app.ctx.keyring, {
      scale: SCALE,
      seed: 1,
      batchSize: 500,
      // Exercise the big-load path: indexes and foreign keys dropped and rebuilt in the same transaction,
      // encryption on worker threads reading the server's key file.
      rebuildIndexes: true,
      keyDir: server.app.ctx.config.dataDir,
      workers: 2,
      onProgress: (done) => seen.push(done),
    });
    expect(Math.abs(r.persons - EXPECTED) / EXPECTED).toBeLessThan(0.01);
    expect(r.members).toBe(r.persons);
    expect(r.households).toBeGreaterThan(r.persons / 3.3);
    expect(r.households).toBeLessThan(r.persons / 2.5);
    expect(seen.length).toBeGreaterThan(2);
    expect(r.workers).toBe(2);
    expect(await indexes()).toEqual(before);

    const stored = await rows<StoredPerson>(server.database.db, sql`select * from person`);
    expect(stored).toHaveLength(r.persons);
    const keyring = server.app.ctx.keyring;
    const ids = new Set<string>();
    for (const p of stored) {
      const idNumber = keyring.decrypt(p.id_number_enc);
      ids.add(idNumber);
      const parsed = parseIdNumber(idNumber);
      if (!isParsed(parsed)) throw new Error(`invalid ID number ${idNumber}: ${parsed}`);
      expect(parsed.sex).toBe(p.sex);
      expect(parsed.birthDate).toBe(p.birth_date);
      // Stored as the registry service stores it.
      const phone = p.phone_enc ? keyring.decrypt(p.phone_enc) : null;
      const derived = derivedColumns(keyring, { idNumber, phone, name: p.name });
      expect(p.id_number_index).toBe(derived.idNumberIndex);
      expect(p.id_number_masked).toBe(maskIdNumber(idNumber));
      expect(p.phone_index).toBe(derived.phoneIndex);
      expect(p.phone_masked).toBe(derived.phoneMasked);
      expect([p.name_pinyin, p.name_initials, p.sort_key]).toEqual([
        derived.namePinyin,
        derived.nameInitials,
        derived.sortKey,
      ]);
      expect(p.hukou_region_code).toMatch(/^6103\d{8}$/);
      if (p.living_status === 'deceased') expect(p.death_date).not.toBeNull();
    }
    expect(ids.size).toBe(stored.length);
    // The same seed, generated again on this thread without a database, gives the same ID numbers.
    expect(new Set(generate(1).map((p) => p.idNumber))).toEqual(ids);

    // 凤翔: numbers issued before the county became a district (2021-01-29) keep 610322.
    const fengxiang = [...ids].filter((id) => /^6103(22|05)/.test(id));
    expect(fengxiang.filter((id) => id.startsWith('610322')).length).toBeGreaterThan(50);
    for (const id of fengxiang) {
      const born = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
      expect(id.slice(0, 6)).toBe(born < '2021-01-29' ? '610322' : '610305');
    }
  });

  it('keeps no plain ID number or phone anywhere in the three tables', async () => {
    const leaks = await rows<{ n: number }>(
      server.database.db,
      sql`select (select count(*) from person p where row_to_json(p)::text ~ '\\d{17}[\\dX]')
               + (select count(*) from household h where row_to_json(h)::text ~ '\\d{17}[\\dX]')
               + (select count(*) from household_member m where row_to_json(m)::text ~ '\\d{17}[\\dX]') as n`,
    );
    expect(Number(leaks[0]!.n)).toBe(0);
    const stored = await rows<StoredPerson>(server.database.db, sql`select * from person`);
    for (const p of stored) {
      const row = JSON.stringify(p);
      expect(row).not.toContain(server.app.ctx.keyring.decrypt(p.id_number_enc));
      if (p.phone_enc) expect(row).not.toContain(server.app.ctx.keyring.decrypt(p.phone_enc));
    }
  });

  it('gives every household exactly one head, its recorded head, and members related by GB/T 4761 codes', async () => {
    const bad = await rows<{ id: string }>(
      server.database.db,
      sql`select h.id from household h join household_member m on m.household_id = h.id
          group by h.id, h.head_person_id
          having count(*) filter (where m.relation = '02') <> 1
              or count(*) filter (where m.relation = '02' and m.person_id = h.head_person_id) <> 1
              or count(*) > 6`,
    );
    expect(bad).toEqual([]);
    const relations = await rows<{ relation: string }>(
      server.database.db,
      sql`select distinct relation from household_member order by 1`,
    );
    for (const { relation } of relations)
      expect(['02', '10', '20', '30', '38', '40', '50']).toContain(relation);
    const heads = await rows<{ n: number; alive: number }>(
      server.database.db,
      sql`select count(*)::int as n, count(*) filter (where p.living_status = 'alive')::int as alive
          from household h join person p on p.id = h.head_person_id`,
    );
    expect(heads[0]!.alive).toBe(heads[0]!.n);
  });

  it('is found through the API by ID number and by pinyin prefix', async () => {
    const [p] = await rows<{ id: string; id_number_enc: string }>(
      server.database.db,
      sql`select id, id_number_enc from person order by id limit 1`,
    );
    const idNumber = server.app.ctx.keyring.decrypt(p!.id_number_enc);
    const s = await login(server.app, 'city');
    const byId = await call(server.app, s, 'GET', `/api/v1/persons?q=${idNumber}`);
    expect(byId.statusCode).toBe(200);
    expect(byId.json().items.map((i: { id: string }) => i.id)).toEqual([p!.id]);
    const byPinyin = await call(server.app, s, 'GET', '/api/v1/persons?q=wang&limit=5');
    expect(byPinyin.json().items.length).toBe(5);
  });

  it('refuses to seed into a registry that holds people, and appends with fresh ID numbers when asked', async () => {
    await expect(
      seedPopulation(server.database, server.app.ctx.keyring, { scale: SCALE, seed: 1 }),
    ).rejects.toBeInstanceOf(PopulationNotEmptyError);
    // The same seed again: every ID number is taken, so each gets the next free sequence number.
    const r = await seedPopulation(server.database, server.app.ctx.keyring, {
      scale: SCALE,
      seed: 1,
      append: true,
    });
    const [count] = await rows<{ n: number; ids: number; numbers: number }>(
      server.database.db,
      sql`select (select count(*)::int from person) as n,
                 (select count(distinct id_number_index)::int from person) as ids,
                 (select count(distinct number)::int from household) as numbers`,
    );
    expect(count!.n).toBe(2 * r.persons);
    expect(count!.ids).toBe(count!.n);
    expect(count!.numbers).toBe(2 * r.households);
  });
});
