import { z } from 'zod';
import type { Reason } from '../reasons/reason';

/**
 * What a carrier integration offers the packing station. The built-in own carrier works offline
 * from a leased range; adapters for carriers with online label APIs set `requiresOnline` and
 * their cartons wait as "label pending" while the station is offline.
 */

/** The facts about a carton a carrier may need to give it a tracking number. */
export const carrierCartonSchema = z
  .object({
    sscc: z.string().regex(/^\d{18}$/, 'sscc must be 18 digits'),
    fulfillmentId: z.string().min(1).max(80),
    service: z.string().max(64),
    weightGrams: z.number().int().min(0).max(1_000_000).nullable(),
    destinationCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, 'destinationCountry must be an ISO country code such as "NL"'),
  })
  .strict();
export type CarrierCarton = z.infer<typeof carrierCartonSchema>;

/** A carrier as the fulfillment names it: "own", "postnl", "dhl-parcel". */
export const carrierCodeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'carrier must be a carrier code such as "own" or "postnl"');

export const OWN_CARRIER = 'own';

export interface CarrierContext {
  /** Whether the station can reach the network now; online-only carriers are not asked without it. */
  online: boolean;
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
  /** Shown to the packer, e.g. "PostNL". */
  name: string;
  requiresOnline: boolean;
  /** `carton` is undefined for callers that name no carton; adapters that need its facts refuse. */
  assignTracking(
    carton: CarrierCarton | undefined,
    ctx: CarrierContext,
  ): Promise<TrackingAssignment>;
}

/**
 * An online carrier could not give a number now (unreachable, refused, answered nonsense). The
 * carton waits as "label pending" with this message and is tried again later.
 */
export class CarrierUnavailableError extends Error {
  constructor(
    readonly carrierId: string,
    message: string,
    /** The same as a code, for the packer's screen; the message stays for the log. */
    readonly reason?: Reason,
  ) {
    super(message);
    this.name = 'CarrierUnavailableError';
  }
}

export type TrackingOutcome =
  ({ status: 'assigned' } & TrackingAssignment) | { status: 'label-pending'; carrierId: string };

/** Asks the adapter only when it can answer; an online-only carrier offline leaves the carton pending. */
export async function assignTrackingOrPend(
  adapter: CarrierAdapter,
  carton: CarrierCarton | undefined,
  ctx: CarrierContext,
): Promise<TrackingOutcome> {
  if (adapter.requiresOnline && !ctx.online)
    return { status: 'label-pending', carrierId: adapter.id };
  return { status: 'assigned', ...(await adapter.assignTracking(carton, ctx)) };
}
