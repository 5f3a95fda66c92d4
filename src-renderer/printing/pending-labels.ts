// Cartons confirmed while the station had no tracking numbers left keep their label "pending".
// When the station is back online (and main has leased new numbers), they get their numbers and
// their labels, so nothing confirmed offline goes out unlabelled.
import type { StationApi } from '../../shared/station-api';
import type { FulfillmentDoc, ShipmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { assignTrackingNumbers } from '../packing/tracking-numbers';
import { queueShippingLabels } from './label-printing';

export async function printPendingLabels(
  db: StationDatabase,
  api: Pick<StationApi, 'allocateTrackingNumber' | 'listPrinters'>,
  stationId: string,
): Promise<number> {
  const shipments = await db.shipments
    .find({ selector: { stationId, status: { $in: ['confirmed', 'accepted'] } } })
    .exec();
  let printed = 0;
  for (const doc of shipments) {
    const shipment = doc.toJSON() as ShipmentDoc;
    if (!shipment.cartons.some((c) => c.labelState === 'pending')) continue;
    const fulfillment = (await db.fulfillments.findOne(shipment.fulfillmentId).exec())?.toJSON() as
      FulfillmentDoc | undefined;
    if (!fulfillment) continue;
    const numbered = await assignTrackingNumbers(shipment, api);
    // Only the cartons still pending get a label; those printed before keep theirs.
    printed += await queueShippingLabels(db, api, numbered, fulfillment, {
      onlyPendingLabels: true,
    });
  }
  return printed;
}
