// The changes a subscription accepts, from the customer's self-service page, customer service or a
// channel: one zod schema gives the API's validation, its OpenAPI document and the TypeScript type.
import { z } from 'zod';
import { postalAddressSchema, storableText } from '../../shared/orders/order-schema';
import { acceptedDate } from '../../shared/validation/timestamps';
import { paymentMandateSchema } from '../payments/recurring-provider';

export const lineQuantity = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(100, 'must be at most 100');

/** Why customer service made the change; kept in the subscription's history and the audit log. */
const reason = storableText(500).optional();

export const subscriptionChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('skip_next'), reason }),
  z.object({
    type: z.literal('pause'),
    /** Deliveries resume on the first renewal date on or after this day; without it, until resumed. */
    until: acceptedDate().optional(),
    reason,
  }),
  z.object({ type: z.literal('resume'), reason }),
  z.object({
    type: z.literal('cancel'),
    reason,
    /** Staff only: cancel before the plan's minimum number of deliveries. */
    force: z.boolean().optional(),
  }),
  z.object({ type: z.literal('change_date'), date: acceptedDate(), reason }),
  z.object({
    type: z.literal('change_quantity'),
    lineNo: z.number().int().min(1),
    quantity: lineQuantity,
    reason,
  }),
  z.object({
    type: z.literal('swap_product'),
    lineNo: z.number().int().min(1),
    sku: storableText(64),
    reason,
  }),
  z.object({ type: z.literal('change_address'), shipTo: postalAddressSchema, reason }),
  z.object({ type: z.literal('change_payment'), payment: paymentMandateSchema, reason }),
  /** Staff or the channel: the e-mails go to this address; links sent before stop working. */
  z.object({
    type: z.literal('change_email'),
    email: z.email('must be an e-mail address').max(254),
  }),
  /** Every self-service link sent so far stops working (a forwarded or leaked e-mail). */
  z.object({ type: z.literal('revoke_links') }),
]);

export type SubscriptionChange = z.infer<typeof subscriptionChangeSchema>;

/** The reason given with a change, when its type takes one. */
export const reasonOf = (change: SubscriptionChange): string | undefined =>
  'reason' in change ? change.reason : undefined;
export type SubscriptionChangeType = SubscriptionChange['type'];
