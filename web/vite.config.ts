import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

// The config is loaded from the repository root (`vite build --config web/vite.config.ts`),
// so the root is pinned to this folder rather than the current directory.
const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('..', import.meta.url));
const apiServer = process.env['CANHGIAC_DEV_API'] ?? 'http://localhost:3000';

export default defineConfig({
  root,
  plugins: [
    react(),
    // Brotli and gzip copies of every text asset, written once at build time at the highest
    // levels; the server sends them as they are (@fastify/static `preCompressed`), so a phone
    // downloads ≈ 145 kB instead of ≈ 400 kB and no request pays for compressing them.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(html|css|js|mjs|json|svg|txt|webmanifest)$/,
      threshold: 1024,
    }),
  ],
  resolve: {
    // The report wizard and the check page run the server's own identifier code
    // (src/domain/identifiers); its two Node built-ins get small browser versions.
    alias: {
      'node:url': fileURLToPath(new URL('./src/shims/node-url.ts', import.meta.url)),
      'node:buffer': fileURLToPath(new URL('./src/shims/node-buffer.ts', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // The shared code lives outside web/.
    fs: { allow: [repository] },
    proxy: {
      '/api': apiServer,
      '/docs': apiServer,
      '/healthz': apiServer,
      '/alerts.atom': apiServer,
      '/alerts.rss': apiServer,
    },
  },
});
