// Bundles the two Node programs with esbuild into dist/: the central OMS (dist/server/main.js,
// what production runs) and the station web host (dist/web-host/main.js). Packages stay in
// node_modules (the server runs with its production dependencies alone). `npm start` and the
// end-to-end tests run these bundles: plain Node starts them in a fraction of tsx's time.
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const NODE_PROGRAMS = {
  server: 'dist/server/main.js',
  webHost: 'dist/web-host/main.js',
} as const;

/** Another `outdir` gives a test its own copy (inside the project, so node_modules is found). */
export async function buildNodePrograms(outdir = 'dist'): Promise<void> {
  await build({
    entryPoints: {
      'server/main': 'src-server/main.ts',
      'web-host/main': 'src-main/web-host/main.ts',
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildNodePrograms();
