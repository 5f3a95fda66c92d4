import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { STATION_CSP } from './src-main/security/csp';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundle what main needs, so the packaged app carries no server-only packages in node_modules.
      externalizeDeps: { exclude: ['zod', 'fast-xml-parser'] },
      lib: {
        entry: resolve('src-main/electron/main.ts'),
        formats: ['es'],
        fileName: () => 'index.js',
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages: everything is bundled into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: resolve('src-main/electron/preload.ts'),
        output: { format: 'cjs', entryFileNames: 'preload.cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [
      react(),
      {
        name: 'station-csp',
        transformIndexHtml: () => [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: STATION_CSP },
            injectTo: 'head-prepend',
          },
        ],
      },
    ],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
