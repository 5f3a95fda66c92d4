// Tracking numbers are assigned when a shipment is confirmed, by the carton's carrier through
// main: own-carrier numbers from the range main leased while online (works offline), carriers
// with an online API (PostNL) asked by main. When a carton cannot get its number now (no numbers
// left, an online-only carrier while offline, the carrier's API failing) it keeps no tracking
// number, its label waits as "pending" and the reason is handed back for the packer to see.
import type { ReasonMessage } from '../../shared/reasons/reason';
import type { StationApi } from '../../shared/station-api';
import { StationApiError } from '../../shared/station-api';
import type { ShipmentDoc } from '../../shared/sync/documents';

export interface NumberedShipment {
  shipment: ShipmentDoc;
  /** Cartons left without a number, and why. */
  pending: { cartonId: string; reason: ReasonMessage }[];
  /** Why cartons got own-carrier numbers instead of their carrier's, once per reason. */
  fallbacks: ReasonMessage[];
}

export async function assignTrackingNumbers(
  shipment: ShipmentDoc,
  destinationCountry: string,
  api: Pick<StationApi, 'allocateTrackingNumber'>,
): Promise<NumberedShipment> {
  const cartons = [];
  const pending: NumberedShipment['pending'] = [];
  const fallbacks = new Map<string, ReasonMessage>();
  // After one refusal the others of the shipment would fail alike; don't wait out each timeout.
  let refusal: ReasonMessage | null = null;
  // The carrier that really numbered the cartons (the own carrier when it stood in): the label
  // and the central OMS must name the carrier whose number the parcel carries.
  let numberedBy = shipment.carrier;
  for (const carton of shipment.cartons) {
    if (carton.trackingNumber) {
      cartons.push(carton);
      continue;
    }
    if (refusal === null) {
      try {
        const answer = await api.allocateTrackingNumber({
          carrier: shipment.carrier,
          carton: {
            sscc: carton.sscc,
            fulfillmentId: shipment.fulfillmentId,
            service: shipment.service,
            weightGrams: carton.weightGrams,
            destinationCountry: destinationCountry.toUpperCase(),
          },
        });
        if (answer.fallbackReason)
          fallbacks.set(answer.fallbackReason, {
            reason: answer.fallback ?? null,
            sentence: answer.fallbackReason,
          });
        numberedBy = answer.carrier;
        cartons.push({ ...carton, trackingNumber: answer.trackingNumber });
        continue;
      } catch (err) {
        if (!(err instanceof StationApiError)) throw err;
        refusal = { reason: err.reason ?? null, sentence: err.message };
      }
    }
    cartons.push({ ...carton, labelState: 'pending' as const });
    pending.push({ cartonId: carton.id, reason: refusal });
  }
  return {
    shipment: { ...shipment, carrier: numberedBy, cartons },
    pending,
    fallbacks: [...fallbacks.values()],
  };
}
