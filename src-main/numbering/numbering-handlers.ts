import type { HandlersOf } from '../../shared/station-api';
import type { numberingMethods } from '../../shared/station-api/numbering';
import type { NumberLeases } from './number-leases';

export function numberingHandlers(numbers: NumberLeases): HandlersOf<typeof numberingMethods> {
  return {
    allocateSscc: async () => ({ sscc: await numbers.allocateSscc() }),
    allocateTrackingNumber: async () => ({
      trackingNumber: await numbers.allocateTrackingNumber(),
      carrier: 'own' as const,
    }),
    numberStock: () => numbers.stock(),
  };
}
