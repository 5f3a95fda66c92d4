// The money of a Shopify order line or shipping line: its price, the discounts allocated to it and
// its tax lines, in minor units as Shopify rounded them. Shopify's tax lines are the tax of the
// whole line after discounts; with `taxes_included` the prices and discounts contain that tax.
import { z } from 'zod';
import { ApiError } from '../../http/api-error';
import { requireMinor } from '../mapping-error';
import { decimalToMinor, fractionToPercent } from '../money';

export const shopifyMoney = z.union([z.string(), z.number()]);

export const shopifyTaxLineSchema = z.object({
  price: shopifyMoney,
  rate: z.union([z.number(), z.string()]).nullish(),
  title: z.string().nullish(),
});

export const shopifyDiscountAllocationSchema = z.object({ amount: shopifyMoney });

export interface ShopifyPartMoney {
  discountMinor: number;
  taxMinor: number;
  /** The sum of the tax lines' rates (combined rates such as GST + PST); undefined without tax lines. */
  taxRatePercent: number | undefined;
}

export const shopifyMinor = (value: string | number, field: string) =>
  requireMinor('Shopify', value, field, decimalToMinor);

export function shopifyPartMoney(
  part: {
    tax_lines: z.infer<typeof shopifyTaxLineSchema>[];
    discount_allocations: z.infer<typeof shopifyDiscountAllocationSchema>[];
  },
  field: string,
): ShopifyPartMoney {
  const discountMinor = part.discount_allocations.reduce(
    (sum, d, i) => sum + shopifyMinor(d.amount, `${field}.discount_allocations[${i}].amount`),
    0,
  );
  const taxMinor = part.tax_lines.reduce(
    (sum, t, i) => sum + shopifyMinor(t.price, `${field}.tax_lines[${i}].price`),
    0,
  );
  let ratePpm: number | undefined;
  part.tax_lines.forEach((t, i) => {
    if (t.rate === null || t.rate === undefined) return;
    const percent = fractionToPercent(t.rate);
    if (percent === null) {
      throw new ApiError(
        400,
        'validation_failed',
        `Shopify ${field}.tax_lines[${i}].rate is not a rate between 0 and 1: "${t.rate}"`,
        `${field}.tax_lines[${i}].rate`,
      );
    }
    ratePpm = (ratePpm ?? 0) + Math.round(percent * 10_000);
  });
  return {
    discountMinor,
    taxMinor,
    taxRatePercent: ratePpm === undefined ? undefined : ratePpm / 10_000,
  };
}

/** Shopify's `latitude`/`longitude`: a number, a numeric string or null in its own payloads. */
export const shopifyCoordinate = z
  .unknown()
  .transform((value, ctx): number | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^\s*[-+]?\d{1,3}(\.\d{1,15})?\s*$/.test(value))
      return Number(value);
    ctx.addIssue({ code: 'custom', message: 'must be a number, a numeric string or null' });
    return z.NEVER;
  })
  // An absent key too (zod 4 refuses a missing key whose schema does not say it may be absent).
  .optional();
