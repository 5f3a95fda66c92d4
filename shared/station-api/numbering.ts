// Numbers a station hands out: SSCCs for cartons and own-carrier tracking numbers, both from
// ranges the central OMS leased to this station while it was online, and tracking numbers from
// carriers with an online API (PostNL), which main asks on the carton's behalf.
import { z } from 'zod';
import { carrierCartonSchema, carrierCodeSchema, OWN_CARRIER } from '../carriers/carrier-adapter';
import { Reason } from '../reasons/reason';
import { method } from './define';

export const LeaseKind = z.enum(['sscc', 'tracking']);
export type LeaseKind = z.infer<typeof LeaseKind>;

/** What the central OMS answers to a lease request. */
export const NumberLease = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sscc'),
    companyPrefix: z.string().regex(/^\d{7,10}$/),
    extensionDigit: z.number().int().min(0).max(9),
    next: z.number().int().min(0),
    end: z.number().int().min(0),
  }),
  z.object({
    kind: z.literal('tracking'),
    prefix: z.string().regex(/^[A-Z]{2}$/),
    countryCode: z.string().regex(/^[A-Z]{2}$/),
    next: z.number().int().min(0),
    end: z.number().int().min(0),
  }),
]);
export type NumberLease = z.infer<typeof NumberLease>;

export const numberingMethods = {
  allocateSscc: method(z.object({}).strict(), z.object({ sscc: z.string().regex(/^\d{18}$/) })),
  /**
   * A tracking number from the carton's carrier. Without a carrier (older callers) the own carrier
   * numbers it. A carrier this station has no adapter or no configuration for falls back to the
   * own carrier and says why in `fallbackReason`. Errors: `no_numbers` (own carrier, lease used
   * up), `label_pending` (online-only carrier while offline), `carrier_unavailable` (its API
   * failed); in all three the carton waits as "label pending" and is tried again later.
   */
  allocateTrackingNumber: method(
    z
      .object({
        carrier: carrierCodeSchema.default(OWN_CARRIER),
        carton: carrierCartonSchema.optional(),
      })
      .strict(),
    z.object({
      trackingNumber: z.string().regex(/^[A-Z0-9]{8,40}$/),
      /** The carrier whose number this is: the one asked for, or "own" after a fallback. */
      carrier: carrierCodeSchema,
      fallbackReason: z.string().max(300).optional(),
      /** The fallback's reason as a code, for the packer's screen. */
      fallback: Reason.optional(),
    }),
  ),
  numberStock: method(
    z.object({}).strict(),
    z.object({ sscc: z.number().int(), tracking: z.number().int() }),
  ),
};
