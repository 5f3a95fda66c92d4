/** The tax of an order per rate: what an invoice, an e-mail or a packing slip lists. */
import { ppmToPercent } from './order-money-schema';

export interface TaxedPart {
  /** Parts per million (21 % = 210000); null when the channel sent no rate. */
  taxRatePpm: number | null;
  netMinor: number;
  taxMinor: number;
}

export interface TaxRateTotal {
  /** Null for tax the channel sent without a rate. */
  ratePercent: number | null;
  netMinor: number;
  taxMinor: number;
}

/** One row per rate, lowest rate first (tax without a rate last); untaxed parts without a rate are left out. */
export function taxBreakdown(parts: readonly TaxedPart[]): TaxRateTotal[] {
  const byRate = new Map<number | null, TaxRateTotal>();
  for (const part of parts) {
    if (part.taxRatePpm === null && part.taxMinor === 0) continue;
    const row = byRate.get(part.taxRatePpm) ?? {
      ratePercent: part.taxRatePpm === null ? null : ppmToPercent(part.taxRatePpm),
      netMinor: 0,
      taxMinor: 0,
    };
    row.netMinor += part.netMinor;
    row.taxMinor += part.taxMinor;
    byRate.set(part.taxRatePpm, row);
  }
  return [...byRate.values()].sort(
    (a, b) => (a.ratePercent ?? Infinity) - (b.ratePercent ?? Infinity),
  );
}
