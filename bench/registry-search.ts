import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { rows } from '@minzheng/server/src/platform/db/sql';
import { DEMO_PASSWORD } from '@minzheng/server/src/platform/bootstrap/accounts';
import { progressPrinter } from '@minzheng/server/src/cli/progress';
import { seedPopulation } from '@minzheng/server/src/modules/registry';
import { searchPersons, type SearchFilter } from '@minzheng/server/src/modules/registry/repo';
import { pinyinTerm } from '@minzheng/server/src/modules/registry/names';
import { loadConfig } from '@minzheng/server/src/platform/config';
import { createServer } from '@minzheng/server/src/platform/server';
import { openDatabase } from '@minzheng/server/src/platform/db/client';
import { modulePlugins } from '@minzheng/server/src/modules';
import { argValue, benchDatabase, report } from './lib';

const CONCURRENCY = 20;
const CITY = '610300000000';
const NAME_PREFIXES = ['王', '李', '张', '刘', '陈', '杨', '赵', '王建', '李秀', '张伟', '刘桂', '陈浩'];
const PINYIN_PREFIXES = ['wang', 'li', 'zhang', 'zhangs', 'liuj', 'chenx', 'wangf', 'yangm', 'zhaol', 'wjg'];

/**
 * The load generator, in its own process (like autocannon in the other scenarios) so that it does not share
 * the server's event loop: CONCURRENCY loops, each sending the next item of the list as soon as its previous
 * request answered, with a warm-up second whose latencies are dropped.
 */
const CLIENT = `
const input = JSON.parse(await new Promise((resolve) => {
  let s = '';
  process.stdin.on('data', (d) => (s += d));
  process.stdin.on('end', () => resolve(s));
}));
let pool = null;
if (input.mode === 'sql') {
  const pg = (await import(input.pgModule)).default;
  pool = new pg.Pool({ connectionString: input.connectionString, max: input.poolSize });
}
async function one(item) {
  if (pool) {
    const r = await pool.query(input.sql[item.query], item.params);
    return r.rowCount;
  }
  const res = await fetch(input.baseUrl + item.path, { headers: { authorization: 'Bearer ' + input.token } });
  const body = await res.json();
  if (res.status !== 200) throw new Error(res.status + ' ' + JSON.stringify(body));
  return body.items.length;
}
async function phase(seconds, record) {
  const latencies = [];
  let next = 0, errors = 0, empty = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: input.concurrency }, async () => {
    while (performance.now() < until) {
      const item = input.items[next++ % input.items.length];
      const t = performance.now();
      try {
        if ((await one(item)) === 0) empty++;
        latencies.push(performance.now() - t);
      } catch (e) {
        errors++;
        if (errors === 1) console.error(String(e));
      }
    }
  }));
  return { latencies, errors, empty, seconds };
}
await phase(1);
const r = await phase(input.seconds);
const l = r.latencies.sort((a, b) => a - b);
const q = (p) => l[Math.min(l.length - 1, Math.floor(p * l.length))] ?? 0;
console.log(JSON.stringify({ count: l.length, errors: r.errors, empty: r.empty, rps: l.length / r.seconds, p50: q(0.5), p95: q(0.95), p99: q(0.99) }));
if (pool) await pool.end();
`;

/** The real server with the business modules (lib's bench server has the platform routes only). */
async function startServer(databaseUrl: string | null) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mz-bench-'));
  const config = loadConfig(
    {},
    { databaseUrl, dataDir, demo: true, logLevel: 'silent', worker: false, port: 0 },
  );
  const database = await openDatabase({ databaseUrl, dataDir, poolSize: 10 });
  const server = await createServer(config, modulePlugins, { database });
  const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    server,
    url,
    close: async () => {
      await server.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface LoadStats {
  count: number;
  errors: number;
  empty: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

function runClient(input: object): Promise<LoadStats> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CLIENT], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load client exited ${code}`));
      resolve(JSON.parse(out) as LoadStats);
    });
    child.stdin.end(JSON.stringify(input));
  });
}

/**
 * `registry-search [--scale S] [--seconds N]`: person search at scale 1 (seeded first when the registry is
 * empty) under 20 concurrent clients, as the city user: by ID number (blind index), by Chinese name prefix and
 * by pinyin prefix. Floor: the same search SQL through a bare pg pool at the same concurrency.
 */
export async function run(args: string[]) {
  const scale = argValue(args, '--scale', 1);
  const seconds = argValue(args, '--seconds', 10);
  const env = await benchDatabase(args);
  const { server, url, close } = await startServer(env.databaseUrl);
  try {
    const { database } = server;
    const { keyring, config } = server.app.ctx;
    const [count] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from person`);
    if (count!.n === 0) {
      const seeded = await seedPopulation(database, keyring, {
        scale,
        seed: 1,
        keyDir: config.dataDir,
        onProgress: progressPrinter(`seed population (scale ${scale})`),
      });
      report({
        scenario: 'registry-search',
        metric: 'seed-time',
        value: seeded.seconds,
        unit: 's',
        floor: null,
      });
    }
    const sample = await rows<{ enc: string }>(
      database.db,
      sql`select id_number_enc as enc from person tablesample system (1) repeatable (7) limit 2000`,
    );
    const ids = sample.map((s) => keyring.decrypt(s.enc));

    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'city', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };

    // The search SQL exactly as the service sends it (drizzle's text and parameters).
    const filterFor = (q: string): SearchFilter => {
      const base = { scopeCode: CITY, limit: 50 };
      if (/^\d{17}[\dX]$/.test(q)) return { ...base, idIndexes: keyring.blindIndexes(q) };
      const py = pinyinTerm(q);
      return py ? { ...base, pinyin: py } : { ...base, namePrefix: q };
    };
    const statement = (q: string) => searchPersons(database.db, filterFor(q)).toSQL();
    const pgModule = pathToFileURL(createRequire(import.meta.url).resolve('pg')).href;

    const kinds: { metric: string; terms: string[]; target: number }[] = [
      { metric: 'id-number', terms: ids, target: 20 },
      { metric: 'name-prefix', terms: NAME_PREFIXES, target: 50 },
      { metric: 'pinyin-prefix', terms: PINYIN_PREFIXES, target: 50 },
    ];
    for (const kind of kinds) {
      const statements = kind.terms.map(statement);
      const texts = [...new Set(statements.map((s) => s.sql))];
      const api = await runClient({
        mode: 'http',
        baseUrl: url,
        token,
        concurrency: CONCURRENCY,
        seconds,
        items: kind.terms.map((t) => ({ path: `/api/v1/persons?q=${encodeURIComponent(t)}` })),
      });
      let floor: LoadStats | null = null;
      if (env.databaseUrl) {
        floor = await runClient({
          mode: 'sql',
          pgModule,
          connectionString: env.databaseUrl,
          poolSize: 10,
          concurrency: CONCURRENCY,
          seconds,
          sql: texts,
          items: statements.map((s) => ({ query: texts.indexOf(s.sql), params: s.params })),
        });
      }
      if (api.errors > 0) throw new Error(`registry-search ${kind.metric}: ${api.errors} errors`);
      if (kind.metric === 'id-number' && api.empty > 0)
        throw new Error(`registry-search: ${api.empty} ID searches found nobody`);
      report({
        scenario: 'registry-search',
        metric: `${kind.metric}-p95`,
        value: api.p95,
        unit: 'ms',
        floor: floor?.p95 ?? null,
      });
      report({
        scenario: 'registry-search',
        metric: `${kind.metric}-throughput`,
        value: api.rps,
        unit: 'req/s',
        floor: floor?.rps ?? null,
      });
      console.error(
        `registry-search ${kind.metric}: p50 ${api.p50.toFixed(1)} ms, p99 ${api.p99.toFixed(1)} ms (target p95 ≤ ${kind.target} ms)` +
          (floor ? `; floor p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms` : ''),
      );
    }

    // The plans behind the prefix searches, for whoever tunes them.
    if (args.includes('--explain')) {
      for (const q of ['王', 'wang', 'zhangs']) {
        const s = statement(q);
        const text = s.sql.replace(/\$(\d+)/g, (_, i: string) => `'${String(s.params[Number(i) - 1])}'`);
        const plan = await rows<{ 'QUERY PLAN': string }>(
          database.db,
          sql.raw(`explain (analyze, buffers) ${text}`),
        );
        console.error(`\nEXPLAIN q=${q}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
      }
    }
  } finally {
    await close();
    await env.stop();
  }
}
