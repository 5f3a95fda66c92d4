// Builds the back office (src-backoffice/) with Vite into dist/backoffice/, where the central
// OMS serves it. `npm start`, `npm run build` and the end-to-end tests' set-up call it.
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

export const BACKOFFICE_OUT_DIR = 'dist/backoffice';

export async function buildBackoffice(): Promise<void> {
  await build({ configFile: 'backoffice.vite.config.ts', logLevel: 'warn' });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildBackoffice();
