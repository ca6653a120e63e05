import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/platform/db/client';
import { withDatabase } from './global-setup';

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** A fresh database with the schema and reference data: a PGlite clone, or a copy of the PostgreSQL template. */
export async function freshDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `mz_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('templateDatabase')}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 5 });
    const close = database.close;
    return {
      ...database,
      close: async () => {
        await close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const blob = new Blob([fs.readFileSync(inject('templateDump'))]);
  return openDatabase({ databaseUrl: null, memory: true, loadDataDir: blob });
}
