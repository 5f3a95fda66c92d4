/**
 * Which VAT rule a sale of goods falls under, from where it ships, where it goes and who buys:
 * domestic, an EU distance sale (home rate below the one-stop-shop threshold, destination rate
 * above it), an intra-EU supply to a business (reverse charge) or an export.
 * Council Directive 2006/112/EC as amended by Directive (EU) 2017/2455 (the e-commerce package,
 * in force since 1 July 2021).
 */
import { EU_MEMBER_STATES } from '../labels/customs';
import { validVatNumberCountry } from '../validation/vat-numbers';

/** The EU-wide threshold for cross-border B2C sales (Article 59c): 10,000 EUR in cents. */
export const OSS_THRESHOLD_EUR_MINOR = 1_000_000;

export type VatScheme =
  | 'domestic'
  /** An EU distance sale taxed in the origin country: the seller is below the OSS threshold. */
  | 'distance_sale_origin'
  /** An EU distance sale taxed in the destination country, declared through the OSS. */
  | 'oss'
  /** An intra-Community supply to a business with a valid VAT number: 0 %, the buyer accounts for the VAT. */
  | 'reverse_charge'
  /** Goods leaving the EU (or a non-EU origin's country): zero-rated. */
  | 'export';

/** The seller's position towards the OSS threshold, in EUR minor units (cents). */
export interface OssPosition {
  /** The threshold; the law's 10,000 EUR unless a retailer sets it lower to be safe. */
  thresholdEurMinor: number;
  /** Cross-border B2C sales to other EU countries in the previous calendar year. */
  previousYearEurMinor: number;
  /** The same in the current calendar year, before this sale. */
  currentYearEurMinor: number;
  /** The seller opted for destination taxation (Article 59c(3)) or is registered for the OSS anyway. */
  optedIn: boolean;
}

export interface VatCustomer {
  kind: 'person' | 'company';
  vatNumber?: string | undefined;
  /** The country of the customer's billing address; a VAT number is read against it. */
  country: string;
}

export interface SchemeInput {
  /** Where the goods ship from (the warehouse's country). */
  originCountry: string;
  destinationCountry: string;
  customer: VatCustomer;
  oss: OssPosition;
  /** This sale's value in EUR cents without VAT, counted towards the threshold. */
  saleEurMinor: number;
}

export interface SchemeDecision {
  scheme: VatScheme;
  /** Whose rates apply; null when no VAT is charged. */
  rateCountry: string | null;
  /** The buyer's VAT number that made it a reverse charge, normalized, when it did. */
  customerVatCountry: string | null;
}

const isEu = (country: string) => EU_MEMBER_STATES.has(country);

/**
 * True when this sale is taxed at the destination: the threshold was passed last year, or this
 * sale takes this year's total past it (Article 59c(1): from the supply that exceeds it on).
 */
export function ossThresholdPassed(oss: OssPosition, saleEurMinor: number): boolean {
  return (
    oss.optedIn ||
    oss.previousYearEurMinor > oss.thresholdEurMinor ||
    oss.currentYearEurMinor + saleEurMinor > oss.thresholdEurMinor
  );
}

export function decideScheme(input: SchemeInput): SchemeDecision {
  const { originCountry: origin, destinationCountry: destination, customer } = input;
  if (origin === destination) {
    return { scheme: 'domestic', rateCountry: origin, customerVatCountry: null };
  }
  if (!isEu(origin) || !isEu(destination)) {
    return { scheme: 'export', rateCountry: null, customerVatCountry: null };
  }
  const vatCountry =
    customer.kind === 'company' && customer.vatNumber !== undefined
      ? validVatNumberCountry(customer.vatNumber, customer.country)
      : null;
  // Reverse charge needs the buyer's number of a member state other than the one goods leave.
  if (vatCountry !== null && isEu(vatCountry) && vatCountry !== origin) {
    return { scheme: 'reverse_charge', rateCountry: null, customerVatCountry: vatCountry };
  }
  return ossThresholdPassed(input.oss, input.saleEurMinor)
    ? { scheme: 'oss', rateCountry: destination, customerVatCountry: null }
    : { scheme: 'distance_sale_origin', rateCountry: origin, customerVatCountry: null };
}

export {
  LEGAL_MENTION_WORDS,
  LEGAL_MENTIONS,
  VAT_MENTIONS,
  vatMentionOf,
  type VatMention,
} from './legal-mentions';
