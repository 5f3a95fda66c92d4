// The whole print path on one machine: the renderer's queue in RxDB (fake-indexeddb) → the station
// API dispatcher → main's print service → the TCP driver → a real listener playing a Zebra.
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeShippingLabel } from '../../shared/labels/label-fixtures';
import { renderShippingLabelZpl } from '../../shared/labels/shipping-label';
import type { StationHandlers } from '../../shared/station-api';
import { createStationApi } from '../../shared/station-api/client';
import { PrintService } from '../../src-main/printing/print-service';
import { printingHandlers } from '../../src-main/printing/printing-handlers';
import { createDispatcher } from '../../src-main/station-api/dispatch';
import { StationEventHub } from '../../src-main/station-api/event-hub';
import { openStationDatabase, type StationDatabase } from '../../src-renderer/db/database';
import type { PrintJobDoc } from '../../src-renderer/printing/print-job';
import { enqueuePrint, PrintQueueWorker } from '../../src-renderer/printing/print-queue';
import { startFakeZebra, type FakeZebra } from '../support/fake-zebra';

let dataDir: string;
let zebra: FakeZebra;
let db: StationDatabase;
let worker: PrintQueueWorker;

async function setUp(mode: Parameters<typeof startFakeZebra>[0]) {
  zebra = await startFakeZebra(mode);
  const events = new StationEventHub();
  const service = new PrintService({
    dataDir,
    emitStatus: (status) => events.emit('printerStatus', status),
    zebraTimeouts: { statusTimeoutMs: 300 },
    log: () => undefined,
  });
  // Only the printing domain is under test; the dispatcher never reaches the other handlers.
  const dispatch = createDispatcher(
    printingHandlers(service) as Partial<StationHandlers> as StationHandlers,
    () => undefined,
  );
  const station = createStationApi({
    call: (method, args) => dispatch(method, args),
    subscribe: (event, listener) =>
      events.subscribe((name, payload) => name === event && listener(payload)),
  });
  const printer = await station.addNetworkPrinter({
    name: 'Packing 1',
    host: '127.0.0.1',
    port: zebra.port,
  });
  db = await openStationDatabase(`paperout${Date.now()}`);
  worker = new PrintQueueWorker(db.print_jobs, station);
  await worker.start();
  return printer.id;
}

const job = async (id: string) => (await db.print_jobs.findOne(id).exec())?.toJSON() as PrintJobDoc;
const until = async (check: () => Promise<boolean>, timeoutMs = 8000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'paper-out-'));
});

afterEach(async () => {
  worker?.stop();
  await db?.remove();
  await zebra?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('printing a shipping label on a Zebra that is out of paper', () => {
  it('keeps the label queued while the paper is out, then prints it exactly once, byte for byte', async () => {
    const printerId = await setUp({ answer: { paperOut: true } });
    const zpl = renderShippingLabelZpl(makeShippingLabel(), 203);
    const queued = await enqueuePrint(db.print_jobs, {
      kind: 'shipping-label',
      printerId,
      format: 'zpl',
      payload: zpl,
      reference: 'carton-1',
    });

    await until(async () => (await job(queued.id)).state === 'failed');
    expect(await job(queued.id)).toMatchObject({ retryable: true });
    expect(zebra.jobs).toHaveLength(0);

    zebra.mode = { answer: {} };
    await until(async () => (await job(queued.id)).state === 'done');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(zebra.jobs).toHaveLength(1);
    expect(zebra.jobs[0]!.equals(Buffer.from(zpl, 'utf8'))).toBe(true);
  });

  it('does not send the label to a printer that never answers ~HS', async () => {
    const printerId = await setUp('silent');
    const queued = await enqueuePrint(db.print_jobs, {
      kind: 'shipping-label',
      printerId,
      format: 'zpl',
      payload: renderShippingLabelZpl(makeShippingLabel(), 203),
      reference: 'carton-1',
    });
    await until(async () => (await job(queued.id)).state === 'failed');
    expect(await job(queued.id)).toMatchObject({
      retryable: true,
      reason: expect.stringMatching(/no ~HS answer/),
    });
    expect(zebra.statusQueries).toBeGreaterThanOrEqual(1);
    expect(zebra.jobs).toHaveLength(0);
  });
});
