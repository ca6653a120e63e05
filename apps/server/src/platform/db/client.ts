import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir } from './lock';
import { assetPath } from '../assets';

/** The drizzle handle every repository takes; a transaction has the same type. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** The embedded engine, when the kind is pglite (for dumps and COPY). */
  pglite: PGlite | null;
  pool: pg.Pool | null;
  close(): Promise<void>;
}

// Dates stay strings ("2026-01-02"): business dates carry no time zone.
pg.types.setTypeParser(1082, (v) => v);
// bigint counts fit in a JS number for every figure this product shows; money stays exact well below 2^53 fen.
pg.types.setTypeParser(20, (v) => Number(v));

export function migrationsDir(): string {
  return path.dirname(path.dirname(assetPath('drizzle/meta/_journal.json')));
}

export interface OpenOptions {
  databaseUrl: string | null;
  dataDir?: string;
  /** A dumped, already migrated data folder to start from (tests). */
  loadDataDir?: Blob | File;
  /** In-memory embedded database (tests). */
  memory?: boolean;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle client losing its server must not crash the process.
    pool.on('error', () => undefined);
    return {
      kind: 'postgres',
      db: drizzlePg(pool) as unknown as Db,
      pglite: null,
      pool,
      close: () => pool.end(),
    };
  }
  let release: () => void = () => undefined;
  let dir: string | undefined;
  if (!opts.memory) {
    if (!opts.dataDir) throw new Error('dataDir is required for the embedded database');
    release = lockDataDir(opts.dataDir);
    dir = path.join(opts.dataDir, 'pgdata');
  }
  try {
    const client = await PGlite.create({
      dataDir: dir,
      loadDataDir: opts.loadDataDir,
      parsers: { 1082: (v: string) => v, 20: (v: string) => Number(v) },
    });
    return {
      kind: 'pglite',
      db: drizzlePglite(client) as unknown as Db,
      pglite: client,
      pool: null,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

const MIGRATION_LOCK = 7_361_001;

export async function migrateDatabase(database: Database): Promise<void> {
  const migrationsFolder = migrationsDir();
  if (database.pglite) {
    await migratePglite(drizzlePglite(database.pglite), { migrationsFolder });
    return;
  }
  // Several app servers may start together: one migrates, the others wait on the advisory lock.
  const client = await database.pool!.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
