// `npm run bench -- <scenario>`: runs bench/run.ts with tsx (scenarios import the server's TypeScript).
import { spawnSync } from 'node:child_process';
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();
const r = spawnSync(
  'npx',
  ['tsx', '--tsconfig', 'bench/tsconfig.json', 'bench/run.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
