// Numbers a station hands out offline: SSCCs for cartons and own-carrier tracking numbers, both
// from ranges the central OMS leased to this station while it was online.
import { z } from 'zod';
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
  allocateTrackingNumber: method(
    z.object({}).strict(),
    z.object({ trackingNumber: z.string(), carrier: z.literal('own') }),
  ),
  numberStock: method(
    z.object({}).strict(),
    z.object({ sscc: z.number().int(), tracking: z.number().int() }),
  ),
};
