// Installs npm dependencies when node_modules is missing or older than the lock file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export function ensureDependencies() {
  const lock = fs.existsSync('package-lock.json') ? fs.statSync('package-lock.json').mtimeMs : 0;
  const marker = 'node_modules/.package-lock.json';
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= lock) return;
  console.log('Installing dependencies (npm ci) …');
  const r = spawnSync('npm', [lock ? 'ci' : 'install', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
