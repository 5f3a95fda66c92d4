// Which carrier numbers a carton, by the carrier code on its fulfillment. The own carrier (leased
// ranges, works offline) is always there and is the fallback for a carrier this station has no
// adapter or no configuration for, as before carriers had adapters; the answer says so. Adapters
// for carriers with online APIs (PostNL now; DHL, UPS the same way) register under their code.
import type {
  CarrierAdapter,
  CarrierCarton,
  CarrierContext,
} from '../../shared/carriers/carrier-adapter';
import {
  assignTrackingOrPend,
  CarrierUnavailableError,
  OWN_CARRIER,
} from '../../shared/carriers/carrier-adapter';
import { reason, type Reason } from '../../shared/reasons/reason';
import { StationApiError } from '../../shared/station-api';

export interface CarrierRegistryOptions {
  own: CarrierAdapter;
  adapters: CarrierAdapter[];
  /** Carriers with an adapter the station is not configured for, and why. */
  notConfigured: Record<string, string>;
}

export interface AllocatedTracking {
  trackingNumber: string;
  carrier: string;
  fallbackReason?: string;
  fallback?: Reason;
}

export class CarrierRegistry {
  private readonly adapters: Map<string, CarrierAdapter>;

  constructor(private readonly options: CarrierRegistryOptions) {
    this.adapters = new Map(options.adapters.map((adapter) => [adapter.id, adapter]));
  }

  /** The adapter that numbers this carrier's cartons here, and why it is not the carrier's own. */
  resolve(carrier: string): {
    adapter: CarrierAdapter;
    fallbackReason?: string;
    fallback?: Reason;
  } {
    if (carrier === OWN_CARRIER) return { adapter: this.options.own };
    const adapter = this.adapters.get(carrier);
    if (adapter) return { adapter };
    const configurable = carrier in this.options.notConfigured;
    const why =
      this.options.notConfigured[carrier] ?? `This station has no adapter for carrier "${carrier}"`;
    return {
      adapter: this.options.own,
      fallbackReason: `${why}; numbered as the own carrier`,
      fallback: reason(configurable ? 'carrier_not_configured' : 'carrier_no_adapter', {
        carrier: carrierName(carrier),
      }),
    };
  }

  /** One line per carrier, for the start-up log. */
  describe(): string[] {
    return [
      `carrier ${OWN_CARRIER}: leased ranges, works offline`,
      ...[...this.adapters.values()].map(
        (a) => `carrier ${a.id}: ${a.name} online API${a.requiresOnline ? ' (needs network)' : ''}`,
      ),
      ...Object.entries(this.options.notConfigured).map(
        ([carrier, why]) => `carrier ${carrier}: ${why}; its cartons get own-carrier numbers`,
      ),
    ];
  }

  /**
   * A tracking number for one carton, or a StationApiError the renderer keeps as the reason the
   * carton's label is pending: `label_pending` (offline) or `carrier_unavailable` (API failed).
   */
  async allocate(
    carrier: string,
    carton: CarrierCarton | undefined,
    ctx: CarrierContext,
  ): Promise<AllocatedTracking> {
    const { adapter, fallbackReason, fallback } = this.resolve(carrier);
    try {
      const outcome = await assignTrackingOrPend(adapter, carton, ctx);
      if (outcome.status === 'label-pending') {
        throw new StationApiError(
          'label_pending',
          `${adapter.name} numbers cartons online only; the label prints when the station is back online`,
          undefined,
          reason('carrier_online_only', { carrier: adapter.name }),
        );
      }
      return {
        trackingNumber: outcome.trackingNumber,
        carrier: outcome.carrierId,
        ...(fallbackReason ? { fallbackReason, fallback } : {}),
      };
    } catch (err) {
      if (err instanceof CarrierUnavailableError)
        throw new StationApiError('carrier_unavailable', err.message, undefined, err.reason);
      throw err;
    }
  }
}

/** Carrier codes as a packer knows them ("postnl" → PostNL); unknown codes as they are. */
function carrierName(carrier: string): string {
  const names: Record<string, string> = {
    postnl: 'PostNL',
    'dhl-parcel': 'DHL Parcel',
    dpd: 'DPD',
    ups: 'UPS',
    bpost: 'bpost',
  };
  return names[carrier] ?? carrier;
}
