/**
 * The money and tax fields of the canonical order, all optional: an order that sends none of them
 * is priced as before (no tax, totals are the sums). Amounts are integer minor units (cents) of
 * the order's currency, as the channel computed and rounded them; the OMS adds, never re-rounds.
 */
import { z } from 'zod';

export const MAX_AMOUNT_MINOR = 1_000_000_000;

export const moneyMinor = z
  .number()
  .int('must be whole minor units (cents)')
  .min(0, 'must not be negative')
  .max(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`);

/** A tax rate in percent with at most 4 decimals (21, 5.5, 8.875): exactly a whole number of ppm. */
export const taxRatePercent = z
  .number()
  .min(0, 'must not be negative')
  .max(100, 'must be at most 100 (percent)')
  .refine(
    (rate) => Math.abs(rate * 10_000 - Math.round(rate * 10_000)) < 1e-6,
    'must have at most 4 decimals',
  );

/** Percent → parts per million of the taxed amount (21 → 210000), exact for 4 decimals. */
export const percentToPpm = (rate: number): number => Math.round(rate * 10_000);
export const ppmToPercent = (ppm: number): number => ppm / 10_000;

/** Per order line. */
export const orderLineMoneyFields = {
  /**
   * The line before discount (the channel's row total), when it is not exactly unitPriceMinor ×
   * quantity because the channel rounded per row. Defaults to that product.
   */
  lineTotalMinor: moneyMinor.optional(),
  /** Discount on the line, in the same basis as the price (with tax when pricesIncludeTax). */
  discountMinor: moneyMinor.optional(),
  /** Tax on the line after discount, as the channel rounded it. When absent and a rate is sent, computed (half up). */
  taxMinor: moneyMinor.optional(),
  taxRatePercent: taxRatePercent.optional(),
};

/** Per order. */
export const orderMoneyFields = {
  /** Whether unit prices, line totals, discounts and shipping include tax (Shopify `taxes_included`). Default false. */
  pricesIncludeTax: z.boolean().optional(),
  shippingDiscountMinor: moneyMinor.optional(),
  shippingTaxMinor: moneyMinor.optional(),
  shippingTaxRatePercent: taxRatePercent.optional(),
  /** The channel's grand total: an order whose parts do not add up to it exactly is refused (422). */
  grandTotalMinor: moneyMinor.optional(),
  /** The channel's total tax: refused (422) unless the lines' and shipping's tax add up to it. */
  taxTotalMinor: moneyMinor.optional(),
};
