import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../../platform/db/client';
import { one, rows } from '../../../platform/db/sql';
import type { Keyring } from '../../../platform/crypto/keyring';
import {
  encodeChunk,
  HOUSEHOLD_COLUMNS,
  MEMBER_COLUMNS,
  PERSON_COLUMNS,
  RowEncoder,
  type EncodedChunk,
} from './encode';
import { newUuidBase, PopulationGenerator, type PopulationChunk, type Village } from './generate';
import { KEYRING_PROBE, type EncoderData, type EncoderMessage } from './encode-worker';

export interface SeedOptions {
  /** 1 = the whole city (3.77 million people in about 1.3 million households). */
  scale: number;
  seed: number;
  /** Add to a registry that already holds people (otherwise a non-empty person table is refused). */
  append?: boolean;
  /** Persons per COPY statement (memory stays bounded by about two of these). */
  batchSize?: number;
  /**
   * Drop the foreign keys and the randomly ordered indexes of the three tables before loading and rebuild
   * them after, in the same transaction: much faster for big loads. `auto` (default): for 200,000 people or
   * more into an empty registry.
   */
  rebuildIndexes?: boolean | 'auto';
  /**
   * Encrypt on worker threads. They read the keys where the server does: from this data folder's key file,
   * or MINZHENG_DATA_KEY. Without it (or with `workers: 0`), everything runs on the calling thread.
   */
  keyDir?: string;
  /** Worker threads when `keyDir` is given (default 2 for 50,000 people or more, else 0). */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  persons: number;
  households: number;
  members: number;
  seconds: number;
  /** Of which rebuilding indexes and foreign keys at the end. */
  indexSeconds: number;
  workers: number;
}

export class PopulationNotEmptyError extends Error {
  constructor(readonly persons: number) {
    super(
      `the registry already holds ${persons} people: seeding again would mix two populations (pass --append to add to it)`,
    );
  }
}

/** Current village-level divisions (administrative villages and urban communities), in code order. */
export async function loadVillages(database: Database): Promise<Village[]> {
  return rows<Village>(
    database.db,
    sql`select v.code, v.name, t.name as "townshipName", c.name as "countyName"
        from division v
        join division t on t.code = v.parent_code
        join division c on c.code = t.parent_code
        where v.level = 'village' and v.valid_to is null
        order by v.code`,
  );
}

/** Where the rows go: one transaction, one COPY per table per batch. */
interface Sink {
  copy(table: string, columns: string, parts: Uint8Array[]): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

function postgresSink(client: pg.PoolClient): Sink {
  return {
    async copy(table, columns, parts) {
      const stream = client.query(copyFrom(`copy ${table} (${columns}) from stdin with (format csv)`));
      await pipeline(Readable.from(parts), stream);
    },
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as T[];
    },
  };
}

function pgliteSink(tx: Transaction): Sink {
  return {
    async copy(table, columns, parts) {
      await tx.query(`copy ${table} (${columns}) from '/dev/blob' with (format csv)`, [], {
        blob: new Blob(parts),
      });
    },
    async query<T>(text: string, params: unknown[] = []) {
      return (await tx.query<T>(text, params)).rows;
    },
  };
}

const TABLES = ['person', 'household', 'household_member'];

/** Index keys that grow in load order (village by village, time-ordered UUIDs): COPY appends to them cheaply. */
const LOAD_ORDERED =
  /^\((hukou_region_code|residence_region_code|region_code|person_id|household_id|number)\b/;

/**
 * Drops the foreign keys between the three tables and the unique constraints and indexes whose keys arrive
 * in random order (names, pinyin, sort keys, blind indexes, birth dates); returns the statements that put
 * them back. Primary keys and indexes on load-ordered columns stay.
 */
async function dropUnorderedIndexes(sink: Sink): Promise<string[]> {
  const constraints = await sink.query<{ tbl: string; name: string; def: string; type: string }>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def, contype as type
       from pg_constraint
      where conrelid = any($1::regclass[])
        and (contype = 'u' or (contype = 'f' and confrelid = any($1::regclass[])))
      order by conname`,
    [TABLES],
  );
  const indexes = await sink.query<{ name: string; def: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as def
       from pg_index x join pg_class i on i.oid = x.indexrelid
      where x.indrelid = any($1::regclass[]) and not x.indisprimary
        and not exists (select 1 from pg_constraint c where c.conindid = i.oid)
      order by i.relname`,
    [TABLES],
  );
  const keys = (def: string) => def.slice(def.indexOf('(', def.indexOf(' USING ')));
  const fks = constraints.filter((c) => c.type === 'f');
  const uniques = constraints.filter(
    (c) => c.type === 'u' && !LOAD_ORDERED.test(c.def.replace(/^UNIQUE\s*/, '')),
  );
  const unordered = indexes.filter((i) => !LOAD_ORDERED.test(keys(i.def)));
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  for (const f of fks) await sink.query(`alter table ${f.tbl} drop constraint ${q(f.name)}`);
  for (const u of uniques) await sink.query(`alter table ${u.tbl} drop constraint ${q(u.name)}`);
  for (const i of unordered) await sink.query(`drop index ${q(i.name)}`);
  return [
    ...unordered.map((i) => i.def),
    ...uniques.map((u) => `alter table ${u.tbl} add constraint ${q(u.name)} ${u.def}`),
    ...fks.map((f) => `alter table ${f.tbl} add constraint ${q(f.name)} ${f.def}`),
  ];
}

/**
 * How to start an encoding worker: from the TypeScript source (through tsx, in development, tests and
 * benchmarks) or from `population-worker.js` beside the server bundle. Null when neither is available.
 */
function workerStarter(): ((data: EncoderData) => Worker) | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    let api: string;
    try {
      // The ES-module build of tsx's API (require.resolve names the CommonJS one).
      const cjs = createRequire(here).resolve('tsx/esm/api');
      const mjs = cjs.replace(/\.cjs$/, '.mjs');
      api = pathToFileURL(fs.existsSync(mjs) ? mjs : cjs).href;
    } catch {
      return null;
    }
    const source = new URL('./encode-worker.ts', here).href;
    const code = `const { tsImport } = await import(${JSON.stringify(api)});
await tsImport(${JSON.stringify(source)}, ${JSON.stringify(here)});`;
    return (data) => new Worker(code, { eval: true, workerData: data });
  }
  const bundled = new URL('./population-worker.js', here);
  if (!fs.existsSync(fileURLToPath(bundled))) return null;
  return (data) => new Worker(bundled, { workerData: data });
}

/** Messages of one worker, read in order; a crash rejects the reader. */
function inbox(worker: Worker) {
  const queue: EncoderMessage[] = [];
  let waiting: { resolve(m: EncoderMessage): void; reject(e: Error): void } | null = null;
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    waiting?.reject(e);
    waiting = null;
  };
  worker.on('message', (m: EncoderMessage) => {
    if (waiting) {
      waiting.resolve(m);
      waiting = null;
    } else queue.push(m);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`population encoding worker exited with code ${code}`)));
  return {
    next(): Promise<EncoderMessage> {
      if (queue.length > 0) return Promise.resolve(queue.shift()!);
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
  };
}

/** Chunks encoded on worker threads, taken back in generation order. */
async function* encodeOnWorkers(
  start: (data: EncoderData) => Worker,
  count: number,
  keyring: Keyring,
  data: Omit<EncoderData, 'kind' | 'index' | 'of'>,
): AsyncGenerator<EncodedChunk> {
  const workers = Array.from({ length: count }, (_, index) =>
    start({ ...data, kind: 'minzheng-population-encoder', index, of: count }),
  );
  try {
    const inboxes = workers.map(inbox);
    const probe = keyring.blindIndex(KEYRING_PROBE);
    for (const box of inboxes) {
      const m = await box.next();
      if (m.type !== 'ready' || m.probe !== probe)
        throw new Error('an encoding worker read other keys than the keyring given: check keyDir');
    }
    for (let i = 0; ; i++) {
      const w = i % count;
      const m = await inboxes[w]!.next();
      if (m.type !== 'chunk') break;
      workers[w]!.postMessage({ credit: 1 });
      yield m;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Chunks encoded on this thread (appending checks each chunk's ID numbers against the registry first). */
async function* encodeHere(
  generator: PopulationGenerator,
  encoder: RowEncoder,
  beforeEncoding: ((chunk: PopulationChunk) => Promise<void>) | null,
): AsyncGenerator<EncodedChunk> {
  for (const chunk of generator.chunks()) {
    if (beforeEncoding) await beforeEncoding(chunk);
    yield encodeChunk(chunk, encoder);
    // Lets the socket drain into the database server between chunks.
    await yieldToLoop();
  }
}

interface Batch {
  persons: Uint8Array[];
  households: Uint8Array[];
  members: Uint8Array[];
  counts: [number, number, number];
}

const emptyBatch = (): Batch => ({ persons: [], households: [], members: [], counts: [0, 0, 0] });

/**
 * Seeds a synthetic population (see PopulationGenerator) with COPY, in one transaction: either the whole
 * population arrives or none of it. Rows are generated and encrypted (on worker threads when possible) while
 * the database ingests the previous batch; on PostgreSQL the two run side by side.
 */
export async function seedPopulation(
  database: Database,
  keyring: Keyring,
  opts: SeedOptions,
): Promise<SeedResult> {
  const started = performance.now();
  const existing = await one<{ any: boolean }>(database.db, sql`select exists (select 1 from person) as any`);
  const empty = !existing?.any;
  if (!empty && !opts.append) {
    const count = await one<{ n: number }>(database.db, sql`select count(*)::int as n from person`);
    throw new PopulationNotEmptyError(count?.n ?? 0);
  }
  const villages = await loadVillages(database);
  if (villages.length === 0) throw new Error('no village-level divisions: load the reference data first');
  const used = await rows<{ county: string; n: number }>(
    database.db,
    sql`select substr(number, 4, 6) as county, count(*)::int as n from household
        where number like ${'HH-%'} group by 1`,
  );
  const batchSize = opts.batchSize ?? 100_000;
  const base = {
    villages,
    scale: opts.scale,
    seed: opts.seed,
    chunkSize: Math.min(2_000, batchSize),
    householdNumbersUsed: used.map((u) => [u.county, u.n] as [string, number]),
    uuidBase: newUuidBase(),
  };
  const generator = new PopulationGenerator(villages, {
    ...base,
    householdNumbersUsed: new Map(base.householdNumbersUsed),
  });
  const total = generator.targetPersons;
  const rebuild =
    opts.rebuildIndexes === 'auto' || opts.rebuildIndexes === undefined
      ? empty && total >= 200_000
      : opts.rebuildIndexes;
  const start = opts.keyDir && !opts.append ? workerStarter() : null;
  const workers = start ? (opts.workers ?? (total >= 50_000 ? 2 : 0)) : 0;
  const counts = { persons: 0, households: 0, members: 0 };
  let indexSeconds = 0;

  const run = async (sink: Sink) => {
    const restore = rebuild ? await dropUnorderedIndexes(sink) : [];
    const write = async (b: Batch) => {
      if (b.counts[0] === 0) return;
      await sink.copy('person', PERSON_COLUMNS, b.persons);
      await sink.copy('household', HOUSEHOLD_COLUMNS, b.households);
      await sink.copy('household_member', MEMBER_COLUMNS, b.members);
      counts.persons += b.counts[0];
      counts.households += b.counts[1];
      counts.members += b.counts[2];
      opts.onProgress?.(Math.min(counts.persons, total), total);
    };
    const chunks =
      workers > 0
        ? encodeOnWorkers(start!, workers, keyring, { ...base, keyDir: opts.keyDir!, credits: 8 })
        : encodeHere(
            generator,
            new RowEncoder(keyring),
            opts.append ? (chunk) => avoidTakenIds(sink, keyring, generator, chunk) : null,
          );
    // Double buffering: the next batch is encoded while the previous one is copied.
    let pending: Promise<void> = Promise.resolve();
    let batch = emptyBatch();
    try {
      for await (const c of chunks) {
        batch.persons.push(c.persons);
        batch.households.push(c.households);
        batch.members.push(c.members);
        for (let k = 0; k < 3; k++) batch.counts[k]! += c.counts[k]!;
        if (batch.counts[0] >= batchSize) {
          await pending;
          pending = write(batch);
          batch = emptyBatch();
        }
      }
    } catch (e) {
      // The copy in flight ends (and fails with the transaction) before the error goes up.
      await pending.catch(() => undefined);
      throw e;
    }
    await pending;
    await write(batch);
    const t = performance.now();
    for (const statement of restore) await sink.query(statement);
    indexSeconds = (performance.now() - t) / 1000;
  };

  if (database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query('begin');
      // Index builds and foreign-key checks at the end sort and hash in memory rather than on disk.
      await client.query(`set local maintenance_work_mem = '512MB'`);
      await client.query(`set local work_mem = '256MB'`);
      await run(postgresSink(client));
      await client.query('commit');
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  } else {
    // PGlite has one connection: its transaction holds every other query back until the load is done.
    await (database.pglite as PGlite).transaction((tx) => run(pgliteSink(tx)));
  }
  await database.db.execute(sql`analyze person, household, household_member`);
  return { ...counts, seconds: (performance.now() - started) / 1000, indexSeconds, workers };
}

/** Appending: a generated ID number already in the registry gets the next free sequence number instead. */
async function avoidTakenIds(
  sink: Sink,
  keyring: Keyring,
  generator: PopulationGenerator,
  chunk: PopulationChunk,
) {
  let pending = chunk.persons;
  while (pending.length > 0) {
    const byIndex = new Map(pending.map((p) => [keyring.blindIndex(p.idNumber), p]));
    const taken = await sink.query<{ idx: string }>(
      `select id_number_index as idx from person where id_number_index = any($1::text[])`,
      [[...byIndex.keys()]],
    );
    pending = taken.map((t) => byIndex.get(t.idx)!);
    for (const p of pending) p.idNumber = generator.reissueIdNumber(p);
  }
}
