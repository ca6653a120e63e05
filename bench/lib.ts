import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadConfig } from '@minzheng/server/src/platform/config';
import { createServer, type Server } from '@minzheng/server/src/platform/server';
import { openDatabase } from '@minzheng/server/src/platform/db/client';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';

export interface Figure {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  floor: number | null;
  ratio: number | null;
}

export function report(f: Omit<Figure, 'ratio'>) {
  const ratio = f.floor ? Number((f.value / f.floor).toFixed(3)) : null;
  console.log(
    JSON.stringify({
      ...f,
      value: Number(f.value.toFixed(2)),
      floor: f.floor === null ? null : Number(f.floor.toFixed(2)),
      ratio,
    }),
  );
}

export interface Env {
  databaseUrl: string | null;
  stop(): Promise<void>;
}

/** PostgreSQL by default (throwaway server), PGlite with --pglite, or DATABASE_URL as given. */
export async function benchDatabase(args: string[]): Promise<Env> {
  if (args.includes('--pglite')) return { databaseUrl: null, stop: async () => undefined };
  if (process.env.DATABASE_URL) return { databaseUrl: process.env.DATABASE_URL, stop: async () => undefined };
  const { startPostgres } = (await import(path.resolve('scripts/pg-throwaway.mjs'))) as {
    startPostgres(): Promise<{ url: string; stop(): void } | null>;
  };
  const pg = await startPostgres();
  if (!pg) throw new Error('no PostgreSQL binaries: install Debian package postgresql, or pass --pglite');
  return { databaseUrl: pg.url, stop: async () => pg.stop() };
}

/** The real server, listening on a free loopback port, with the demo accounts. */
export async function startBenchServer(
  databaseUrl: string | null,
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mz-bench-'));
  const config = loadConfig(
    {},
    { databaseUrl, dataDir, demo: true, logLevel: 'silent', worker: false, port: 0 },
  );
  const database = await openDatabase({ databaseUrl, dataDir, poolSize: 10 });
  const server = await createServer(config, [], { database });
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    server,
    url: address,
    close: async () => {
      await server.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon in its own process, so the load generator does not share the server's event loop. */
export function load(opts: {
  url: string;
  connections: number;
  seconds: number;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const require = createRequire(import.meta.url);
  const bin = path.join(path.dirname(require.resolve('autocannon/package.json')), 'autocannon.js');
  const args = [
    bin,
    '-j',
    '-c',
    String(opts.connections),
    '-d',
    String(opts.seconds),
    '-m',
    opts.method ?? 'GET',
  ];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (opts.body) args.push('-b', opts.body);
  args.push(opts.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const j = JSON.parse(out) as {
        requests: { average: number };
        latency: { p99: number };
        errors: number;
        non2xx: number;
      };
      resolve({
        requestsPerSecond: j.requests.average,
        p99: j.latency.p99,
        errors: j.errors,
        non2xx: j.non2xx,
      });
    });
  });
}

export function argValue(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}
