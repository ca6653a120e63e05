import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database clone; two workers fit the 2-core machines.
    maxWorkers: 2,
    alias: {
      '@minzheng/contracts': new URL('../../packages/contracts/src', import.meta.url).pathname,
    },
  },
});
