// The own carrier at a station: S10 numbers from the ranges main leases from the central OMS
// (NumberLeases), so it works offline and needs no facts about the carton.
import type { CarrierAdapter } from '../../shared/carriers/carrier-adapter';
import { OWN_CARRIER } from '../../shared/carriers/carrier-adapter';
import type { NumberLeases } from '../numbering/number-leases';

export function createLeasedOwnCarrier(numbers: NumberLeases): CarrierAdapter {
  return {
    id: OWN_CARRIER,
    name: 'Own carrier',
    requiresOnline: false,
    async assignTracking() {
      return { trackingNumber: await numbers.allocateTrackingNumber(), carrierId: OWN_CARRIER };
    },
  };
}
