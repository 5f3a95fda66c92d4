// What the B2B company, buyer and price-list routes accept (zod: validation, types and OpenAPI).
import { z } from 'zod';
import { postalAddressSchema, SUPPORTED_CURRENCIES } from '../../../shared/orders/order-schema';
import { emailSchema, localeSchema } from '../../../shared/people/roles';
import { optionalText, storableText } from '../../../shared/validation/text';
import { acceptedDate } from '../../../shared/validation/timestamps';
import { vatNumberProblem } from '../../../shared/validation/vat-numbers';
import { BUYER_ROLES } from '../b2b-schema';

const money = z.number().int('must be whole minor units (cents)').min(0).max(2_000_000_000);
const currency = z.enum(SUPPORTED_CURRENCIES, {
  error: `must be one of ${SUPPORTED_CURRENCIES.join(', ')}`,
});

export const paymentTermsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('prepaid') }),
  z.object({ kind: z.literal('at_shipment') }),
  z.object({ kind: z.literal('net'), days: z.number().int().min(0).max(365) }),
  z.object({ kind: z.literal('end_of_month'), days: z.number().int().min(0).max(365) }),
]);

export const newCompanySchema = z
  .object({
    legalName: storableText(200),
    vatNumber: optionalText(32),
    currency,
    locale: localeSchema,
    billingAddress: postalAddressSchema,
    shippingAddress: postalAddressSchema,
    priceListId: z.uuid('must be a price list id').optional(),
    paymentTerms: paymentTermsSchema,
    creditLimitMinor: money.nullable().default(null),
    poRequired: z.boolean().default(false),
    poUnique: z.boolean().default(false),
    billingEmail: emailSchema
      .nullable()
      .default(null)
      .describe('Where invoices and credit notes go; else the admins, else the buyers'),
  })
  .superRefine((company, ctx) => {
    if (company.vatNumber === undefined) return;
    const problem = vatNumberProblem(company.vatNumber, company.billingAddress.country);
    if (problem) ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: problem });
  });
export type NewCompany = z.infer<typeof newCompanySchema>;

export const newBuyerSchema = z.object({
  name: storableText(200),
  email: emailSchema,
  role: z.enum(BUYER_ROLES),
  /** The most one order may total (tax included) before it needs an approver. */
  orderLimitMinor: money.nullable().default(null),
});
export type NewBuyer = z.infer<typeof newBuyerSchema>;

export const newPriceListSchema = z
  .object({
    name: storableText(100),
    currency,
    validFrom: acceptedDate().optional(),
    validTo: acceptedDate().optional(),
    prices: z
      .array(
        z.object({
          sku: storableText(64),
          minQuantity: z.number().int().min(1).max(100_000),
          unitPriceMinor: money,
        }),
      )
      .min(1, 'a price list needs at least one price')
      .max(10_000),
  })
  .superRefine((list, ctx) => {
    if (list.validFrom && list.validTo && list.validTo < list.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must not be before validFrom' });
    const seen = new Set<string>();
    list.prices.forEach((p, i) => {
      const key = `${p.sku}\u0000${p.minQuantity}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['prices', i, 'minQuantity'],
          message: `${p.sku} has two prices from ${p.minQuantity}`,
        });
      seen.add(key);
    });
  });
export type NewPriceList = z.infer<typeof newPriceListSchema>;

export const companyViewSchema = z.object({
  id: z.string(),
  legalName: z.string(),
  vatNumber: z.string().nullable(),
  currency: z.string(),
  locale: z.string(),
  priceListId: z.string().nullable(),
  paymentTerms: paymentTermsSchema,
  creditLimitMinor: z.number().int().nullable(),
  openBalanceMinor: z.number().int(),
  poRequired: z.boolean(),
  poUnique: z.boolean(),
  billingEmail: z.string().nullable(),
  buyers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      role: z.enum(BUYER_ROLES),
      orderLimitMinor: z.number().int().nullable(),
    }),
  ),
});
export type CompanyView = z.infer<typeof companyViewSchema>;
