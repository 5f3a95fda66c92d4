import { z } from 'zod';

/**
 * What a carrier integration offers the packing station. The built-in own carrier works offline
 * from a leased range; adapters for carriers with online label APIs set `requiresOnline` and
 * their cartons wait as "label pending" while the station is offline.
 */

/** The facts about a carton a carrier needs to give it a tracking number. */
export interface CarrierCarton {
  sscc: string;
  fulfillmentId: string;
  service: string;
  weightGrams: number;
  destinationCountry: string;
}

/**
 * A tracking-number lease from the central OMS: `prefix` is the fixed part (for the own carrier
 * the S10 service indicator, e.g. "AA"), `next` the next unused serial, `end` the last, inclusive.
 */
export const trackingRangeSchema = z
  .object({
    prefix: z
      .string()
      .regex(/^[A-Z0-9]{1,10}$/, 'prefix must be 1 to 10 capital letters or digits'),
    next: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((range) => range.next <= range.end + 1, {
    message: 'next may be at most end + 1',
    path: ['next'],
  });
export type TrackingRange = z.infer<typeof trackingRangeSchema>;

/**
 * Where the station keeps its leased tracking ranges (RxDB on a station, memory in tests).
 * `update` must apply the updater atomically; the updater is pure and may run more than once.
 */
export interface TrackingRangeStore {
  update(
    carrierId: string,
    updater: (range: TrackingRange | undefined) => TrackingRange,
  ): Promise<TrackingRange>;
}

export interface CarrierContext {
  online: boolean;
  trackingRanges: TrackingRangeStore;
}

export interface TrackingAssignment {
  trackingNumber: string;
  carrierId: string;
  /** Set by range-based adapters: numbers left in the lease and whether to ask for a new one. */
  rangeRemaining?: number;
  rangeNeedsRenewal?: boolean;
}

export interface CarrierAdapter {
  id: string;
  requiresOnline: boolean;
  assignTracking(carton: CarrierCarton, ctx: CarrierContext): Promise<TrackingAssignment>;
}

export type TrackingOutcome =
  ({ status: 'assigned' } & TrackingAssignment) | { status: 'label-pending'; carrierId: string };

/** Asks the adapter only when it can answer; an online-only carrier offline leaves the carton pending. */
export async function assignTrackingOrPend(
  adapter: CarrierAdapter,
  carton: CarrierCarton,
  ctx: CarrierContext,
): Promise<TrackingOutcome> {
  if (adapter.requiresOnline && !ctx.online)
    return { status: 'label-pending', carrierId: adapter.id };
  return { status: 'assigned', ...(await adapter.assignTracking(carton, ctx)) };
}
