import { defineConfig } from 'vite';
import { inviteServer } from './invite-server.js';

export default defineConfig({
  root: 'demo',
  plugins: [inviteServer()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  build: { outDir: '../.cache/demo', emptyOutDir: true },
});
