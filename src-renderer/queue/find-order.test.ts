import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyScan } from '../../shared/barcodes';
import type { ShipmentDoc } from '../../shared/sync/documents';
import { openStationDatabase, type StationDatabase } from '../db/database';
import { makeFulfillment } from '../printing/print-fixtures';
import { packingSlipBarcode } from '../printing/packing-slip-barcode';
import { findScannedOrder, shipmentsOfOrder } from './find-order';

let db: StationDatabase;
afterEach(async () => {
  await db?.remove();
});

function makeShipment(overrides: Partial<ShipmentDoc> = {}): ShipmentDoc {
  return {
    id: 's1',
    fulfillmentId: 'f-shipped',
    stationId: 'st1',
    operatorId: 'op1',
    carrier: 'own',
    service: 'parcel',
    status: 'accepted',
    refusalReason: null,
    confirmedAt: '2026-11-27T11:00:00.000Z',
    updatedAt: 9,
    cartons: [
      {
        id: 'c1',
        sscc: '376104250021234569',
        boxType: 'S',
        weightGrams: 300,
        trackingNumber: 'RR123456785NL',
        labelState: 'printed',
        items: [],
      },
    ],
    ...overrides,
  };
}

async function stationWithHistory() {
  db = await openStationDatabase(`find-order-${Date.now()}`);
  await db.fulfillments.bulkInsert([
    makeFulfillment({ id: 'f-open', orderNumber: 'WEB-100234', status: 'released' }),
    makeFulfillment({ id: 'f-shipped', orderNumber: '#1001', status: 'shipped' }),
    makeFulfillment({ id: 'f-magento', orderNumber: '000000123', status: 'packed' }),
  ]);
  await db.shipments.bulkInsert([
    makeShipment(),
    makeShipment({ id: 's0', status: 'voided', fulfillmentId: 'f-magento' }),
  ]);
}

const find = (raw: string) => findScannedOrder(db, { raw, result: classifyScan(raw) });

describe('finding the order a scan at the queue names', () => {
  it.each([
    ['the packing slip barcode of an open order', 'WEB-100234', 'f-open'],
    ['the same typed with Caps Lock on', 'web-100234', 'f-open'],
    ['a packing slip of order #1001 (printed -1001)', packingSlipBarcode('#1001'), 'f-shipped'],
    ['a numeric order number that reads as GS1 (000000123)', '000000123', 'f-magento'],
    ['a slip barcode behind a plain Code 128 identifier', ']C0WEB-100234', 'f-open'],
    ['the SSCC of a carton of it', '00376104250021234569', 'f-shipped'],
    ['the SSCC as GS1-128', ']C100376104250021234569', 'f-shipped'],
    ['the tracking number of a carton of it', 'RR123456785NL', 'f-shipped'],
    ['its F: code', 'F:F-OPEN', 'f-open'],
  ])('by %s', async (_how, raw, id) => {
    await stationWithHistory();
    expect((await find(raw))?.id).toBe(id);
  });

  it('finds nothing for a code no order or carton has', async () => {
    await stationWithHistory();
    expect(await find('WEB-1002')).toBeNull();
    expect(await find('376104250021234576')).toBeNull();
  });

  it("lists this station's shipments of an order, the confirmed one first", async () => {
    await stationWithHistory();
    await db.shipments.insert(makeShipment({ id: 's2', status: 'voided' }));
    await db.shipments.insert(makeShipment({ id: 's3', stationId: 'st2' }));
    expect((await shipmentsOfOrder(db, 'f-shipped', 'st1')).map((s) => s.id)).toEqual(['s1', 's2']);
  });
});
