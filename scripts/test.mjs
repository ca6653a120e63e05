// `npm test`: typecheck, lint, the server suite on PGlite, the same suite on a throwaway PostgreSQL server,
// then the browser tests on Debian's Chromium against the built product. With CI=true a missing PostgreSQL
// or Chromium fails the run instead of skipping. Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDependencies } from './ensure-deps.mjs';
import { startPostgres } from './pg-throwaway.mjs';
import { findChromium } from './chromium.mjs';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const only = process.argv[2]; // optional: typecheck | lint | pglite | postgres | e2e
const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mz-test-run-'));

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `--- ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

function vitest(name, config, env = {}) {
  const out = path.join(tmp, `${name}.json`);
  step(
    name,
    'npx',
    [
      'vitest',
      'run',
      '--config',
      config,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    env,
  );
  if (!fs.existsSync(out)) {
    results.failed += 1;
    return;
  }
  const j = JSON.parse(fs.readFileSync(out, 'utf8'));
  results.passed += j.numPassedTests;
  results.failed += j.numFailedTests;
  results.skipped += j.numPendingTests + j.numTodoTests;
  if (j.numTotalTests === 0) failures.push(`${name}: no tests ran`);
}

function missing(what, hint) {
  const msg = `${what} not found — ${hint}`;
  if (ci) {
    console.error(`FAIL: ${msg}`);
    failures.push(what);
  } else console.warn(`SKIP: ${msg}`);
}

ensureDependencies();
const want = (s) => !only || only === s;
if (want('typecheck')) step('typecheck', 'node', ['scripts/typecheck.mjs']);
if (want('lint')) {
  step('eslint', 'npx', ['eslint', '.', '--max-warnings', '0']);
  step('prettier', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
}
if (want('pglite')) vitest('server-pglite', 'apps/server/vitest.config.ts');
if (want('postgres')) {
  const pg = await startPostgres().catch((e) => {
    console.error(e.message);
    return null;
  });
  if (!pg) missing('PostgreSQL', 'install Debian package postgresql (initdb and pg_ctl are needed)');
  else {
    console.log(`throwaway ${pg.version} at ${pg.url}`);
    try {
      vitest('server-postgres', 'apps/server/vitest.config.ts', { TEST_DATABASE_URL: pg.url });
    } finally {
      pg.stop();
    }
  }
}
if (want('e2e')) {
  const chromium = findChromium();
  if (!chromium) missing('Chromium', 'install Debian packages chromium and fonts-noto-cjk');
  else if (step('build', 'npm', ['run', 'build']))
    vitest('browser', 'e2e/vitest.config.ts', { CHROMIUM_PATH: chromium });
}

fs.rmSync(tmp, { recursive: true, force: true });
if (failures.length > 0) console.error(`\nFailed steps: ${failures.join(', ')}`);
console.log(
  `\n${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`,
);
process.exit(failures.length > 0 || results.failed > 0 ? 1 : 0);
