import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../src/platform/db/client';
import { loadReferenceData } from '../src/platform/bootstrap/reference-data';

/**
 * Builds the migrated database with reference data once per run: a PGlite dump that each test file loads
 * (about a second), or a PostgreSQL template database that each test file copies (when TEST_DATABASE_URL
 * points at the throwaway server that `npm test` starts).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('drop database if exists mz_template');
    await admin.query('create database mz_template');
    await admin.end();
    const templateUrl = withDatabase(url, 'mz_template');
    const database = await openDatabase({ databaseUrl: templateUrl, poolSize: 2 });
    await migrateDatabase(database);
    await loadReferenceData(database.db);
    await database.close();
    project.provide('templateDatabase', 'mz_template');
    return;
  }
  const database = await openDatabase({ databaseUrl: null, memory: true });
  await migrateDatabase(database);
  await loadReferenceData(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mz-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('templateDump', file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDump: string;
    templateDatabase: string;
  }
}
