import type { HandlersOf } from '../../shared/station-api';
import type { numberingMethods } from '../../shared/station-api/numbering';
import type { CarrierRegistry } from '../carriers/carrier-registry';
import type { LabelCarriers } from '../carriers/label-carriers';
import type { NumberLeases } from './number-leases';

export function numberingHandlers(deps: {
  numbers: NumberLeases;
  carriers: Pick<CarrierRegistry, 'allocate'> &
    Partial<Pick<LabelCarriers, 'label' | 'status' | 'cancel' | 'closeDay'>>;
  /** Whether the station is online now (it reaches the central OMS). */
  isOnline: () => boolean;
}): HandlersOf<typeof numberingMethods> {
  const { numbers, carriers } = deps;
  return {
    allocateSscc: async () => ({ sscc: await numbers.allocateSscc() }),
    allocateTrackingNumber: ({ carrier, carton }) =>
      carriers.allocate(carrier, carton, { online: deps.isOnline() }),
    numberStock: () => numbers.stock(),
    carrierLabel: async ({ sscc }) => ({ label: carriers.label?.(sscc) ?? null }),
    cancelCarrierLabel: async ({ sscc }) => ({
      cancelled: (await carriers.cancel?.(sscc)) ?? false,
    }),
    closeCarrierDay: async ({ date, carrier }) => ({
      closed: (await carriers.closeDay?.(date, carrier)) ?? [],
    }),
    carrierStatus: async () => carriers.status?.() ?? { known: false, carriers: [] },
  };
}
