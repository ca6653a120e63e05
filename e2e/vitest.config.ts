import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  test: {
    include: ['**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One product and one browser at a time: the machines have two cores.
    fileParallelism: false,
  },
});
