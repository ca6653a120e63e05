#!/usr/bin/env node
// The `minzheng` command: runs the built server bundle (npm run build, or npm start, builds it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  console.error('minzheng is not built yet: run `npm run build` (or `npm start`) first.');
  process.exit(2);
}
await import(bundle.href);
