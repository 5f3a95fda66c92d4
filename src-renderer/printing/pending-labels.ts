// Cartons that could not get a tracking number at confirmation keep their label "pending": the
// station had no own-carrier numbers left, or their carrier (PostNL) numbers online only and the
// station was offline or the carrier's API failed. When the station is back online they get
// their numbers and their labels, so nothing confirmed offline goes out unlabelled.
import type { StationApi } from '../../shared/station-api';
import type { FulfillmentDoc, ShipmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { oneLabelRunAtATime } from '../packing/label-hand-off';
import { carrierParcelFor } from '../packing/carrier-parcel';
import { assignTrackingNumbers } from '../packing/tracking-numbers';
import { queueShippingLabels } from './label-printing';

export function printPendingLabels(
  db: StationDatabase,
  api: Pick<StationApi, 'allocateTrackingNumber' | 'listPrinters'> &
    Partial<Pick<StationApi, 'carrierLabel'>>,
  stationId: string,
): Promise<number> {
  return oneLabelRunAtATime(() => numberAndQueuePending(db, api, stationId));
}

async function numberAndQueuePending(
  db: StationDatabase,
  api: Pick<StationApi, 'allocateTrackingNumber' | 'listPrinters'> &
    Partial<Pick<StationApi, 'carrierLabel'>>,
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
    const products = await db.products.findByIds(fulfillment.lines.map((l) => l.sku)).exec();
    const facts = new Map(
      [...products].map(([sku, p]) => [sku, { hsCode: p.hsCode, originCountry: p.originCountry }]),
    );
    const numbered = await assignTrackingNumbers(
      shipment,
      fulfillment.shipTo.country,
      api,
      carrierParcelFor(fulfillment, facts),
    );
    // Only the cartons still pending get a label; those printed before keep theirs.
    printed += await queueShippingLabels(db, api, numbered.shipment, fulfillment, {
      onlyPendingLabels: true,
    });
  }
  return printed;
}
