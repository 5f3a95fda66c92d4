/**
 * Where an order's VAT is decided: the scheme (vat-scheme.ts), then per line and for shipping the
 * rate of its tax class in the scheme's country on the supply date (vat-rate-lookup.ts), then the
 * tax, rounded per line or per rate total as the channel rounds, on prices with or without VAT.
 */
import { allocateMinor } from '../money/allocate';
import { taxAtRate } from './tax-amount';
import { hasVatRates, vatRatePpm } from './vat-rate-lookup';
import type { TaxClass } from './vat-rate-lookup';
import { LEGAL_MENTIONS, decideScheme } from './vat-scheme';
import type { SchemeDecision, SchemeInput } from './vat-scheme';

export type TaxRounding = 'line' | 'total';

/**
 * The VAT category of a taxed part, in the codes of EN 16931 (UNCL 5305): S standard or reduced
 * rate, Z zero rated, E exempt, K intra-Community supply (reverse charge), G export, O not subject
 * to VAT (a country whose tax is no VAT, such as US sales tax).
 */
export type VatCategory = 'S' | 'Z' | 'E' | 'K' | 'G' | 'O';

export interface VatLineInput {
  /** The line after discount, in the channel's price basis. */
  amountMinor: number;
  taxClass: TaxClass;
}

export interface VatOrderInput extends SchemeInput {
  /** The date of supply (YYYY-MM-DD) whose rates apply. */
  supplyDate: string;
  pricesIncludeTax: boolean;
  rounding: TaxRounding;
  lines: readonly VatLineInput[];
  /** Shipping after discount, in the same basis. */
  shippingMinor: number;
}

export interface TaxedPart {
  ratePpm: number;
  category: VatCategory;
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
}

export interface VatBreakdownRow {
  ratePpm: number;
  category: VatCategory;
  netMinor: number;
  taxMinor: number;
}

export interface VatDecision extends SchemeDecision {
  supplyDate: string;
  rounding: TaxRounding;
  pricesIncludeTax: boolean;
  /** What the invoice must say about VAT not charged; null when VAT is charged. */
  legalMention: string | null;
  lines: TaxedPart[];
  shipping: TaxedPart;
  /** Per category and rate, lowest rate first: what an invoice and an OSS return list. */
  breakdown: VatBreakdownRow[];
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
}

interface Rate {
  ratePpm: number;
  category: VatCategory;
}

function rateOf(scheme: SchemeDecision, taxClass: TaxClass, date: string): Rate {
  if (taxClass === 'exempt') return { ratePpm: 0, category: 'E' };
  if (scheme.scheme === 'reverse_charge') return { ratePpm: 0, category: 'K' };
  if (scheme.scheme === 'export') return { ratePpm: 0, category: 'G' };
  if (scheme.rateCountry === null || !hasVatRates(scheme.rateCountry)) {
    return { ratePpm: 0, category: 'O' };
  }
  if (taxClass === 'zero') return { ratePpm: 0, category: 'Z' };
  return { ratePpm: vatRatePpm(scheme.rateCountry, taxClass, date), category: 'S' };
}

/** Shipping follows the principal supply: the rate that carries the largest share of the lines. */
function principalRate(lines: readonly VatLineInput[], rates: readonly Rate[]): Rate {
  const amounts = new Map<string, { rate: Rate; amount: number }>();
  lines.forEach((line, i) => {
    const rate = rates[i]!;
    const key = `${rate.category}:${rate.ratePpm}`;
    const entry = amounts.get(key) ?? { rate, amount: 0 };
    entry.amount += line.amountMinor;
    amounts.set(key, entry);
  });
  let best = { rate: rates[0]!, amount: -1 };
  for (const entry of amounts.values()) if (entry.amount > best.amount) best = entry;
  return best.rate;
}

function taxes(
  amounts: readonly number[],
  rates: readonly Rate[],
  included: boolean,
  rounding: TaxRounding,
): number[] {
  if (rounding === 'line') return amounts.map((a, i) => taxAtRate(a, rates[i]!.ratePpm, included));
  // Per total: each rate's tax is rounded once on its summed amounts, then spread over its parts.
  const result = amounts.map(() => 0);
  const groups = new Map<string, number[]>();
  rates.forEach((rate, i) => {
    const key = `${rate.category}:${rate.ratePpm}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const indexes of groups.values()) {
    const groupAmounts = indexes.map((i) => amounts[i]!);
    const sum = groupAmounts.reduce((a, b) => a + b, 0);
    const tax = taxAtRate(sum, rates[indexes[0]!]!.ratePpm, included);
    allocateMinor(tax, groupAmounts).forEach((share, j) => (result[indexes[j]!] = share));
  }
  return result;
}

const part = (amount: number, tax: number, rate: Rate, included: boolean): TaxedPart => ({
  ...rate,
  netMinor: included ? amount - tax : amount,
  taxMinor: tax,
  grossMinor: included ? amount : amount + tax,
});

export function decideVat(input: VatOrderInput): VatDecision {
  if (input.lines.length === 0) throw new RangeError('an order needs at least one line');
  const scheme = decideScheme(input);
  const lineRates = input.lines.map((line) => rateOf(scheme, line.taxClass, input.supplyDate));
  const shippingRate = principalRate(input.lines, lineRates);
  const amounts = [...input.lines.map((l) => l.amountMinor), input.shippingMinor];
  const rates = [...lineRates, shippingRate];
  const included = input.pricesIncludeTax;
  const taxed = taxes(amounts, rates, included, input.rounding).map((tax, i) =>
    part(amounts[i]!, tax, rates[i]!, included),
  );
  const shipping = taxed.pop()!;
  const all = [...taxed, shipping];
  return {
    ...scheme,
    supplyDate: input.supplyDate,
    rounding: input.rounding,
    pricesIncludeTax: included,
    legalMention: LEGAL_MENTIONS[scheme.scheme] ?? null,
    lines: taxed,
    shipping,
    breakdown: breakdownOf(all),
    netMinor: all.reduce((a, p) => a + p.netMinor, 0),
    taxMinor: all.reduce((a, p) => a + p.taxMinor, 0),
    grossMinor: all.reduce((a, p) => a + p.grossMinor, 0),
  };
}

export function breakdownOf(parts: readonly TaxedPart[]): VatBreakdownRow[] {
  const rows = new Map<string, VatBreakdownRow>();
  for (const p of parts) {
    const key = `${p.category}:${p.ratePpm}`;
    const row = rows.get(key) ?? {
      ratePpm: p.ratePpm,
      category: p.category,
      netMinor: 0,
      taxMinor: 0,
    };
    row.netMinor += p.netMinor;
    row.taxMinor += p.taxMinor;
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) => a.ratePpm - b.ratePpm || a.category.localeCompare(b.category),
  );
}
