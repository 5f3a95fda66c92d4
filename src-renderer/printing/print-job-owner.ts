// Whose label a print job is: the packer sees "order #1001, carton 2 of 3, shipping label", never
// an id. A job's `reference` names the shipment it belongs to, `<shipment id>#<carton number>` for
// a carton's label or customs form, so the order and carton are read back from the synced
// shipment and fulfillment.
import type { FulfillmentDoc, ShipmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import type { PrintJobDoc } from './print-job';

export function cartonJobReference(shipmentId: string, cartonIndex: number): string {
  return `${shipmentId}#${cartonIndex + 1}`;
}

export function readJobReference(reference: string): {
  shipmentId: string;
  cartonNumber: number | null;
} {
  const carton = /^(.+)#(\d{1,3})$/.exec(reference);
  return carton
    ? { shipmentId: carton[1]!, cartonNumber: Number(carton[2]) }
    : { shipmentId: reference, cartonNumber: null };
}

export interface JobOwner {
  orderNumber: string;
  /** Absent for a job of the whole shipment (the packing slip). */
  carton?: { number: number; count: number };
}

/** What a job is for, or null when its reference names no shipment (a test or intake label). */
export function jobOwner(
  reference: string | null,
  shipments: ReadonlyMap<string, Pick<ShipmentDoc, 'fulfillmentId' | 'cartons'>>,
  orderNumbers: ReadonlyMap<string, string>,
): JobOwner | null {
  if (reference === null) return null;
  const { shipmentId, cartonNumber } = readJobReference(reference);
  const shipment = shipments.get(shipmentId);
  const orderNumber = shipment && orderNumbers.get(shipment.fulfillmentId);
  if (!shipment || orderNumber === undefined) return null;
  if (cartonNumber === null) return { orderNumber };
  return { orderNumber, carton: { number: cartonNumber, count: shipment.cartons.length } };
}

/** Looks up the shipments and orders of the jobs shown (two reads by primary key). */
export async function loadJobOwners(
  db: Pick<StationDatabase, 'shipments' | 'fulfillments'>,
  jobs: readonly Pick<PrintJobDoc, 'id' | 'reference'>[],
): Promise<Map<string, JobOwner>> {
  const references = jobs.flatMap((job) => (job.reference ? [job.reference] : []));
  const shipmentIds = [...new Set(references.map((r) => readJobReference(r).shipmentId))];
  const shipments = new Map<string, ShipmentDoc>();
  for (const [id, doc] of await db.shipments.findByIds(shipmentIds).exec())
    shipments.set(id, doc.toJSON() as ShipmentDoc);
  const fulfillmentIds = [...new Set([...shipments.values()].map((s) => s.fulfillmentId))];
  const orderNumbers = new Map<string, string>();
  for (const [id, doc] of await db.fulfillments.findByIds(fulfillmentIds).exec())
    orderNumbers.set(id, (doc.toJSON() as FulfillmentDoc).orderNumber);
  const owners = new Map<string, JobOwner>();
  for (const job of jobs) {
    const owner = jobOwner(job.reference, shipments, orderNumbers);
    if (owner) owners.set(job.id, owner);
  }
  return owners;
}
