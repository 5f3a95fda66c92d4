// Request and response shapes of the plan and subscription API. One zod schema per shape gives
// the validation, the TypeScript type, the response serializer and the OpenAPI document.
import { z } from 'zod';
import {
  orderCustomerSchema,
  postalAddressSchema,
  storableText,
  SUPPORTED_CURRENCIES,
} from '../../shared/orders/order-schema';
import { acceptedDate } from '../../shared/validation/timestamps';
import { paymentMandateSchema } from '../payments/recurring-provider';
import { lineQuantity } from './subscription-change-schema';

const code = storableText(64).regex(
  /^[A-Za-z0-9._-]+$/,
  'may hold letters, digits, . _ and - only',
);

export const planInputSchema = z
  .object({
    code,
    name: storableText(200),
    interval: z.object({
      unit: z.enum(['day', 'week', 'month']),
      count: z.number().int().min(1).max(365),
    }),
    /** Monthly plans only: every delivery on this day of the month (clamped to short months). */
    dayOfMonth: z.number().int().min(1).max(31).optional(),
    /** Days before a renewal after which changes apply to the next cycle. */
    cutoffDays: z.number().int().min(0).max(30).default(2),
    priceRule: z.enum(['fixed', 'current']).default('current'),
    discountPercent: z.number().int().min(0).max(100).default(0),
    minCycles: z.number().int().min(0).max(100).default(0),
    maxCycles: z.number().int().min(1).max(1000).optional(),
    billing: z.enum(['per_delivery', 'prepaid']).default('per_delivery'),
    /** Prepaid plans: deliveries one charge pays for. */
    prepaidDeliveries: z.number().int().min(2).max(52).optional(),
    skus: z.array(storableText(64)).min(1, 'a plan needs at least one product').max(200),
  })
  .superRefine((plan, ctx) => {
    if (plan.dayOfMonth !== undefined && plan.interval.unit !== 'month')
      ctx.addIssue({
        code: 'custom',
        path: ['dayOfMonth'],
        message: 'only monthly plans deliver on a day of the month',
      });
    if (plan.billing === 'prepaid' && plan.prepaidDeliveries === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['prepaidDeliveries'],
        message: 'a prepaid plan says how many deliveries one charge pays for',
      });
    if (plan.billing !== 'prepaid' && plan.prepaidDeliveries !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['prepaidDeliveries'],
        message: 'only prepaid plans pay several deliveries at once',
      });
    if (plan.maxCycles !== undefined && plan.maxCycles < plan.minCycles)
      ctx.addIssue({ code: 'custom', path: ['maxCycles'], message: 'must be at least minCycles' });
  });
export type PlanInput = z.infer<typeof planInputSchema>;

export const planViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  interval: z.object({ unit: z.enum(['day', 'week', 'month']), count: z.number().int() }),
  dayOfMonth: z.number().int().nullable(),
  cutoffDays: z.number().int(),
  priceRule: z.enum(['fixed', 'current']),
  discountPercent: z.number().int(),
  minCycles: z.number().int(),
  maxCycles: z.number().int().nullable(),
  billing: z.enum(['per_delivery', 'prepaid']),
  prepaidDeliveries: z.number().int(),
  skus: z.array(z.string()),
  active: z.boolean(),
});
export type PlanView = z.infer<typeof planViewSchema>;

export const subscriptionInputSchema = z.object({
  /** The channel's own id of the subscription; unique per channel. */
  externalRef: storableText(64).optional(),
  planCode: code,
  customer: orderCustomerSchema,
  shipTo: postalAddressSchema,
  currency: z.enum(SUPPORTED_CURRENCIES, {
    error: `must be one of ${SUPPORTED_CURRENCIES.join(', ')}`,
  }),
  lines: z
    .array(
      z.object({
        sku: storableText(64),
        quantity: lineQuantity,
        /** The price agreed at signup; the catalogue's when absent. */
        unitPriceMinor: z.number().int().min(0).max(1_000_000_000).optional(),
      }),
    )
    .min(1, 'a subscription needs at least one line')
    .max(50),
  payment: paymentMandateSchema,
  /** The first renewal the OMS places; one interval after today when absent (the checkout's order was the first delivery). */
  firstRenewalDate: acceptedDate().optional(),
  /** Prepaid plans: deliveries already paid for beyond the checkout's own (default: the rest of its block). */
  prepaidDeliveriesRemaining: z.number().int().min(0).max(52).optional(),
});
export type SubscriptionInput = z.infer<typeof subscriptionInputSchema>;

const eventViewSchema = z.object({
  type: z.string(),
  actor: z.string(),
  cycleNo: z.number().int().nullable(),
  detail: z.record(z.string(), z.unknown()),
  at: z.string(),
});

export const renewalViewSchema = z.object({
  cycleNo: z.number().int(),
  renewalDate: z.string(),
  status: z.string(),
  orderId: z.string().nullable(),
  chargeKind: z.enum(['charge', 'prepaid']),
  amountMinor: z.number().int(),
  attempts: z.number().int(),
  nextAttemptOn: z.string().nullable(),
  promisedDate: z.string().nullable(),
});

export const subscriptionViewSchema = z.object({
  id: z.string(),
  reference: z.string(),
  channel: z.string(),
  externalRef: z.string().nullable(),
  plan: z.object({ code: z.string(), name: z.string() }),
  state: z.enum(['active', 'paused', 'cancelled', 'expired']),
  pausedUntil: z.string().nullable(),
  customer: z.object({ name: z.string(), email: z.string(), locale: z.string() }),
  currency: z.string(),
  shipTo: z.object({
    name: z.string().optional(),
    company: z.string().optional(),
    line1: z.string().optional(),
    line2: z.string().optional(),
    postalCode: z.string().optional(),
    city: z.string().optional(),
    region: z.string().optional(),
    country: z.string(),
    phone: z.string().optional(),
    email: z.string().optional(),
  }),
  payment: z.object({ provider: z.enum(['ledger', 'mollie']) }),
  lines: z.array(
    z.object({
      lineNo: z.number().int(),
      sku: z.string(),
      name: z.string(),
      quantity: z.number().int(),
      /** What the next renewal charges per unit by the plan's price rule; null without a price. */
      unitPriceMinor: z.number().int().nullable(),
    }),
  ),
  nextRenewal: z.object({
    cycleNo: z.number().int(),
    date: z.string(),
    /** The last day on which a change still applies to this renewal. */
    lastChangeDate: z.string(),
    waitingForStock: z.boolean(),
  }),
  cyclesPlaced: z.number().int(),
  prepaidRemaining: z.number().int(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  renewals: z.array(renewalViewSchema),
  history: z.array(eventViewSchema),
});
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;

export const subscriptionListSchema = z.object({
  subscriptions: z.array(
    subscriptionViewSchema
      .pick({
        id: true,
        reference: true,
        channel: true,
        externalRef: true,
        plan: true,
        state: true,
        pausedUntil: true,
        currency: true,
        createdAt: true,
      })
      .extend({ nextRenewalDate: z.string(), email: z.string() }),
  ),
  nextCursor: z.string().nullable(),
});
export type SubscriptionList = z.infer<typeof subscriptionListSchema>;
