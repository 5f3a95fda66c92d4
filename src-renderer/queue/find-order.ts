// Finds the order a scan at the queue names: an `F:` code, the packing slip's barcode (the order
// number), or a carton of it (its SSCC or tracking number, from this station's shipments). The
// station holds its warehouse's fulfillments, shipped ones too, and the shipments it packed.
import { scannedText } from '../../shared/barcodes';
import type { FulfillmentDoc, ShipmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { orderNumberPattern } from '../printing/packing-slip-barcode';
import type { ScanEvent } from '../scanning/scan-router';
import { findScannedFulfillment } from './find-fulfillment';

type OrderDatabase = Pick<StationDatabase, 'fulfillments' | 'shipments'>;

/** Open work first, then finished orders, then the rest: a reprinted slip number stays usable. */
const statusRank: Record<FulfillmentDoc['status'], number> = {
  released: 0,
  picking: 0,
  packed: 1,
  shipped: 1,
  on_hold: 2,
  cancelled: 3,
};
const shipmentRank: Record<ShipmentDoc['status'], number> = {
  accepted: 0,
  confirmed: 0,
  open: 1,
  refused: 2,
  voided: 3,
};

export async function findScannedOrder(
  db: OrderDatabase,
  scan: Pick<ScanEvent, 'raw' | 'result'>,
): Promise<FulfillmentDoc | null> {
  const { result } = scan;
  if (result.kind === 'fulfillment') return findScannedFulfillment(db, result.code);
  if (result.kind === 'sscc') return orderOfCarton(db, { sscc: result.sscc });
  if (result.kind === 'gs1' && result.sscc) return orderOfCarton(db, { sscc: result.sscc });
  const text = scannedText(scan.raw);
  if (text === '') return null;
  return (
    (await findByOrderNumber(db, text)) ??
    (await orderOfCarton(db, { trackingNumber: { $in: [...new Set([text, text.toUpperCase()])] } }))
  );
}

/** By the order number as the packing slip prints it (see packing-slip-barcode.ts). */
export async function findByOrderNumber(
  db: Pick<StationDatabase, 'fulfillments'>,
  scanned: string,
): Promise<FulfillmentDoc | null> {
  const docs = await db.fulfillments
    .find({ selector: { orderNumber: { $regex: orderNumberPattern(scanned), $options: 'i' } } })
    .exec();
  const found = docs.map((doc) => doc.toJSON() as FulfillmentDoc);
  found.sort((a, b) => statusRank[a.status] - statusRank[b.status]);
  return found[0] ?? null;
}

async function orderOfCarton(
  db: OrderDatabase,
  carton: { sscc: string } | { trackingNumber: { $in: string[] } },
): Promise<FulfillmentDoc | null> {
  const shipments = (
    await db.shipments.find({ selector: { cartons: { $elemMatch: carton } } }).exec()
  ).map((doc) => doc.toJSON() as ShipmentDoc);
  shipments.sort((a, b) => shipmentRank[a.status] - shipmentRank[b.status]);
  const shipment = shipments[0];
  if (!shipment) return null;
  const fulfillment = await db.fulfillments.findOne(shipment.fulfillmentId).exec();
  return fulfillment ? (fulfillment.toJSON() as FulfillmentDoc) : null;
}

/** This station's shipments of an order, newest confirmation first. */
export async function shipmentsOfOrder(
  db: Pick<StationDatabase, 'shipments'>,
  fulfillmentId: string,
  stationId: string,
): Promise<ShipmentDoc[]> {
  const docs = await db.shipments.find({ selector: { fulfillmentId } }).exec();
  return docs
    .map((doc) => doc.toJSON() as ShipmentDoc)
    .filter((shipment) => shipment.stationId === stationId)
    .sort((a, b) => shipmentRank[a.status] - shipmentRank[b.status]);
}
