// A quote version's totals: the lines after their discounts, plus shipping, then VAT. Pure.
import type { QuoteLine, VatLine } from '../b2b-schema';
import { lineAmountMinor } from '../price-lists/price-breaks';
import { vatBreakdown } from './quote-vat';
import type { VatParties } from './quote-vat';

export interface QuoteTotals {
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  vat: VatLine[];
}

export function quoteTotals(
  lines: readonly QuoteLine[],
  shippingMinor: number,
  parties: VatParties,
): QuoteTotals {
  const parts = [
    ...lines.map((l) => lineAmountMinor(l.unitPriceMinor, l.quantity, l.discountMinor)),
    shippingMinor,
  ];
  const vat = vatBreakdown(parts, parties);
  const netMinor = vat[0]!.netMinor;
  const taxMinor = vat.reduce((sum, v) => sum + v.taxMinor, 0);
  return { netMinor, taxMinor, totalMinor: netMinor + taxMinor, vat };
}
