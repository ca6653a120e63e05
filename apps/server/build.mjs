// Bundles the server into dist/cli.js; npm packages stay external and load from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  // @minzheng/contracts is TypeScript source in this repository: bundle it instead of importing it.
  alias: { '@minzheng/contracts': '../../packages/contracts/src' },
});
