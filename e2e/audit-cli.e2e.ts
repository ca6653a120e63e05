import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startProduct, type Product } from './harness';

const bin = path.resolve(new URL('.', import.meta.url).pathname, '../apps/server/bin/minzheng.js');
let product: Product;

function verify(dataDir: string) {
  return spawnSync(process.execPath, [bin, 'audit', 'verify'], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** What an attacker with access to the data folder would do: switch the guard off and edit the log. */
async function tamper(dataDir: string, statement: string) {
  const db = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata') });
  await db.exec(
    `alter table audit_log disable trigger user; ${statement}; alter table audit_log enable trigger user;`,
  );
  await db.close();
}

beforeAll(async () => {
  product = await startProduct({ MINZHENG_ADMIN_PASSWORD: 'Admin#Initial1' });
  // A few audited actions: logins that fail and succeed.
  for (const password of ['Wrong#Pass1', 'Demo@2026', 'Demo@2026'])
    await fetch(`${product.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'county', password }),
    });
  await product.stop({ keepData: true });
});
afterAll(() => fs.rmSync(product.dataDir, { recursive: true, force: true }));

it('`minzheng audit verify` passes on an intact log and shows progress', () => {
  const r = verify(product.dataDir);
  expect(r.stdout).toMatch(/audit chain OK: \d+ rows verified/);
  expect(r.stderr).toContain('verify [');
  expect(r.status).toBe(0);
});

it('exits non-zero naming the first altered row', async () => {
  await tamper(product.dataDir, "update audit_log set actor_name = 'nobody' where seq = 3");
  const r = verify(product.dataDir);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/BROKEN at seq 3 \(audit_log\.id \d+\): altered/);
});

it('exits non-zero naming where a row was deleted, before the altered row after it', async () => {
  await tamper(product.dataDir, 'delete from audit_log where seq = 2');
  const r = verify(product.dataDir);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/BROKEN at seq 2.*missing/);
});
