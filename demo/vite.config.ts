import { defineConfig } from 'vite';

export default defineConfig({
  root: 'demo',
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: { outDir: '../.cache/demo', emptyOutDir: true },
});
