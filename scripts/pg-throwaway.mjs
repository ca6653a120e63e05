// A throwaway PostgreSQL server from the machine's binaries: initdb into a temp folder, a free port,
// stopped (and the folder removed) at the end. As root it runs as the `postgres` user (or `nobody`),
// because PostgreSQL refuses to run as root.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function findBin() {
  const candidates = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    /* no pg_config on PATH */
  }
  if (fs.existsSync('/usr/lib/postgresql')) {
    for (const v of fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)))
      candidates.push(`/usr/lib/postgresql/${v}/bin`);
  }
  for (const dir of ['/usr/local/bin', '/usr/bin']) candidates.push(dir);
  return candidates.find(
    (d) => fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl')),
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function runAs(user, cmd, args) {
  const r = user
    ? spawnSync('runuser', ['-u', user, '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

export async function startPostgres() {
  const bin = findBin();
  if (!bin) return null;
  const isRoot = process.getuid?.() === 0;
  let user = null;
  if (isRoot) {
    user = spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody';
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mz-pg-'));
  fs.chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  if (user) execFileSync('chown', ['-R', user, dir]);
  const port = await freePort();
  runAs(user, path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  runAs(user, path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-o', opts, '-w', 'start']);
  const version = runAs(user, path.join(bin, 'postgres'), ['--version']).trim();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version,
    stop() {
      try {
        runAs(user, path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

// `node scripts/pg-throwaway.mjs` starts one and prints its URL until Ctrl-C (handy for benchmarks by hand).
if (import.meta.url === `file://${process.argv[1]}`) {
  const pg = await startPostgres();
  if (!pg) {
    console.error('no PostgreSQL binaries found (Debian: apt-get install postgresql)');
    process.exit(1);
  }
  console.log(`${pg.version}\nDATABASE_URL=${pg.url}`);
  const stop = () => {
    pg.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => undefined, 1 << 30);
}
