// The back office (src-backoffice/): a browser-only React app, built into dist/backoffice/ and
// served by the central OMS at `/` (src-server/backoffice/backoffice-files.ts). `npm run
// backoffice:dev` serves it with hot reload and sends /v1 to a central OMS on :8080.
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve('src-backoffice'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve('dist/backoffice'),
    emptyOutDir: true,
    // Everything from our own origin: the CSP allows no inline script and no remote origin.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/v1': process.env.CENTRAL_URL ?? 'http://127.0.0.1:8080' },
  },
});
