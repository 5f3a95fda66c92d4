import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import { StationApiError } from '../../shared/station-api';
import type { PrinterList } from '../../shared/station-api/printing';
import type { ShipmentDoc } from '../../shared/sync/documents';
import { openStationDatabase, type StationDatabase } from '../db/database';
import { oneLabelRunAtATime } from '../packing/label-hand-off';
import { assignTrackingNumbers } from '../packing/tracking-numbers';
import { queueShippingLabels } from './label-printing';
import { printPendingLabels } from './pending-labels';
import { makeFulfillment, utrechtAddress } from './print-fixtures';

const fulfillment = makeFulfillment({
  orderNumber: 'W-1001',
  status: 'shipped',
  shipFrom: { ...utrechtAddress, name: 'Tilburg DC' },
  carrier: 'own',
});
const carton = (
  id: string,
  sscc: string,
  trackingNumber: string | null,
  labelState: 'pending' | 'printed',
) => ({
  id,
  sscc,
  boxType: 'S',
  weightGrams: 300,
  trackingNumber,
  labelState,
  items: [{ lineId: 'l1', sku: 'TEA', quantity: 1, lot: null, serial: null, expiry: null }],
});
const shipment: ShipmentDoc = {
  id: 's1',
  fulfillmentId: 'f1',
  stationId: 'st1',
  operatorId: 'op1',
  carrier: 'own',
  service: 'parcel',
  status: 'accepted',
  refusalReason: null,
  confirmedAt: '2026-11-27T11:00:00.000Z',
  updatedAt: 9,
  cartons: [
    carton('c1', '387123450000000012', 'CP000000015NL', 'printed'),
    carton('c2', '387123450000000029', null, 'pending'),
  ],
};
const printers = {
  printers: [
    { id: 'p1', name: 'Zebra', kind: 'zebra-tcp', host: '127.0.0.1', port: 9100, dpi: 203 },
  ],
  defaultLabelPrinterId: 'p1',
  defaultSlipPrinterId: null,
} as PrinterList;

let db: StationDatabase;
afterEach(async () => {
  await db?.remove();
});

it('prints the labels left pending offline once numbers are back, and only those', async () => {
  db = await openStationDatabase(`pending-${Date.now()}`);
  await db.fulfillments.insert(fulfillment);
  await db.shipments.insert(shipment);
  const api = {
    listPrinters: async () => printers,
    allocateTrackingNumber: vi.fn(async () => ({
      trackingNumber: 'CP000000029NL',
      carrier: 'own' as const,
    })),
  };

  expect(await printPendingLabels(db, api, 'st1')).toBe(1);
  const jobs = (await db.print_jobs.find().exec()).map((d) => d.toJSON());
  expect(jobs.map((j) => [j.kind, j.reference])).toEqual([['shipping-label', 's1#2']]);
  const saved = (await db.shipments.findOne('s1').exec())!.toJSON();
  expect(saved.cartons.map((c) => [c.trackingNumber, c.labelState])).toEqual([
    ['CP000000015NL', 'printed'],
    ['CP000000029NL', 'printed'],
  ]);
  expect(saved.updatedAt).toBe(0);
  // Nothing pending any more: a second run prints nothing.
  expect(await printPendingLabels(db, api, 'st1')).toBe(0);
});

/** Main's answer for PostNL as the renderer sees it: a number online, "label pending" offline. */
function postnlStation(printerList: PrinterList) {
  const station = { online: false, issued: 0 };
  const api = {
    listPrinters: async () => printerList,
    allocateTrackingNumber: vi.fn(async (args: { carrier?: string }) => {
      expect(args.carrier).toBe('postnl');
      if (!station.online)
        throw new StationApiError(
          'label_pending',
          'PostNL numbers cartons online only; the label prints when the station is back online',
          undefined,
          { code: 'carrier_online_only', params: { carrier: 'PostNL' } },
        );
      station.issued += 1;
      return { trackingNumber: `3SDEVC98700010${station.issued}`, carrier: 'postnl' };
    }),
  };
  return { station, api };
}

it('keeps a PostNL carton confirmed offline unlabelled, then labels it with its PostNL number once online', async () => {
  db = await openStationDatabase(`pending-postnl-${Date.now()}`);
  const postnlFulfillment = { ...fulfillment, carrier: 'postnl' };
  const confirmedOffline: ShipmentDoc = {
    ...shipment,
    carrier: 'postnl',
    status: 'confirmed',
    cartons: [carton('c1', '387123450000000012', null, 'pending')],
  };
  await db.fulfillments.insert(postnlFulfillment);
  const { station, api } = postnlStation(printers);

  // Confirmation while offline: no number, the label waits, with the reason.
  const numbered = await assignTrackingNumbers(confirmedOffline, 'NL', api);
  expect(numbered.pending).toEqual([
    {
      cartonId: 'c1',
      reason: {
        reason: { code: 'carrier_online_only', params: { carrier: 'PostNL' } },
        sentence:
          'PostNL numbers cartons online only; the label prints when the station is back online',
      },
    },
  ]);
  expect(await queueShippingLabels(db, api, numbered.shipment, postnlFulfillment)).toBe(0);
  expect(
    (await db.print_jobs.find().exec()).filter((j) => j.kind === 'shipping-label'),
  ).toHaveLength(0);

  // Still offline: retrying prints nothing and keeps the carton pending.
  expect(await printPendingLabels(db, api, 'st1')).toBe(0);
  expect((await db.shipments.findOne('s1').exec())!.toJSON().cartons[0]).toMatchObject({
    trackingNumber: null,
    labelState: 'pending',
  });

  // Back online: the carton gets its PostNL number and its label, exactly once.
  station.online = true;
  expect(await printPendingLabels(db, api, 'st1')).toBe(1);
  const saved = (await db.shipments.findOne('s1').exec())!.toJSON();
  expect(saved.cartons.map((c) => [c.trackingNumber, c.labelState])).toEqual([
    ['3SDEVC987000101', 'printed'],
  ]);
  const labels = (await db.print_jobs.find().exec())
    .map((d) => d.toJSON())
    .filter((j) => j.kind === 'shipping-label');
  expect(labels.map((j) => j.reference)).toEqual(['s1#1']);
  expect(labels[0]!.payload).toContain('3SDEVC987000101');
  expect(await printPendingLabels(db, api, 'st1')).toBe(0);
  expect(station.issued).toBe(1);
});

it('a retry during a confirmation waits for it, so no label prints twice', async () => {
  db = await openStationDatabase(`pending-race-${Date.now()}`);
  await db.fulfillments.insert(fulfillment);
  const api = {
    listPrinters: async () => printers,
    allocateTrackingNumber: vi.fn(async () => ({
      trackingNumber: 'CP000000029NL',
      carrier: 'own',
    })),
  };
  // The confirmation has numbered the carton and saved the shipment; its label is not queued yet.
  const numbered: ShipmentDoc = {
    ...shipment,
    status: 'confirmed',
    cartons: [carton('c2', '387123450000000029', 'CP000000029NL', 'pending')],
  };
  let releaseConfirmation = () => {};
  const confirmation = oneLabelRunAtATime(async () => {
    await db.shipments.insert(numbered);
    await new Promise<void>((resolve) => (releaseConfirmation = resolve));
    return queueShippingLabels(db, api, numbered, fulfillment);
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const retry = printPendingLabels(db, api, 'st1');
  releaseConfirmation();

  expect(await confirmation).toBe(1);
  expect(await retry).toBe(0);
  const labels = (await db.print_jobs.find().exec()).filter((j) => j.kind === 'shipping-label');
  expect(labels).toHaveLength(1);
});
