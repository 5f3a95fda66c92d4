// `npm run bench:label`: from the packer's last scan of a carton to the label's last byte arriving
// at the printer's socket, p50/p95 over 200 cartons, one carton at a time as a packer works.
// Each carton: build the label data (new SSCC) → render ZPL → store the job in RxDB (the real
// print queue; fake-indexeddb under Node) → the queue worker → station API → main's print
// service (journal, ~HS status check) → TCP driver → a real listener playing a Zebra on 127.0.0.1.
// Run twice: through the in-process dispatcher (as IPC reaches it) and through the web host's HTTP.
// Writes docs/benchmarks.md "## Label printing".
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSscc } from '../shared/gs1/sscc';
import { makeShippingLabel } from '../shared/labels/label-fixtures';
import { renderShippingLabelZpl } from '../shared/labels/shipping-label';
import type { StationApi, StationHandlers } from '../shared/station-api';
import { createStationApi } from '../shared/station-api/client';
import { PrintService } from '../src-main/printing/print-service';
import { printingHandlers } from '../src-main/printing/printing-handlers';
import type { Station } from '../src-main/station';
import { createDispatcher } from '../src-main/station-api/dispatch';
import { StationEventHub } from '../src-main/station-api/event-hub';
import { startWebHost } from '../src-main/web-host/web-host';
import { openStationDatabase } from '../src-renderer/db/database';
import { enqueuePrint, PrintQueueWorker } from '../src-renderer/printing/print-queue';
import { httpTransport } from '../src-renderer/station-api/http-transport';
import { startFakeZebra } from '../test/support/fake-zebra';
import { carrierRows, runCarrierRounds } from './label-carriers';
import { writeBenchmarkSection } from './support/report';

const CARTONS = 200;
const WARM_UP = 10;
const SSCC_CONFIG = { companyPrefix: '8712345', extensionDigit: 3 };

interface Round {
  transport: string;
  total: number[];
  render: number[];
  stored: number[];
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ms = (value: number) => value.toFixed(1);

async function runRound(
  transport: string,
  makeApi: (
    events: StationEventHub,
    station: Station,
  ) => Promise<{ api: StationApi; close(): Promise<void> }>,
): Promise<Round> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-label-'));
  const zebra = await startFakeZebra();
  const events = new StationEventHub();
  const service = new PrintService({
    dataDir,
    emitStatus: (status) => events.emit('printerStatus', status),
    log: () => undefined,
  });
  // Only the printing domain runs here; nothing calls the other handlers.
  const station: Station = {
    handlers: printingHandlers(service) as Partial<StationHandlers> as StationHandlers,
    events,
    start: async () => undefined,
    stop: async () => undefined,
  };
  const { api, close } = await makeApi(events, station);
  const printer = await api.addNetworkPrinter({
    name: 'Bench Zebra',
    host: '127.0.0.1',
    port: zebra.port,
  });
  const db = await openStationDatabase(`benchlabel${transport.replace(/\W/g, '')}${Date.now()}`);
  const worker = new PrintQueueWorker(db.print_jobs, api);
  await worker.start();

  const round: Round = { transport, total: [], render: [], stored: [] };
  for (let carton = 0; carton < WARM_UP + CARTONS; carton++) {
    const lastScan = performance.now();
    const label = makeShippingLabel({
      sscc: buildSscc(SSCC_CONFIG, 1000 + carton),
      cartonIndex: 1,
      cartonCount: 1,
      weightGrams: 800 + carton,
    });
    const zpl = renderShippingLabelZpl(label, 203);
    const rendered = performance.now();
    await enqueuePrint(db.print_jobs, {
      kind: 'shipping-label',
      printerId: printer.id,
      format: 'zpl',
      payload: zpl,
      reference: label.sscc,
    });
    const stored = performance.now();
    await zebra.waitForJobs(carton + 1, 10_000);
    if (!zebra.jobs[carton]!.equals(Buffer.from(zpl, 'utf8')))
      throw new Error(`carton ${carton}: the printer received different bytes`);
    if (carton < WARM_UP) continue;
    round.total.push(zebra.arrivedAt[carton]! - lastScan);
    round.render.push(rendered - lastScan);
    round.stored.push(stored - lastScan);
  }
  if (zebra.jobs.length !== WARM_UP + CARTONS)
    throw new Error(`expected ${WARM_UP + CARTONS} labels, the printer got ${zebra.jobs.length}`);

  worker.stop();
  await db.remove();
  await close();
  await zebra.close();
  await rm(dataDir, { recursive: true, force: true });
  return round;
}

const viaDispatcher = async (events: StationEventHub, station: Station) => {
  const dispatch = createDispatcher(station.handlers, () => undefined);
  const api = createStationApi({
    // A JSON round trip stands in for IPC's structured clone.
    call: async (method, args) =>
      JSON.parse(JSON.stringify(await dispatch(method, JSON.parse(JSON.stringify(args))))),
    subscribe: (event, listener) =>
      events.subscribe((name, payload) => name === event && listener(payload)),
  });
  return { api, close: async () => undefined };
};

const viaWebHost = async (_events: StationEventHub, station: Station) => {
  const host = await startWebHost({
    station,
    rendererDir: tmpdir(),
    port: 0,
    log: () => undefined,
  });
  const http = httpTransport(host.url);
  // Node 20 has no EventSource; the queue falls back to polling printer status, which this run never needs.
  const api = createStationApi({ call: http.call, subscribe: () => () => undefined });
  return { api, close: () => host.close() };
};

function report(rounds: Round[]): string {
  const rows = rounds.map(
    (r) =>
      `| ${r.transport} | ${CARTONS} | ${ms(percentile(r.render, 50))} | ${ms(percentile(r.stored, 50))} | ${ms(percentile(r.total, 50))} | ${ms(percentile(r.total, 95))} | ${ms(Math.max(...r.total))} |`,
  );
  return [
    '## Label printing',
    '',
    '`npm run bench:label` — from the last packing scan of a carton to the last byte of its label arriving at',
    'the printer socket, one carton at a time: label data with a new SSCC → 4×6 ZPL at 203 dpi → job stored in',
    'the RxDB print queue (fake-indexeddb under Node, which is slower than Chromium’s IndexedDB) → queue worker →',
    'station API → print service (journal + `~HS` status check) → TCP driver → a listener on 127.0.0.1 playing a',
    `Zebra. ${WARM_UP} warm-up cartons are not counted. Every label arrived byte-identical, exactly once.`,
    `Measured ${new Date().toISOString().slice(0, 10)} on ${process.platform}, Node ${process.version}. Goal: p95 < 300 ms.`,
    '',
    '| path | cartons | rendered p50 ms | stored p50 ms | at printer p50 ms | at printer p95 ms | max ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    'Not included: the printer’s own print time (a 4×6 label takes about 1 s at 6 ips) and the',
    'renderer’s paint. A real Zebra answers `~HS` over the LAN, adding one round trip (≈1 ms).',
    '',
  ].join('\n');
}

async function main() {
  const rounds = [
    await runRound('in-process dispatch (IPC path)', viaDispatcher),
    await runRound('web host HTTP', viaWebHost),
  ];
  const section = [report(rounds), ...carrierRows(await runCarrierRounds()), ''].join('\n');
  console.log(section);
  await writeBenchmarkSection('Label printing', section);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
