/**
 * The canonical order: what every channel's payload becomes before the OMS acts on it. Channel
 * connectors (Shopify, Adobe Commerce) map onto this; `POST /v1/orders` accepts it directly.
 * Money is in integer minor units (cents) of the order's currency.
 */
import { z } from 'zod';
import { orderLineMoneyFields, orderMoneyFields } from './order-money-schema';

export const SUPPORTED_CURRENCIES = [
  'EUR',
  'GBP',
  'USD',
  'CHF',
  'SEK',
  'DKK',
  'NOK',
  'PLN',
  'CZK',
] as const;
export type Currency = (typeof SUPPORTED_CURRENCIES)[number];

// PostgreSQL text cannot hold NUL, and a lone surrogate cannot be stored exactly as UTF-8.
// eslint-disable-next-line no-control-regex -- matching NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A non-empty string of at most `max` characters that PostgreSQL stores exactly as sent. */
export function storableText(max: number) {
  return z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(
      (value) => !UNSTORABLE.test(value),
      'contains a NUL character or a broken Unicode surrogate',
    );
}

const quantity = z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000);
const moneyMinor = z.number().int('must be whole minor units (cents)').min(0).max(1_000_000_000);

export const postalAddressSchema = z.object({
  name: storableText(200),
  company: storableText(200).optional(),
  line1: storableText(200),
  line2: storableText(200).optional(),
  postalCode: storableText(16),
  city: storableText(100),
  region: storableText(100).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as NL'),
  phone: storableText(40).optional(),
  email: z.email().max(254).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export type PostalAddressInput = z.infer<typeof postalAddressSchema>;

export const orderLineInputSchema = z.object({
  sku: storableText(64),
  quantity,
  /** When absent, the catalogue price in the order's currency is used. */
  unitPriceMinor: moneyMinor.optional(),
  name: storableText(200).optional(),
  ...orderLineMoneyFields,
});
export type OrderLineInput = z.infer<typeof orderLineInputSchema>;

const personCustomerSchema = z.object({
  type: z.literal('person'),
  name: storableText(200),
  email: z.email().max(254),
  locale: z.enum(['nl', 'en']).optional(),
});

const companyCustomerSchema = z.object({
  type: z.literal('company'),
  companyName: storableText(200),
  vatNumber: storableText(32).optional(),
  buyer: z.object({ name: storableText(200), email: z.email().max(254) }),
  locale: z.enum(['nl', 'en']).optional(),
});

export const orderCustomerSchema = z.discriminatedUnion('type', [
  personCustomerSchema,
  companyCustomerSchema,
]);
export type OrderCustomerInput = z.infer<typeof orderCustomerSchema>;

export const canonicalOrderSchema = z.object({
  /** The channel's own order number; unique per channel. */
  channelOrderRef: storableText(64),
  placedAt: z.iso.datetime({ offset: true }).optional(),
  currency: z.enum(SUPPORTED_CURRENCIES, {
    error: `must be one of ${SUPPORTED_CURRENCIES.join(', ')}`,
  }),
  /** The B2B buyer's purchase order number. */
  poNumber: storableText(64).optional(),
  customer: orderCustomerSchema,
  shipTo: postalAddressSchema,
  billTo: postalAddressSchema.optional(),
  lines: z.array(orderLineInputSchema).min(1, 'an order needs at least one line').max(500),
  /** What the customer paid for shipping. */
  shippingChargedMinor: moneyMinor.optional(),
  /** The delivery date promised to the customer (YYYY-MM-DD). */
  promisedDeliveryDate: z.iso.date().optional(),
  ...orderMoneyFields,
});
export type CanonicalOrder = z.infer<typeof canonicalOrderSchema>;
