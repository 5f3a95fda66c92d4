// Numbers a station hands out: SSCCs for cartons and own-carrier tracking numbers, both from
// ranges the central OMS leased to this station while it was online, and tracking numbers from
// carriers with an online API (PostNL), which main asks on the carton's behalf.
import { z } from 'zod';
import { carrierCartonSchema, carrierCodeSchema, OWN_CARRIER } from '../carriers/carrier-adapter';
import { Reason } from '../reasons/reason';
import { acceptedDate } from '../validation/timestamps';
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
      /** The carrier sent its own label, kept in main: print it (carrierLabel) instead of ours. */
      carrierLabel: z.boolean().optional(),
    }),
  ),
  /** The carrier's own label for a carton, as main received it (ZPL text or base64 PDF). */
  carrierLabel: method(
    z.object({ sscc: z.string().regex(/^\d{18}$/) }).strict(),
    z.object({
      label: z
        .object({
          carrier: carrierCodeSchema,
          trackingNumber: z.string(),
          format: z.enum(['zpl', 'pdf']),
          payload: z.string(),
        })
        .nullable(),
    }),
  ),
  /**
   * Cancels at the carrier the shipment of a carton whose label was voided (carriers that bill
   * only scanned parcels need no call). `cancelled` is false when the carton has no carrier label.
   * Error `carrier_unavailable` when the carrier's API refused or failed.
   */
  cancelCarrierLabel: method(
    z.object({ sscc: z.string().regex(/^\d{18}$/) }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
  /**
   * Whether each carrier of this warehouse can be labelled now: `known` is false until the
   * central OMS has answered the station's carrier settings once.
   */
  carrierStatus: method(
    z.object({}).strict(),
    z.object({
      known: z.boolean(),
      carriers: z.array(
        z.object({
          carrier: z.string(),
          status: z.enum(['ready', 'fallback-to-own', 'not-configured']),
          problem: z.string().optional(),
          /** The problem as a code, for the status bar in the packer's language. */
          reason: Reason.optional(),
          /** Since when (ISO) its label calls fail (unreachable, timeout, 5xx, key refused). */
          unreachableSince: z.string().datetime().optional(),
          /** The latest of those failures, as a code. */
          lastFailure: Reason.optional(),
          /** It has an end-of-day close (manifest) this station can ask for. */
          closesDay: z.boolean().optional(),
        }),
      ),
    }),
  ),
  /**
   * The end-of-day close (manifest) at every carrier of this warehouse that requires one (GLS),
   * or only at `carrier`, for the parcels labelled that day. Error `carrier_not_configured` when
   * the named carrier has no close here. Error `carrier_unavailable` when a carrier's API failed;
   * carriers closed before the failure are not closed twice by a retry (the carrier's close is
   * idempotent for a day).
   */
  closeCarrierDay: method(
    z.object({ date: acceptedDate(), carrier: carrierCodeSchema.optional() }).strict(),
    z.object({
      closed: z.array(z.object({ carrier: carrierCodeSchema, shipments: z.number().int() })),
    }),
  ),
  numberStock: method(
    z.object({}).strict(),
    z.object({ sscc: z.number().int(), tracking: z.number().int() }),
  ),
};

export const numberingEvents = {
  /** Each carrier's readiness, whenever main has fetched the settings from the central OMS. */
  carrierStatus: numberingMethods.carrierStatus.result,
};
