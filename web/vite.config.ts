import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The config is loaded from the repository root (`vite build --config web/vite.config.ts`),
// so the root is pinned to this folder rather than the current directory.
const root = fileURLToPath(new URL('.', import.meta.url));
const apiServer = process.env['CANHGIAC_DEV_API'] ?? 'http://localhost:3000';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/docs': apiServer,
      '/healthz': apiServer,
    },
  },
});
