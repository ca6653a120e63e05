// Type-checks every workspace (each has its own tsconfig: DOM for the web, Node for the rest).
import { spawnSync } from 'node:child_process';

const projects = ['packages/contracts', 'apps/server', 'apps/web', 'e2e', 'bench'];
let failed = false;
for (const p of projects) {
  const r = spawnSync('npx', ['tsc', '-p', p], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
