import { defineConfig } from 'vite';

/**
 * Vite 8 transforms TS/JSX with Oxc; the automatic JSX runtime is configured here, so no React plugin is
 * needed (we give up Fast Refresh, which a back-office app can live without).
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  preview: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; meaningless in this SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
