// `npm run bench:scan`: in Chromium, with 20,000 fulfillment orders in the station's RxDB (Dexie on
// IndexedDB), the time from a scan's final Enter key to its feedback being painted (the animation
// frame after the DOM update), p50 and p99 over 500 scans on the packing screen, with frames at 60 Hz
// and unthrottled. Each scan runs the real keyboard wedge → scan detector → scan router → pack
// rules → RxDB write → React render.
// Writes docs/benchmarks.md "## Scan feedback".
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { launchChromium } from './support/chromium';
import { writeBenchmarkSection } from './support/report';

const SCANS = 500;
const WARM_UP = 20;
const FULFILLMENTS = 20_000;

const out = mkdtempSync(join(tmpdir(), 'scan-bench-'));
await build({
  entryPoints: ['bench/scan-page.tsx'],
  bundle: true,
  format: 'esm',
  outfile: join(out, 'bench.js'),
  jsx: 'automatic',
  loader: { '.wav': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  logLevel: 'error',
});
writeFileSync(
  join(out, 'index.html'),
  '<!doctype html><html><head><link rel="stylesheet" href="bench.css"></head><body><div id="root"></div><script type="module" src="bench.js"></script></body></html>',
);
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wav': 'audio/wav',
};
const server = createServer((req, res) => {
  const file = join(
    out,
    (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').split('?')[0]!.slice(1),
  );
  if (!file.startsWith(out) || !existsSync(file)) return void res.writeHead(404).end();
  res
    .writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' })
    .end(readFileSync(file));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;

const codes = ['SKU-1', 'SKU-2'].map((_, i) => {
  const body = `871234588${String(i + 1).padStart(3, '0')}`;
  const check =
    (10 - ([...body].reduce((sum, d, j) => sum + Number(d) * (j % 2 === 0 ? 1 : 3), 0) % 10)) % 10;
  return `${body}${check}`;
});
const unknown = '4006381333931';
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * Frames come at the display's rate (vsync, 60 Hz), or as soon as there is something to draw
 * (unthrottled: the time the station and the browser take to put the feedback in a frame,
 * without waiting for the display's next refresh, which adds 0–16.7 ms to any app).
 */
const MODES = [
  { name: 'frames at 60 Hz (vsync)', args: [] },
  {
    name: 'frames unthrottled (no vsync wait)',
    args: ['--disable-frame-rate-limit', '--disable-gpu-vsync'],
  },
] as const;

async function measure(args: readonly string[]) {
  const browser = await launchChromium(args);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`http://127.0.0.1:${port}/?fulfillments=${FULFILLMENTS}`);
  const setup = await page.evaluate(() => window.scanBench.ready);
  console.log(
    `stored ${setup.fulfillments} fulfillment orders in ${Math.round(setup.insertMs)} ms`,
  );
  for (let i = 0; i < SCANS + WARM_UP; i++) {
    // Mostly items of the order (each counted and saved); every tenth an unknown barcode.
    const code = i % 10 === 9 ? unknown : codes[i % 2]!;
    await page.keyboard.type(code, { delay: 1 });
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.scanBench.latencies.length >= n, i + 1);
  }
  const latencies = (await page.evaluate(() => window.scanBench.latencies))
    .slice(WARM_UP)
    .sort((a, b) => a - b);
  const domLatencies = (await page.evaluate(() => window.scanBench.domLatencies))
    .slice(WARM_UP)
    .sort((a, b) => a - b);
  const packed = await page.getByTestId('packed-SKU-1').textContent();
  await browser.close();
  return {
    setup,
    scans: latencies.length,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    max: latencies.at(-1)!,
    dom50: pct(domLatencies, 50),
    dom99: pct(domLatencies, 99),
    packed,
  };
}

const results = [];
for (const mode of MODES) {
  const r = await measure(mode.args);
  console.log(
    `${mode.name}: scans ${r.scans}, painted p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms; DOM updated p50 ${r.dom50.toFixed(1)} ms, p99 ${r.dom99.toFixed(1)} ms (SKU-1 packed: ${r.packed})`,
  );
  results.push({ mode, ...r });
}
server.close();
const own = results[1]!;
const setup = results[0]!.setup;

const section = `## Scan feedback

\`npm run bench:scan\` — in headless Chromium, with ${setup.fulfillments.toLocaleString('en')} fulfillment orders stored in the
station's RxDB (Dexie on IndexedDB; bulk-inserted in ${Math.round(setup.insertMs)} ms), the packing screen of a
two-line order: time from a scan's final Enter keydown to the animation frame after the feedback banner
changed, over ${SCANS} scans (${WARM_UP} warm-up scans not counted; 9 in 10 are items of the order, each counted
and saved to RxDB, 1 in 10 an unknown barcode). Each scan runs the real keyboard wedge, scan detector,
scan router, pack rules, RxDB write and React render. Measured ${new Date().toISOString().slice(0, 10)} on 2 cores, once
with frames at the display's rate and once with frames drawn as soon as there is something to draw.
Goal: p99 under 16 ms.

| frames | scans | painted p50 ms | painted p99 ms | max ms | DOM updated p50 ms | DOM updated p99 ms |
|---|---:|---:|---:|---:|---:|---:|
${results.map((r) => `| ${r.mode.name} | ${r.scans} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.dom50.toFixed(1)} | ${r.dom99.toFixed(1)} |`).join('\n')}

- At 60 Hz a scan's feedback waits for the display's next refresh, 0–16.7 ms after the work is done
  whatever the app, so that row's p99 sits near one frame by construction. The unthrottled row is the
  station's own path to a painted frame (keydown → detector → router → rules → RxDB write → React commit →
  style, layout, paint): the figure the goal is about. "DOM updated" stops at React's commit of the banner.
- Goal p99 < 16 ms (unthrottled): ${own.p99 < 16 ? `met (${own.p99.toFixed(1)} ms)` : `not met (${own.p99.toFixed(1)} ms)`}.
`;
await writeBenchmarkSection('Scan feedback', section);
console.log('wrote docs/benchmarks.md');
