import { needsRenewal, remainingSerials, takeSerial } from '../gs1/serial-range';
import type { CarrierAdapter, TrackingRange, TrackingRangeStore } from './carrier-adapter';
import { buildS10TrackingNumber, S10_SERIAL_CAPACITY } from './upu-s10';

export interface OwnCarrierOptions {
  /** Carrier id the ranges are stored under; "own" unless a retailer runs several. */
  id?: string;
  /** ISO country code that ends every number, e.g. "NL". */
  countryCode: string;
  /** Ask for a new lease when this many numbers or fewer are left. */
  lowWaterMark: number;
  trackingRanges: TrackingRangeStore;
}

export class TrackingRangeMissingError extends Error {
  constructor(readonly carrierId: string) {
    super(
      `no tracking range leased for carrier "${carrierId}"; the station must go online to lease one`,
    );
    this.name = 'TrackingRangeMissingError';
  }
}

/** The built-in carrier: S10 numbers from a leased range, no network needed. */
export function createOwnCarrierAdapter(options: OwnCarrierOptions): CarrierAdapter {
  const id = options.id ?? 'own';
  return {
    id,
    name: 'Own carrier',
    requiresOnline: false,
    async assignTracking() {
      let trackingNumber = '';
      const advanced = await options.trackingRanges.update(id, (range) => {
        if (!range) throw new TrackingRangeMissingError(id);
        if (range.end >= S10_SERIAL_CAPACITY)
          throw new RangeError(`tracking range of "${id}" ends beyond 8 S10 digits`);
        const taken = takeSerial<TrackingRange>(range);
        trackingNumber = buildS10TrackingNumber(range.prefix, taken.serial, options.countryCode);
        return taken.range;
      });
      return {
        trackingNumber,
        carrierId: id,
        rangeRemaining: remainingSerials(advanced),
        rangeNeedsRenewal: needsRenewal(advanced, options.lowWaterMark),
      };
    },
  };
}

/** A store over a plain Map: for tests and for stations that persist the map themselves. */
export function createMemoryTrackingRangeStore(initial: Record<string, TrackingRange> = {}) {
  const ranges = new Map(Object.entries(initial));
  return {
    ranges,
    async update(carrierId: string, updater: (range: TrackingRange | undefined) => TrackingRange) {
      const updated = updater(ranges.get(carrierId));
      ranges.set(carrierId, updated);
      return updated;
    },
  };
}
