// `npm start`: installs dependencies if missing, builds what is stale, then runs the server on the embedded
// database (./data, DATA_DIR to change) on http://localhost:3000 (PORT to change). Migrations, the Baoji
// division tree and the demo accounts are applied by the server at start-up.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDependencies } from './ensure-deps.mjs';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function buildIfStale(workspace, dir, output) {
  const sources = Math.max(newestMtime(dir), newestMtime('packages/contracts'));
  if (fs.existsSync(output) && fs.statSync(output).mtimeMs >= sources) return;
  console.log(`Building ${workspace} …`);
  const r = spawnSync('npm', ['run', 'build', '-w', workspace], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

ensureDependencies();
buildIfStale('@minzheng/server', 'apps/server', 'apps/server/dist/cli.js');
buildIfStale('@minzheng/web', 'apps/web', 'apps/web/dist/index.html');

const child = spawn(process.execPath, ['apps/server/bin/minzheng.js', 'serve'], {
  stdio: 'inherit',
  env: { MINZHENG_WEB_DIR: path.resolve('apps/web/dist'), LOG_LEVEL: 'warn', ...process.env },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
