import { defineConfig } from 'vite';

// Served by the gateway under /console (static files from dist/); Preact through the automatic JSX
// runtime, so no framework plugin is needed.
export default defineConfig({
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
