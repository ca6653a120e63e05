import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { migrateDatabase, openDatabase, type Database } from '@minzheng/server/src/platform/db/client';
import { loadReferenceData } from '@minzheng/server/src/platform/bootstrap/reference-data';
import { loadKeyring } from '@minzheng/server/src/platform/crypto/keyring';
import { progressPrinter } from '@minzheng/server/src/cli/progress';
import {
  encodeChunk,
  loadVillages,
  PopulationGenerator,
  RowEncoder,
  seedPopulation,
  type PopulationChunk,
} from '@minzheng/server/src/modules/registry/population';
import { argValue, benchDatabase, report } from './lib';

const PERSON_COLUMNS =
  'id, id_number_enc, id_number_index, id_number_masked, name, name_pinyin, name_initials, sort_key, sex, birth_date, ethnicity, phone_enc, phone_index, phone_masked, hukou_region_code, living_status, death_date, death_source, disability_category, disability_grade, serious_illness, labour_capacity';
const HOUSEHOLD_COLUMNS = 'id, number, head_person_id, address, region_code, urban_rural';
const MEMBER_COLUMNS = 'household_id, person_id, joined_on, relation, join_reason, left_on, leave_reason';

/** Opens (and migrates) the bench database: the given PostgreSQL server, or PGlite in a temporary folder. */
async function open(
  databaseUrl: string | null,
): Promise<{ database: Database; dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mz-bench-seed-'));
  const database = await openDatabase({ databaseUrl, dataDir, poolSize: 4 });
  await migrateDatabase(database);
  await loadReferenceData(database.db);
  return {
    database,
    dataDir,
    cleanup: async () => {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The floor: COPY of as many rows of the same width, generated beforehand (one batch, sent again and again),
 * into bare copies of the three tables (no index, no constraint), in one transaction.
 */
async function copyFloor(
  database: Database,
  sample: { persons: string; households: string; members: string; counts: [number, number, number] },
  target: [number, number, number],
): Promise<number> {
  const ddl = [
    'create table bare_person (like person including defaults)',
    'create table bare_household (like household including defaults)',
    'create table bare_member (like household_member including defaults)',
  ];
  const jobs: [string, string, string, number, number][] = [
    ['bare_person', PERSON_COLUMNS, sample.persons, sample.counts[0], target[0]],
    ['bare_household', HOUSEHOLD_COLUMNS, sample.households, sample.counts[1], target[1]],
    ['bare_member', MEMBER_COLUMNS, sample.members, sample.counts[2], target[2]],
  ];
  let seconds = 0;
  if (database.pool) {
    const client = await database.pool.connect();
    try {
      for (const d of ddl) await client.query(d);
      const t0 = performance.now();
      await client.query('begin');
      for (const [table, columns, csv, per, want] of jobs) {
        const lines = csv.split('\n').filter(Boolean);
        for (let done = 0; done < want; done += per) {
          const part = done + per <= want ? csv : lines.slice(0, want - done).join('\n') + '\n';
          await pipeline(
            Readable.from([part], { objectMode: false }),
            client.query(copyFrom(`copy ${table} (${columns}) from stdin with (format csv)`)),
          );
        }
      }
      await client.query('commit');
      seconds = (performance.now() - t0) / 1000;
      for (const t of ['bare_person', 'bare_household', 'bare_member']) await client.query(`drop table ${t}`);
    } finally {
      client.release();
    }
  } else {
    const lite = database.pglite!;
    for (const d of ddl) await lite.exec(d);
    const t0 = performance.now();
    await lite.transaction(async (tx) => {
      for (const [table, columns, csv, per, want] of jobs) {
        const lines = csv.split('\n').filter(Boolean);
        for (let done = 0; done < want; done += per) {
          const part = done + per <= want ? csv : lines.slice(0, want - done).join('\n') + '\n';
          await tx.query(`copy ${table} (${columns}) from '/dev/blob' with (format csv)`, [], {
            blob: new Blob([part]),
          });
        }
      }
    });
    seconds = (performance.now() - t0) / 1000;
    await lite.exec('drop table bare_person; drop table bare_household; drop table bare_member');
  }
  return seconds;
}

/** `registry-seed [--scale S]`: seeding time of the synthetic population against plain COPY of the same rows. */
export async function run(args: string[]) {
  const scale = argValue(args, '--scale', 1);
  const env = await benchDatabase(args);
  const { database, dataDir, cleanup } = await open(env.databaseUrl);
  try {
    // The key file sits in the (temporary) data folder, where the encoding workers read it too.
    const keyring = loadKeyring(dataDir);
    // One batch of real rows (not timed), the floor's material.
    const villages = await loadVillages(database);
    const generator = new PopulationGenerator(villages, { scale: 0.03, seed: 99, chunkSize: 100_000 });
    const chunk = generator.chunks().next().value as PopulationChunk;
    const encoded = encodeChunk(chunk, new RowEncoder(keyring));
    const sample = {
      persons: Buffer.from(encoded.persons).toString(),
      households: Buffer.from(encoded.households).toString(),
      members: Buffer.from(encoded.members).toString(),
      counts: encoded.counts,
    };

    const result = await seedPopulation(database, keyring, {
      scale,
      seed: 1,
      keyDir: dataDir,
      onProgress: progressPrinter(`seed population (scale ${scale})`),
    });
    const rows = result.persons + result.households + result.members;
    const floorSeconds = await copyFloor(database, sample, [
      result.persons,
      result.households,
      result.members,
    ]);
    report({
      scenario: 'registry-seed',
      metric: 'seed-time',
      value: result.seconds,
      unit: 's',
      floor: floorSeconds,
    });
    report({
      scenario: 'registry-seed',
      metric: 'rows-per-second',
      value: rows / result.seconds,
      unit: 'rows/s',
      floor: rows / floorSeconds,
    });
    report({
      scenario: 'registry-seed',
      metric: 'index-rebuild-time',
      value: result.indexSeconds,
      unit: 's',
      floor: null,
    });
    report({
      scenario: 'registry-seed',
      metric: 'persons',
      value: result.persons,
      unit: 'persons',
      floor: null,
    });
    report({
      scenario: 'registry-seed',
      metric: 'households',
      value: result.households,
      unit: 'households',
      floor: null,
    });
  } finally {
    await cleanup();
    await env.stop();
  }
}
