// Own-carrier tracking numbers are assigned when a shipment is confirmed, from the range main
// leased while online, so the central OMS learns them with the shipment. Without numbers left
// (offline for too long) a carton keeps no tracking number and its label waits as "pending".
import type { StationApi } from '../../shared/station-api';
import { StationApiError } from '../../shared/station-api';
import type { ShipmentDoc } from '../../shared/sync/documents';

export async function assignTrackingNumbers(
  shipment: ShipmentDoc,
  api: Pick<StationApi, 'allocateTrackingNumber'>,
): Promise<ShipmentDoc> {
  const cartons = [];
  for (const carton of shipment.cartons) {
    if (carton.trackingNumber) {
      cartons.push(carton);
      continue;
    }
    try {
      const { trackingNumber } = await api.allocateTrackingNumber({});
      cartons.push({ ...carton, trackingNumber });
    } catch (err) {
      if (!(err instanceof StationApiError)) throw err;
      cartons.push({ ...carton, labelState: 'pending' as const });
    }
  }
  return { ...shipment, cartons };
}
