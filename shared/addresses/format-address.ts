// One address formatter for every place an address is shown (labels, slips, e-mails, PDFs, the back
// office), driven by each country's layout in Google's libaddressinput metadata (address-data.ts):
// the line order, where the postal code stands, which fields the post wants in capitals.
// Dependency-free and platform-neutral: the station's main process draws labels with it.
import { COUNTRY_ADDRESS_RULES, DEFAULT_ADDRESS_RULES } from './address-data';
import { normalizePostalCode } from '../validation/postal-codes';
import { findRegion, regionLabel } from '../validation/regions';

export interface AddressParts {
  name?: string | null;
  company?: string | null;
  /** Street, house number, and any further line, in order. */
  streetLines: readonly (string | null | undefined)[];
  postalCode?: string | null;
  city?: string | null;
  region?: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface FormatAddressOptions {
  /**
   * The sender's country: when it differs, the destination's name ends the address in capitals
   * (UPU), in `countryLocale` (English unless told).
   */
  originCountry?: string;
  /** End with the country's name even at home (a back-office page, where no parcel is sent). */
  showCountry?: boolean;
  countryLocale?: string;
  /** Latin-script layout (default: what thermal printer fonts and most carriers read) or local. */
  script?: 'latin' | 'local';
}

const FIELD = /%([NOADCSZX])/g;
const EMPTY = '\uE000';

/** The address as lines, in the order the destination's post reads them. */
export function formatAddress(address: AddressParts, options: FormatAddressOptions = {}): string[] {
  const country = address.country.toUpperCase();
  const rules = COUNTRY_ADDRESS_RULES[country] ?? {};
  const latin = options.script !== 'local';
  let layout = (latin ? (rules.lfmt ?? rules.fmt) : rules.fmt) ?? DEFAULT_ADDRESS_RULES.fmt!;
  const upper = rules.upper ?? DEFAULT_ADDRESS_RULES.upper ?? '';
  const street = address.streetLines.map((l) => l?.trim()).filter((l): l is string => !!l);
  const city = address.city?.trim() ?? '';
  // Where the layout has no city (Japan: it is part of the street lines), it follows the street.
  if (!layout.includes('%C') && city !== '') street.push(city);
  if (!layout.includes('%O') && address.company) layout = layout.replace('%N', '%N%n%O');

  const known = findRegion(country, address.region ?? undefined);
  const values: Record<string, string> = {
    N: address.name?.trim() ?? '',
    O: address.company?.trim() ?? '',
    A: street.join('\n'),
    D: '',
    C: layout.includes('%C') ? city : '',
    S: known ? regionLabel(country, known, latin) : (address.region?.trim() ?? ''),
    Z: address.postalCode ? normalizePostalCode(country, address.postalCode) : '',
    X: '',
  };
  const filled = layout.replace(FIELD, (_, field: string) => {
    const value = values[field] ?? '';
    if (value === '') return EMPTY;
    return upper.includes(field) ? value.toUpperCase() : value;
  });
  const lines = filled
    // An empty field takes the separator before it along (", NY" without a state, "-SP").
    .replace(/[ ,–-]*\uE000/g, '')
    .split(/%n|\n/)
    .map((line) => tidyLine(line))
    .filter((line) => line !== '');
  const origin = options.originCountry?.toUpperCase();
  if (options.showCountry || (origin !== undefined && origin !== country))
    lines.push(countryLine(country, options.countryLocale ?? 'en'));
  return lines;
}

/** A line whose field was empty keeps no dangling separator ("Sydney  2000", ", NY 10001"). */
function tidyLine(line: string): string {
  return line
    .replace(/\s+/g, ' ')
    .replace(/^[\s,–-]+|[\s,–-]+$/g, '')
    .replace(/\s+,/g, ',')
    .trim();
}

function countryLine(country: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(country);
    return (name ?? country).toLocaleUpperCase(locale);
  } catch {
    return country;
  }
}

/** An order's, company's or subscription's address (line1/line2), as `formatAddress` lines. */
export interface PostalAddressLike {
  name?: string | null;
  company?: string | null;
  line1?: string | null;
  line2?: string | null;
  postalCode?: string | null;
  city?: string | null;
  region?: string | null;
  country: string;
}

export function formatPostalAddress(
  address: PostalAddressLike,
  options: FormatAddressOptions = {},
): string[] {
  return formatAddress({ ...address, streetLines: [address.line1, address.line2] }, options);
}
