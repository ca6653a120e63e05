import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startProduct, type Product } from './harness';

let product: Product;
beforeAll(async () => {
  product = await startProduct();
});
afterAll(() => product.stop());

it('refuses a second server on the same data folder while the first runs', () => {
  const bin = path.resolve(new URL('.', import.meta.url).pathname, '../apps/server/bin/minzheng.js');
  const r = spawnSync(process.execPath, [bin, 'serve'], {
    env: { ...process.env, DATA_DIR: product.dataDir, PORT: '0' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(r.status).toBe(3);
  expect(r.stderr).toContain('数据目录已被进程');
  expect(r.stderr).toContain('The data folder is in use');
});

it('prints the URL and how to log in', () => {
  expect(product.output()).toContain('http://localhost:');
  expect(product.output()).toContain('Demo accounts');
  expect(product.output()).toMatch(/sysadmin\s+\S+/);
});
