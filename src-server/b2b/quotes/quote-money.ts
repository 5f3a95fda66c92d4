// A quote version's totals: the lines after their discounts, plus shipping, then the VAT engine's
// VAT on them (b2b-vat.ts). Pure.
import type { OssPosition, TaxClass, VatDecision } from '../../../shared/tax';
import type { QuoteLine, VatBasis, VatLine } from '../b2b-schema';
import { decideB2bVat, vatLinesOf } from '../b2b-vat';
import { lineAmountMinor } from '../price-lists/price-breaks';

export interface QuoteTotals {
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  vat: VatLine[];
  decision: VatDecision;
}

export interface QuoteVatInput {
  basis: VatBasis;
  oss: OssPosition;
  /** By SKU; a SKU not in it is taxed as standard. */
  taxClasses: ReadonlyMap<string, TaxClass>;
}

export function quoteTotals(
  lines: readonly QuoteLine[],
  shippingMinor: number,
  vat: QuoteVatInput,
): QuoteTotals {
  const decision = decideB2bVat({
    basis: vat.basis,
    oss: vat.oss,
    lines: lines.map((l) => ({
      amountMinor: lineAmountMinor(l.unitPriceMinor, l.quantity, l.discountMinor),
      taxClass: vat.taxClasses.get(l.sku) ?? 'standard',
    })),
    shippingMinor,
  });
  return {
    netMinor: decision.netMinor,
    taxMinor: decision.taxMinor,
    totalMinor: decision.grossMinor,
    vat: vatLinesOf(decision),
    decision,
  };
}
