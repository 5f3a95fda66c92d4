// A PostNL carton from confirmation to the printer, on one machine: the renderer's numbering and
// pending-label retry (RxDB on fake-indexeddb) → the station API dispatcher → main's carrier
// registry → the PostNL adapter over HTTP to a local server playing PostNL's barcode API, and the
// label through main's print service to a real TCP listener playing a Zebra.
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildSscc } from '../../shared/gs1/sscc';
import type { StationHandlers } from '../../shared/station-api';
import { createStationApi } from '../../shared/station-api/client';
import type { FulfillmentDoc, ShipmentDoc } from '../../shared/sync/documents';
import { CarrierRegistry } from '../../src-main/carriers/carrier-registry';
import { createLeasedOwnCarrier } from '../../src-main/carriers/own-carrier-leases';
import { createPostnlCarrier } from '../../src-main/carriers/postnl-barcode';
import { NumberLeases } from '../../src-main/numbering/number-leases';
import { numberingHandlers } from '../../src-main/numbering/numbering-handlers';
import { PrintService } from '../../src-main/printing/print-service';
import { printingHandlers } from '../../src-main/printing/printing-handlers';
import { createDispatcher } from '../../src-main/station-api/dispatch';
import { StationEventHub } from '../../src-main/station-api/event-hub';
import { openStationDatabase, type StationDatabase } from '../../src-renderer/db/database';
import { assignTrackingNumbers } from '../../src-renderer/packing/tracking-numbers';
import { queueShippingLabels } from '../../src-renderer/printing/label-printing';
import { printPendingLabels } from '../../src-renderer/printing/pending-labels';
import { PrintQueueWorker } from '../../src-renderer/printing/print-queue';
import {
  makeFulfillment as makeStoredFulfillment,
  utrechtAddress,
} from '../../src-renderer/printing/print-fixtures';
import { startFakePostnl, type FakePostnl } from '../support/fake-postnl';
import { startFakeZebra, type FakeZebra } from '../support/fake-zebra';
import { renderAndDecode } from '../support/zpl-decode';

let dataDir: string;
let postnl: FakePostnl;
let zebra: FakeZebra;
let db: StationDatabase;
let worker: PrintQueueWorker;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'postnl-pending-'));
  postnl = await startFakePostnl();
  zebra = await startFakeZebra({ answer: {} });
});

afterEach(async () => {
  worker?.stop();
  await db?.remove();
  await zebra.close();
  await postnl.close();
  await rm(dataDir, { recursive: true, force: true });
});

function makeFulfillment(): FulfillmentDoc {
  return makeStoredFulfillment({
    orderNumber: 'W-2001',
    status: 'released',
    shipFrom: {
      ...utrechtAddress,
      name: 'Tilburg DC',
      line1: 'Kraaivenstraat 21',
      city: 'Tilburg',
    },
    shippingCostCents: 595,
  });
}

function makeShipment(cartonCount: number): ShipmentDoc {
  return {
    id: 's1',
    fulfillmentId: 'f1',
    stationId: 'st1',
    operatorId: 'op1',
    carrier: 'postnl',
    service: 'parcel',
    status: 'confirmed',
    refusalReason: null,
    confirmedAt: '2026-11-27T11:00:00.000Z',
    updatedAt: 0,
    cartons: Array.from({ length: cartonCount }, (_, i) => ({
      id: `c${i + 1}`,
      sscc: buildSscc({ companyPrefix: '8712345', extensionDigit: 3 }, i + 1),
      boxType: 'S',
      weightGrams: 400,
      trackingNumber: null,
      labelState: 'pending' as const,
      items: [{ lineId: 'l1', sku: 'TEA', quantity: 1, lot: null, serial: null, expiry: null }],
    })),
  };
}

async function makeStation() {
  const events = new StationEventHub();
  const connectivity = { online: false };
  const numbers = new NumberLeases({
    path: join(dataDir, 'number-leases.json'),
    requestLease: async () => ({
      kind: 'tracking',
      prefix: 'LA',
      countryCode: 'NL',
      next: 1,
      end: 99,
    }),
  });
  const carriers = new CarrierRegistry({
    own: createLeasedOwnCarrier(numbers),
    adapters: [
      createPostnlCarrier({
        baseUrl: postnl.url,
        apiKey: postnl.apiKey,
        customerCode: 'DEVC',
        customerNumber: '11223344',
        serie: '987000000-987600000',
        timeoutMs: 1000,
      }),
    ],
    notConfigured: {},
  });
  const printing = new PrintService({
    dataDir,
    emitStatus: (status) => events.emit('printerStatus', status),
    zebraTimeouts: { statusTimeoutMs: 300 },
    log: () => undefined,
  });
  // Numbering and printing are under test; the dispatcher never reaches the other domains.
  const handlers = {
    ...numberingHandlers({ numbers, carriers, isOnline: () => connectivity.online }),
    ...printingHandlers(printing),
  } as Partial<StationHandlers> as StationHandlers;
  const dispatch = createDispatcher(handlers, () => undefined);
  const api = createStationApi({
    call: (method, args) => dispatch(method, args),
    subscribe: (event, listener) =>
      events.subscribe((name, payload) => name === event && listener(payload)),
  });
  const printer = await api.addNetworkPrinter({
    name: 'Packing 1',
    host: '127.0.0.1',
    port: zebra.port,
  });
  await api.setDefaultPrinter({ role: 'label', printerId: printer.id });
  return { api, connectivity };
}

it('prints the labels of PostNL cartons confirmed offline with their PostNL barcodes once PostNL answers', async () => {
  const { api, connectivity } = await makeStation();
  db = await openStationDatabase(`postnl${Date.now()}`);
  worker = new PrintQueueWorker(db.print_jobs, api);
  await worker.start();
  const fulfillment = makeFulfillment();
  await db.fulfillments.insert(fulfillment);

  // Confirmed offline: no number, no label, PostNL not even asked.
  const numbered = await assignTrackingNumbers(makeShipment(2), 'NL', api);
  const onlineOnly = {
    reason: { code: 'carrier_online_only', params: { carrier: 'PostNL' } },
    sentence:
      'PostNL numbers cartons online only; the label prints when the station is back online',
  };
  // The reason crossed from main to the renderer as a code the packer's language can say.
  expect(numbered.pending.map((p) => p.reason)).toEqual([onlineOnly, onlineOnly]);
  expect(await queueShippingLabels(db, api, numbered.shipment, fulfillment)).toBe(0);
  expect(postnl.requests).toEqual([]);

  // Online, but PostNL is down: still pending, with PostNL's failure as the reason.
  connectivity.online = true;
  postnl.mode = 'failing';
  expect(await printPendingLabels(db, api, 'st1')).toBe(0);
  const stillPending = (await db.shipments.findOne('s1').exec())!.toJSON();
  expect(stillPending.cartons.map((c) => [c.trackingNumber, c.labelState])).toEqual([
    [null, 'pending'],
    [null, 'pending'],
  ]);

  // PostNL is back: both cartons get PostNL barcodes, and their labels reach the printer.
  postnl.mode = 'ok';
  expect(await printPendingLabels(db, api, 'st1')).toBe(2);
  const saved = (await db.shipments.findOne('s1').exec())!.toJSON();
  expect(saved.cartons.map((c) => [c.trackingNumber, c.labelState])).toEqual([
    [postnl.barcodesIssued[0], 'printed'],
    [postnl.barcodesIssued[1], 'printed'],
  ]);
  expect(postnl.barcodesIssued).toHaveLength(2);

  // The packing slip went out at confirmation; then the two labels.
  const printed = await zebra.waitForJobs(3, 10_000);
  const decoded = await Promise.all(printed.map((job) => renderAndDecode(job.toString('utf8'))));
  const trackingBarcodes = decoded
    .flat(2)
    .filter((barcode) => !barcode.isGs1 && barcode.text.startsWith('3S'))
    .map((barcode) => barcode.text);
  expect(trackingBarcodes.sort()).toEqual([...postnl.barcodesIssued].sort());
});
