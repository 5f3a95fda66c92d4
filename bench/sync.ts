// `npm run bench:sync`: the station's first sync of 20,000 fulfillment orders into RxDB in
// Chromium, through the real path (renderer replication → web host → station main → central OMS
// on PostgreSQL), against a plain RxDB bulkInsert of the same documents in the same browser run;
// then live latency from a fulfillment released centrally to it being in the station's database,
// p50 and p99 over 200 releases. Writes docs/benchmarks.md "## Sync".
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { FulfillmentDoc } from '../shared/sync/documents';
import { createStation } from '../src-main/station';
import { loadStationConfig } from '../src-main/station-config';
import { startWebHost } from '../src-main/web-host/web-host';
import { createApp } from '../src-server/app';
import { loadServerConfig } from '../src-server/config';
import { openDatabase } from '../src-server/db/connect';
import { migrateToLatest } from '../src-server/db/migrate';
import { seedDemoData } from '../src-server/seed/demo-seed';
import { writeSyncDocuments } from '../src-server/sync/document-store';
import { createDatabase, startPostgresCluster } from '../test/setup/postgres-cluster';
import { launchChromium } from './support/chromium';
import { percentile, writeBenchmarkSection } from './support/report';

const FULFILLMENTS = 20_000;
const RELEASES = 200;
const WAREHOUSE = 'NL-TIL';

function makeFulfillment(i: number): FulfillmentDoc {
  return {
    id: randomUUID(),
    orderId: randomUUID(),
    orderNumber: `BENCH-${i}`,
    warehouseCode: WAREHOUSE,
    status: 'released',
    cancelRequested: false,
    onHold: false,
    priority: i % 10,
    promisedDate: '2026-12-01',
    channel: 'webshop',
    poNumber: null,
    customerLocale: i % 2 ? 'nl' : 'en',
    shipFrom: {
      name: 'Tilburg DC',
      company: null,
      line1: 'Dockweg 1',
      line2: null,
      postalCode: '5048 AA',
      city: 'Tilburg',
      region: null,
      country: 'NL',
      phone: null,
      email: null,
    },
    shipTo: {
      name: `Klant ${i}`,
      company: null,
      line1: `Damrak ${i % 200}`,
      line2: null,
      postalCode: '1012 AB',
      city: 'Amsterdam',
      region: null,
      country: 'NL',
      phone: null,
      email: null,
    },
    carrier: 'postnl',
    service: 'standard',
    shippingCostCents: 695,
    currency: 'EUR',
    lines: [1, 2, 3].map((n) => ({
      lineId: randomUUID(),
      sku: `SKU-${(i * 3 + n) % 500}`,
      name: `Product ${n}`,
      quantity: n,
      bin: `A-0${n}-01`,
      walkSequence: n * 10,
      unitWeightGrams: 350,
      unitPriceCents: 995,
    })),
    releasedAt: new Date().toISOString(),
    updatedAt: 0,
  };
}

if (!existsSync('out/renderer/index.html'))
  execFileSync(
    process.execPath,
    ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );

const cluster = await startPostgresCluster();
const cleanups: (() => Promise<unknown> | unknown)[] = [() => cluster.stop()];
try {
  const databaseUrl = createDatabase(cluster.url, 'oms_sync_bench');
  const handle = await openDatabase({ databaseUrl, maxConnections: 10 });
  cleanups.unshift(() => handle.close());
  await migrateToLatest(handle.db);
  await seedDemoData(handle.db, {
    seed: 'bench',
    log: { info: () => undefined },
    maxExtraKmForSingleWarehouse: 100,
    orderCount: 0,
    productCount: 50,
  });
  const docs = Array.from({ length: FULFILLMENTS }, (_, i) => makeFulfillment(i));
  for (let i = 0; i < docs.length; i += 1000) {
    await handle.db
      .transaction()
      .execute((trx) =>
        writeSyncDocuments(trx, WAREHOUSE, 'fulfillments', docs.slice(i, i + 1000)),
      );
  }
  const config = {
    ...loadServerConfig({ ADMIN_TOKEN: 'bench-admin', ADMIN_TOKEN_SCOPE: 'system' }),
    databaseUrl,
  };
  const app = await createApp(config, { db: handle.db, listen: handle.listen, logger: false });
  cleanups.unshift(() => app.close());
  const centralUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const created = await app.inject({
    method: 'POST',
    url: '/v1/stations',
    headers: { authorization: 'Bearer bench-admin' },
    payload: { warehouseCode: WAREHOUSE, name: 'Bench station' },
  });

  const station = createStation(
    loadStationConfig(
      {
        CENTRAL_URL: centralUrl,
        STATION_DATA_DIR: mkdtempSync(join(tmpdir(), 'sync-bench-station-')),
        STATION_ENROLMENT_CODE: created.json().enrolmentCode,
      },
      'bench',
    ),
    { transport: 'http' },
  );
  await station.start();
  cleanups.unshift(() => station.stop());
  const host = await startWebHost({ station, rendererDir: 'out/renderer', port: 0 });
  cleanups.unshift(() => host.close());

  const baselineBundle = await build({
    entryPoints: ['bench/sync/bulk-insert-page.ts'],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    logLevel: 'error',
  });
  const browser = await launchChromium();
  cleanups.unshift(() => browser.close());
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 1366, height: 768 },
  });

  // First sync through the real station.
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(host.url);
  await page.waitForSelector('[data-testid=sync-indicator][data-first-sync=done]', {
    timeout: 300_000,
  });
  const indicator = page.getByTestId('sync-indicator');
  const attribute = async (name: string) => Number(await indicator.getAttribute(name));
  const finishedAt = await attribute('data-first-sync-finished-at');
  const syncStartedAt = await attribute('data-first-sync-started-at');
  const firstSyncMs = finishedAt - started;
  // Like the baseline's timer, which starts once its database and collection exist.
  const syncOnlyMs = finishedAt - syncStartedAt;
  const received = await attribute('data-received');
  const syncRate = (FULFILLMENTS / syncOnlyMs) * 1000;
  console.log(
    `first sync: ${received} documents in ${syncOnlyMs} ms once the database was open (${syncRate.toFixed(0)} fulfillments/s); ${firstSyncMs} ms from opening the page`,
  );

  // Baseline: the same documents, one plain bulkInsert, same browser, same origin.
  const baselinePage = await context.newPage();
  await baselinePage.goto(host.url);
  await baselinePage.addScriptTag({ content: baselineBundle.outputFiles[0]!.text });
  const baselineMs = await baselinePage.evaluate(
    (d) => window.bulkInsertBaseline(d),
    docs.map((d, i) => ({ ...d, updatedAt: i + 1 })),
  );
  await baselinePage.close();
  const baselineRate = (FULFILLMENTS / baselineMs) * 1000;
  console.log(
    `baseline bulkInsert: ${FULFILLMENTS} documents in ${baselineMs.toFixed(0)} ms (${baselineRate.toFixed(0)}/s)`,
  );

  // Live: a fulfillment released centrally until it is in the station's database.
  const latencies: number[] = [];
  for (let i = 0; i < RELEASES; i++) {
    const doc = makeFulfillment(FULFILLMENTS + i);
    const releasedAt = Date.now();
    await handle.db
      .transaction()
      .execute((trx) => writeSyncDocuments(trx, WAREHOUSE, 'fulfillments', [doc]));
    const handleArrival = await page.waitForFunction(
      (t) =>
        Number(
          document
            .querySelector('[data-testid=sync-indicator]')
            ?.getAttribute('data-last-received-at') || 0,
        ) >= t,
      releasedAt,
      { polling: 'raf', timeout: 10_000 },
    );
    await handleArrival.dispose();
    const arrivedAt = Number(
      await page.getByTestId('sync-indicator').getAttribute('data-last-received-at'),
    );
    latencies.push(arrivedAt - releasedAt);
    await new Promise((r) => setTimeout(r, 10));
  }
  latencies.sort((a, b) => a - b);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  console.log(`live latency over ${RELEASES} releases: p50 ${p50} ms, p99 ${p99} ms`);

  const ratio = syncRate / baselineRate;
  await writeBenchmarkSection(
    'Sync',
    `## Sync

\`npm run bench:sync\` — Chromium (Debian), central OMS on PostgreSQL 15, station main and web host in one Node process;
measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores.

| measure | figure |
| --- | ---: |
| first sync of ${FULFILLMENTS.toLocaleString('en')} fulfillment orders (renderer → web host → main → central), from the station's database being open | ${syncOnlyMs} ms, ${syncRate.toFixed(0)} docs/s |
| the same, from opening the page (app start and opening the database included) | ${firstSyncMs} ms |
| plain RxDB \`bulkInsert\` of the same documents into a created collection, same browser run (baseline) | ${baselineMs.toFixed(0)} ms, ${baselineRate.toFixed(0)} docs/s |
| ratio first sync / baseline (goal ≥ 0.7) | **${ratio.toFixed(2)}** |
| live latency, released centrally → in the station's database, p50 (${RELEASES} releases) | ${p50} ms |
| live latency, p99 (goal < 250 ms) | **${p99} ms** |

The ratio compares like with like: both timers start once the database and its collections exist (the
baseline's after \`addCollections\`, the station's once \`openStationDatabase\` has returned) and stop when
the last document is stored. The central OMS's collections come as a one-way feed (bulk inserts, one page
read ahead), so the first sync pays the network once, overlapped with the writes.
`,
  );
  console.log(`ratio ${ratio.toFixed(2)} (goal ≥ 0.7); p99 ${p99} ms (goal < 250 ms)`);
} finally {
  for (const cleanup of cleanups) await Promise.resolve(cleanup()).catch(() => undefined);
}
process.exit(0);
