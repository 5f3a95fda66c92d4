// Debian's Chromium where it is installed (these machines cannot download Playwright's own), with
// the flags this closed network needs. Used by Playwright's config and the browser benchmarks.
import { existsSync } from 'node:fs';

export const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) =>
  existsSync(p),
);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
