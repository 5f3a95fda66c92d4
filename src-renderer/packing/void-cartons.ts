// Nothing of an order that may not ship leaves the station: its cartons' labels and SSCCs are
// voided. The shipment document says so (the central OMS records the SSCCs and never accepts them
// again), the labels' print jobs are voided in the queue and in main's journal, and carrier
// shipments are cancelled at the carrier (Sendcloud and UPS bill the ones left standing).
import type { StationApi } from '../../shared/station-api';
import type { ShipmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { voidLabelJobs } from '../printing';
import { cartonJobReference } from '../printing/print-job-owner';
import { saveShipment } from '../sync/station-writes';
import { isShipmentSettled, voidShipment } from './carton-rules';

type VoidApi = Pick<StationApi, 'voidPrintJobs' | 'cancelCarrierLabel'>;

/** Voids one shipment: its document, then its cartons' labels and its packing slip. */
export async function voidShipmentLabels(
  db: StationDatabase,
  api: VoidApi,
  shipment: ShipmentDoc,
): Promise<ShipmentDoc> {
  const voided = await saveShipment(db, voidShipment(shipment));
  await voidLabelJobs(db.print_jobs, api, labelReferences(shipment));
  await cancelCarrierShipments(api, shipment);
  return voided;
}

/**
 * The voided label stays void whatever the carrier says: a carrier that cannot cancel now leaves
 * an unused announcement it drops after its own expiry, which main's log names.
 */
async function cancelCarrierShipments(api: VoidApi, shipment: ShipmentDoc): Promise<void> {
  for (const carton of shipment.cartons) {
    if (!carton.trackingNumber) continue;
    await api
      .cancelCarrierLabel({ sscc: carton.sscc })
      .catch((err: unknown) => console.warn('carrier label not cancelled:', err));
  }
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
  api: VoidApi,
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
