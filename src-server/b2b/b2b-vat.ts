// Where quotes and invoices get their VAT: the VAT engine (shared/tax/), over net B2B prices,
// rounded per part as the order intake rounds, so a quote, its order and its invoices agree to the
// cent. A business buyer with a valid VAT number of another member state is reverse-charged (K),
// goods leaving the EU are zero-rated exports (G), everything else pays the rate the engine picks.
import { minorUnitDigits } from '../../shared/money/currencies';
import { ppmToPercent } from '../../shared/orders/order-money-schema';
import { decideVat, UnknownVatRateError } from '../../shared/tax';
import type { OssPosition, TaxClass, VatDecision, VatScheme } from '../../shared/tax';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { readDistanceSales } from '../tax/distance-sales';
import type { VatSettings } from '../tax/vat-settings';
import type { VatBasis, VatLine } from './b2b-schema';

export interface VatPart {
  amountMinor: number;
  taxClass: TaxClass;
}

export interface B2bVatInput {
  basis: VatBasis;
  oss: OssPosition;
  lines: readonly VatPart[];
  shippingMinor: number;
}

/** The engine's decision; a date or country without known rates is the caller's 422. */
export function decideB2bVat(input: B2bVatInput): VatDecision {
  const { basis } = input;
  try {
    return decideVat({
      originCountry: basis.originCountry,
      destinationCountry: basis.shipToCountry,
      customer: {
        kind: 'company',
        vatNumber: basis.vatNumber ?? undefined,
        country: basis.billToCountry,
      },
      oss: input.oss,
      // Only a buyer without a VAT number counts towards the threshold; B2B is mostly not.
      saleEurMinor: input.lines.reduce((a, l) => a + l.amountMinor, input.shippingMinor),
      supplyDate: basis.supplyDate,
      pricesIncludeTax: false,
      rounding: 'line',
      lines: input.lines,
      shippingMinor: input.shippingMinor,
    });
  } catch (error) {
    if (error instanceof UnknownVatRateError)
      throw new ApiError(422, 'no_vat_rate', error.message, 'supplyDate');
    throw error;
  }
}

/** The breakdown a quote or an invoice keeps: one row per category and rate. */
export function vatLinesOf(decision: VatDecision): VatLine[] {
  return decision.breakdown.map((row) => ({
    category: row.category,
    ratePercent: ppmToPercent(row.ratePpm),
    netMinor: row.netMinor,
    taxMinor: row.taxMinor,
    reverseCharge: row.category === 'K',
  }));
}

/** An OSS position that makes the engine decide `scheme` again (for an order already decided). */
export function ossPositionFor(scheme: VatScheme | null): OssPosition {
  return {
    thresholdEurMinor: 0,
    previousYearEurMinor: 0,
    currentYearEurMinor: 0,
    optedIn: scheme === 'oss',
  };
}

/** Minor units in `currency`'s own decimals (ISO 4217): JPY 1234 → "1234", KWD 1234 → "1.234". */
const money = (minor: number, digits: number) => (minor / 10 ** digits).toFixed(digits);
const CATEGORY_NAMES: Record<string, string> = {
  S: 'VAT',
  Z: 'zero-rated',
  E: 'exempt',
  K: 'reverse charge',
  G: 'export',
  O: 'not subject to VAT',
};
const describeRow = (v: VatLine, digits: number) =>
  `${v.ratePercent} % ${CATEGORY_NAMES[v.category ?? (v.reverseCharge ? 'K' : 'S')]} on ${money(v.netMinor, digits)} = ${money(v.taxMinor, digits)}`;
const describe = (rows: readonly VatLine[], digits: number) =>
  rows.map((row) => describeRow(row, digits)).join(', ') || 'none';
const sameRow = (a: VatLine, b: VatLine) =>
  a.ratePercent === b.ratePercent &&
  a.netMinor === b.netMinor &&
  a.taxMinor === b.taxMinor &&
  a.reverseCharge === b.reverseCharge &&
  (a.category === undefined || b.category === undefined || a.category === b.category);

/**
 * Null when the VAT is what was quoted; else a sentence naming what changed (the buyer's VAT
 * number, the countries, the rates) and the VAT before and now, in `currency`'s decimals.
 */
export function vatChange(
  quoted: { basis: VatBasis | null; vat: readonly VatLine[] },
  now: { basis: VatBasis; vat: readonly VatLine[] },
  currency: string,
): string | null {
  const same =
    quoted.vat.length === now.vat.length && quoted.vat.every((row, i) => sameRow(row, now.vat[i]!));
  if (same) return null;
  const causes: string[] = [];
  const before = quoted.basis;
  if (before) {
    if (before.vatNumber !== now.basis.vatNumber)
      causes.push(
        `the buyer's VAT number changed from ${before.vatNumber ?? 'none'} to ${now.basis.vatNumber ?? 'none'}`,
      );
    if (before.shipToCountry !== now.basis.shipToCountry)
      causes.push(
        `the delivery country changed from ${before.shipToCountry} to ${now.basis.shipToCountry}`,
      );
    if (before.billToCountry !== now.basis.billToCountry)
      causes.push(
        `the billing country changed from ${before.billToCountry} to ${now.basis.billToCountry}`,
      );
    if (before.originCountry !== now.basis.originCountry)
      causes.push(`goods now leave from ${now.basis.originCountry}, not ${before.originCountry}`);
  }
  if (causes.length === 0)
    causes.push(
      `the VAT rates or tax classes on ${now.basis.supplyDate} differ from those on ${before?.supplyDate ?? 'the quote'}`,
    );
  const digits = minorUnitDigits(currency);
  return `${causes.join('; ')}: quoted ${describe(quoted.vat, digits)}, now ${describe(now.vat, digits)}`;
}

/** Each SKU's tax class (products.tax_class); a SKU not in the catalogue is taxed as standard. */
export async function taxClassesOf(
  db: Kysely<Database>,
  skus: readonly string[],
): Promise<Map<string, TaxClass>> {
  if (skus.length === 0) return new Map();
  const rows = await db
    .selectFrom('products')
    .select(['sku', 'tax_class'])
    .where('sku', 'in', [...new Set(skus)])
    .execute();
  return new Map(rows.map((r) => [r.sku, r.tax_class]));
}

export interface VatCompany {
  vat_number: string | null;
  billing_address: { country: string };
  shipping_address: { country: string };
}

/** The basis and OSS position a company's quote is decided on today, from the VAT settings. */
export async function quoteVatContext(
  db: Kysely<Database>,
  company: VatCompany,
  settings: VatSettings,
  supplyDate: string,
): Promise<{ basis: VatBasis; oss: OssPosition }> {
  const sales = await readDistanceSales(db);
  const year = Number(supplyDate.slice(0, 4));
  return {
    basis: {
      originCountry: settings.originCountry,
      shipToCountry: company.shipping_address.country,
      billToCountry: company.billing_address.country,
      vatNumber: company.vat_number,
      supplyDate,
    },
    oss: {
      thresholdEurMinor: settings.ossThresholdEurMinor,
      optedIn: settings.ossOptedIn,
      previousYearEurMinor: sales.get(year - 1) ?? 0,
      currentYearEurMinor: sales.get(year) ?? 0,
    },
  };
}
