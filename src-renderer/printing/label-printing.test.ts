import 'fake-indexeddb/auto';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrinterList } from '../../shared/station-api/printing';
import type { ShipmentDoc } from '../../shared/sync/documents';
import { openStationDatabase, type StationDatabase } from '../db/database';
import { NoLabelPrinterError, queueShippingLabels, reprintShippingLabels } from './label-printing';
import { loadJobOwners } from './print-job-owner';
import { makeFulfillment } from './print-fixtures';

function makeShipment(trackingNumbers: (string | null)[]): ShipmentDoc {
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
    cartons: trackingNumbers.map((trackingNumber, i) => ({
      id: `c${i + 1}`,
      sscc: ['387123450000000012', '387123450000000029'][i]!,
      boxType: 'S',
      weightGrams: 300,
      trackingNumber,
      labelState: 'pending' as const,
      items: [{ lineId: 'l1', sku: 'TEA', quantity: 1, lot: null, serial: null, expiry: null }],
    })),
  };
}

const zebra: PrinterList = {
  printers: [
    { id: 'p1', name: 'Zebra', kind: 'zebra-tcp', host: '127.0.0.1', port: 9100, dpi: 203 },
  ],
  defaultLabelPrinterId: 'p1',
  defaultSlipPrinterId: null,
} as PrinterList;

/** The fixture's tea, with the customs facts a CN22 needs. */
function insertTea(station: StationDatabase) {
  return station.products.insert({
    id: 'TEA',
    name: 'Green tea tin',
    gtins: [],
    bins: [],
    weightGrams: 150,
    lengthMm: 100,
    widthMm: 100,
    heightMm: 100,
    hsCode: '090210',
    originCountry: 'NL',
    requiresLot: false,
    requiresSerial: false,
    requiresExpiry: false,
    updatedAt: 1,
  });
}

let db: StationDatabase;
afterEach(async () => {
  await db?.remove();
});

describe('labels for a confirmed shipment', () => {
  it('queues one shipping label per carton and a packing slip, and marks the labels printed', async () => {
    db = await openStationDatabase(`label-${Date.now()}`);
    await queueShippingLabels(
      db,
      { listPrinters: async () => zebra },
      makeShipment(['CP000000015NL', 'CP000000029NL']),
      makeFulfillment(),
    );
    const jobs = (await db.print_jobs.find().exec()).map((d) => d.toJSON());
    expect(
      jobs
        .filter((j) => j.kind === 'shipping-label')
        .map((j) => j.reference)
        .sort(),
    ).toEqual(['s1#1', 's1#2']);
    expect(jobs.find((j) => j.reference === 's1#1')?.payload).toContain('CP000000015NL');
    expect(jobs.filter((j) => j.kind === 'packing-slip')).toHaveLength(1);
    const saved = (await db.shipments.findOne('s1').exec())?.toJSON();
    expect(saved?.cartons.map((c) => c.labelState)).toEqual(['printed', 'printed']);
    expect(saved?.updatedAt).toBe(0);
  });

  it('keeps a carton without a tracking number pending and prints no label for it', async () => {
    db = await openStationDatabase(`label-pending-${Date.now()}`);
    await queueShippingLabels(
      db,
      { listPrinters: async () => zebra },
      makeShipment([null]),
      makeFulfillment(),
    );
    expect((await db.print_jobs.find({ selector: { kind: 'shipping-label' } }).exec()).length).toBe(
      0,
    );
    expect((await db.shipments.findOne('s1').exec())?.toJSON().cartons[0]?.labelState).toBe(
      'pending',
    );
  });

  it('refuses clearly when the station has no label printer', async () => {
    db = await openStationDatabase(`label-none-${Date.now()}`);
    const none = {
      printers: [],
      defaultLabelPrinterId: null,
      defaultSlipPrinterId: null,
    } as unknown as PrinterList;
    await expect(
      queueShippingLabels(
        db,
        { listPrinters: async () => none },
        makeShipment(['CP000000015NL']),
        makeFulfillment(),
      ),
    ).rejects.toBeInstanceOf(NoLabelPrinterError);
  });

  it('adds a CN22 per carton for a destination outside the EU, with value and HS code per line', async () => {
    db = await openStationDatabase(`label-cn22-${Date.now()}`);
    await insertTea(db);
    // Within the EU: no declaration.
    await queueShippingLabels(
      db,
      { listPrinters: async () => zebra },
      makeShipment(['CP000000015NL']),
      makeFulfillment(),
    );
    expect(await db.print_jobs.find({ selector: { kind: 'cn22' } }).exec()).toHaveLength(0);

    const base = makeFulfillment();
    const toZurich = {
      ...base,
      shipTo: { ...base.shipTo, city: 'Zürich', postalCode: '8001', country: 'CH' },
    };
    await queueShippingLabels(
      db,
      { listPrinters: async () => zebra },
      makeShipment(['CP000000015NL', 'CP000000029NL']),
      toZurich,
    );
    const declarations = (await db.print_jobs.find({ selector: { kind: 'cn22' } }).exec()).map(
      (d) => d.toJSON(),
    );
    expect(declarations.map((d) => d.reference).sort()).toEqual(['s1#1', 's1#2']);
    expect(declarations[0]?.payload).toContain('090210');
  });

  it('reprints the printed labels of a confirmed shipment, never a pending or voided one', async () => {
    db = await openStationDatabase(`label-reprint-${Date.now()}`);
    const shipment = makeShipment(['CP000000015NL', 'CP000000029NL', null]);
    shipment.cartons[2] = { ...shipment.cartons[1]!, id: 'c3', trackingNumber: null };
    await queueShippingLabels(db, { listPrinters: async () => zebra }, shipment, makeFulfillment());
    const confirmed = (await db.shipments.findOne('s1').exec())!.toJSON() as ShipmentDoc;
    confirmed.cartons[1] = { ...confirmed.cartons[1]!, labelState: 'voided' };

    const reprinted = await reprintShippingLabels(
      db,
      { listPrinters: async () => zebra },
      confirmed,
      makeFulfillment(),
    );
    expect(reprinted).toBe(1);
    const labels = await db.print_jobs.find({ selector: { kind: 'shipping-label' } }).exec();
    expect(labels.map((job) => job.reference).sort()).toEqual(['s1#1', 's1#1', 's1#2']);
    const [first, again] = labels.filter((job) => job.reference === 's1#1');
    expect([first?.reprintOf, again?.reprintOf]).toContain(null);
    expect([first?.reprintOf, again?.reprintOf]).toContain(
      labels.find((job) => job.reference === 's1#1' && job.reprintOf === null)?.id,
    );
  });

  it('names each job by its order and carton, read back from the shipment', async () => {
    db = await openStationDatabase(`label-owner-${Date.now()}`);
    const shipment = makeShipment(['CP000000015NL', 'CP000000029NL']);
    await db.fulfillments.insert(makeFulfillment());
    await queueShippingLabels(db, { listPrinters: async () => zebra }, shipment, makeFulfillment());
    const jobs = (await db.print_jobs.find().exec()).map((d) => d.toJSON());
    const owners = await loadJobOwners(db, jobs);
    const described = jobs
      .map((job) => ({ kind: job.kind, ...owners.get(job.id) }))
      .sort((a, b) => (a.carton?.number ?? 0) - (b.carton?.number ?? 0));
    expect(described).toEqual([
      { kind: 'packing-slip', orderNumber: '#1001' },
      { kind: 'shipping-label', orderNumber: '#1001', carton: { number: 1, count: 2 } },
      { kind: 'shipping-label', orderNumber: '#1001', carton: { number: 2, count: 2 } },
    ]);
  });

  it('prints label, packing slip and CN22 in the language the station shows (Dutch here)', async () => {
    db = await openStationDatabase(`label-nl-${Date.now()}`);
    await insertTea(db);
    const base = makeFulfillment();
    const toOslo = {
      ...base,
      shipTo: { ...base.shipTo, city: 'Oslo', postalCode: '0150', country: 'NO' },
    };
    await i18next.init({ lng: 'nl', resources: {} });
    await queueShippingLabels(
      db,
      { listPrinters: async () => zebra },
      makeShipment(['CP000000015NL']),
      toOslo,
    );
    await i18next.changeLanguage('en');
    const jobs = new Map(
      (await db.print_jobs.find().exec()).map((d) => [d.kind, d.toJSON().payload]),
    );
    expect(jobs.get('shipping-label')).toContain('^FDVAN^FS');
    expect(jobs.get('shipping-label')).toContain('Colli 1 van 1');
    expect(jobs.get('packing-slip')).toContain('PAKBON');
    expect(jobs.get('cn22')).toContain('DOUANEVERKLARING');
    expect(jobs.get('shipping-label')).not.toContain('^FDFROM^FS');
  });
});
