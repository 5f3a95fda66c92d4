/**
 * The canonical order: what every channel's payload becomes before the OMS acts on it. Channel
 * connectors (Shopify, Adobe Commerce) map onto this; `POST /v1/orders` accepts it directly.
 * Money is in integer minor units (cents) of the order's currency.
 */
import { z } from 'zod';
import { isCountryCode } from '../countries/countries';
import { CURRENCY_CODES } from '../money/currencies';
import { normalizePostalCode, postalCodeProblem } from '../validation/postal-codes';
import { normalizeRegion, regionProblem } from '../validation/regions';
import { optionalText, storableText } from '../validation/text';
import { acceptedDate, acceptedDateTime } from '../validation/timestamps';
import { vatNumberProblem } from '../validation/vat-numbers';
import { orderLineMoneyFields, orderMoneyFields } from './order-money-schema';
import { localeSchema } from '../people/roles';

/** Every active ISO 4217 currency (shared/money/currencies.ts); amounts are in its minor unit. */
export const SUPPORTED_CURRENCIES = CURRENCY_CODES;
export type Currency = string;

// Text rules live in shared/validation/text.ts; re-exported for the schemas that import them here.
export { optionalText, storableText };

const quantity = z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000);
const moneyMinor = z.number().int('must be whole minor units (cents)').min(0).max(1_000_000_000);

export const postalAddressSchema = z
  .object({
    name: storableText(200),
    company: optionalText(200),
    line1: storableText(200),
    line2: optionalText(200),
    postalCode: storableText(16),
    city: storableText(100),
    region: optionalText(100),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as NL')
      .refine(isCountryCode, 'is not an ISO 3166-1 country code'),
    phone: optionalText(40),
    email: z.email().max(254).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .superRefine((address, ctx) => {
    const problem = postalCodeProblem(address.country, address.postalCode);
    if (problem) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: problem });
    const region = regionProblem(address.country, address.region, address.postalCode);
    if (region) ctx.addIssue({ code: 'custom', path: ['region'], message: region });
  })
  // Stored as the post writes them: "1234ab" → "1234 AB", "ny" → "NY", a US state from the ZIP.
  .overwrite((address) => {
    const region = normalizeRegion(address.country, address.region, address.postalCode);
    return {
      ...address,
      postalCode: normalizePostalCode(address.country, address.postalCode),
      ...(region === undefined ? {} : { region }),
    };
  });
export type PostalAddressInput = z.infer<typeof postalAddressSchema>;

export const orderLineInputSchema = z.object({
  sku: storableText(64),
  quantity,
  /** When absent, the catalogue price in the order's currency is used. */
  unitPriceMinor: moneyMinor.optional(),
  name: optionalText(200),
  ...orderLineMoneyFields,
});
export type OrderLineInput = z.infer<typeof orderLineInputSchema>;

const personCustomerSchema = z.object({
  type: z.literal('person'),
  name: storableText(200),
  email: z.email().max(254),
  locale: localeSchema.optional(),
});

const companyCustomerSchema = z.object({
  type: z.literal('company'),
  companyName: storableText(200),
  vatNumber: optionalText(32),
  buyer: z.object({ name: storableText(200), email: z.email().max(254) }),
  locale: localeSchema.optional(),
});

export const orderCustomerSchema = z.discriminatedUnion('type', [
  personCustomerSchema,
  companyCustomerSchema,
]);
export type OrderCustomerInput = z.infer<typeof orderCustomerSchema>;

/** The order's fields; `canonicalOrderSchema` adds the checks across them. */
export const canonicalOrderFields = z.object({
  /** The channel's own order number; unique per channel. */
  channelOrderRef: storableText(64),
  placedAt: acceptedDateTime().optional(),
  currency: z.enum(SUPPORTED_CURRENCIES, {
    error: 'must be an active ISO 4217 currency code in capitals, such as EUR, GBP or JPY',
  }),
  /** The B2B buyer's purchase order number. */
  poNumber: optionalText(64),
  customer: orderCustomerSchema,
  shipTo: postalAddressSchema,
  billTo: postalAddressSchema.optional(),
  lines: z.array(orderLineInputSchema).min(1, 'an order needs at least one line').max(500),
  /** What the customer paid for shipping. */
  shippingChargedMinor: moneyMinor.optional(),
  /** The delivery date promised to the customer (YYYY-MM-DD). */
  promisedDeliveryDate: acceptedDate().optional(),
  ...orderMoneyFields,
});
export const canonicalOrderSchema = canonicalOrderFields.superRefine(vatNumberOfCustomerCountry);
export type CanonicalOrder = z.infer<typeof canonicalOrderSchema>;

/** A company's VAT number belongs to its country (billing address, else shipping address). */
function vatNumberOfCustomerCountry(
  order: {
    customer: OrderCustomerInput;
    billTo?: PostalAddressInput | undefined;
    shipTo: PostalAddressInput;
  },
  ctx: z.RefinementCtx,
): void {
  if (order.customer.type !== 'company' || order.customer.vatNumber === undefined) return;
  const country = (order.billTo ?? order.shipTo).country;
  const problem = vatNumberProblem(order.customer.vatNumber, country);
  if (problem) ctx.addIssue({ code: 'custom', path: ['customer', 'vatNumber'], message: problem });
}
