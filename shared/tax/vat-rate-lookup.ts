/** The rate of a tax class in a country on a date, from the dated table in vat-rates.ts. */
import { VAT_RATES } from './vat-rates';
import type { VatRatePeriod } from './vat-rates';

export const TAX_CLASSES = ['standard', 'reduced', 'zero', 'exempt'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];

export class UnknownVatRateError extends Error {
  constructor(
    readonly country: string,
    readonly date: string,
  ) {
    super(`No VAT rates are known for ${country} on ${date}.`);
  }
}

/** The period in force on `date` (YYYY-MM-DD), or null when the table has none. */
export function ratePeriodOn(country: string, date: string): VatRatePeriod | null {
  const periods = VAT_RATES[country];
  if (!periods) return null;
  let found: VatRatePeriod | null = null;
  // Dates in YYYY-MM-DD order as strings; the periods are oldest first.
  for (const period of periods) if (period.from <= date) found = period;
  return found;
}

export function hasVatRates(country: string): boolean {
  return VAT_RATES[country] !== undefined;
}

/** The rate in ppm; throws UnknownVatRateError for a country or date the table does not cover. */
export function vatRatePpm(country: string, taxClass: TaxClass, date: string): number {
  if (taxClass === 'zero' || taxClass === 'exempt') return 0;
  const period = ratePeriodOn(country, date);
  if (!period) throw new UnknownVatRateError(country, date);
  return taxClass === 'reduced' ? (period.reducedPpm ?? period.standardPpm) : period.standardPpm;
}
