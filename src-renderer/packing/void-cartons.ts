// Nothing of an order that may not ship leaves the station: its cartons' labels and SSCCs are
// voided. The shipment document says so (the central OMS records the SSCCs and never accepts them
// again), and the labels' print jobs are voided in the queue and in main's journal.
import type { StationApi } from '../../shared/station-api';
import type { ShipmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { voidLabelJobs } from '../printing';
import { cartonJobReference } from '../printing/print-job-owner';
import { saveShipment } from '../sync/station-writes';
import { isShipmentSettled, voidShipment } from './carton-rules';

/** Voids one shipment: its document, then its cartons' labels and its packing slip. */
export async function voidShipmentLabels(
  db: StationDatabase,
  api: Pick<StationApi, 'voidPrintJobs'>,
  shipment: ShipmentDoc,
): Promise<ShipmentDoc> {
  const voided = await saveShipment(db, voidShipment(shipment));
  await voidLabelJobs(db.print_jobs, api, labelReferences(shipment));
  return voided;
}

/** What a shipment's print jobs are referenced by: its packing slip, its cartons' labels. */
function labelReferences(shipment: ShipmentDoc): string[] {
  return [shipment.id, ...shipment.cartons.map((_, i) => cartonJobReference(shipment.id, i))];
}

/**
 * Voids the shipments of the fulfillment this station packed and did not ship; answers them. With
 * `awaitVerdict`, a shipment confirmed and on its way to the central OMS keeps its document (the
 * central OMS refuses it and says why; voiding it first would race that verdict), but its labels
 * are voided at once all the same.
 */
export async function voidUnshippedShipments(
  db: StationDatabase,
  api: Pick<StationApi, 'voidPrintJobs'>,
  fulfillmentId: string,
  stationId: string,
  options: { awaitVerdict?: boolean } = {},
): Promise<ShipmentDoc[]> {
  const docs = await db.shipments.find({ selector: { fulfillmentId } }).exec();
  const unshipped = docs
    .map((d) => d.toJSON() as ShipmentDoc)
    .filter((s) => s.stationId === stationId && !isShipmentSettled(s));
  const voided: ShipmentDoc[] = [];
  for (const shipment of unshipped) {
    if (options.awaitVerdict && shipment.status === 'confirmed')
      await voidLabelJobs(db.print_jobs, api, labelReferences(shipment));
    else voided.push(await voidShipmentLabels(db, api, shipment));
  }
  return voided;
}
