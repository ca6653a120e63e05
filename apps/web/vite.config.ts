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
    // antd's shared core (~250 kB gzip) is one chunk by nature; pages and their extra components load lazily.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries that change rarely get their own long-cached files.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 20 },
          ],
        },
      },
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; meaningless in this SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
