// VAT numbers checked by format and check digits (jsvat: every EU member state, plus GB, CH, NO,
// RS, RU, AD). A company's number must belong to its own country or be a valid number of an EU
// member state (a Belgian branch buying for a Dutch address). For a country jsvat does not know,
// a loose generic pattern is accepted, so a real foreign tax number is never refused.
import {
  andorra,
  austria,
  belgium,
  bulgaria,
  checkVAT,
  croatia,
  cyprus,
  czechRepublic,
  denmark,
  estonia,
  finland,
  france,
  germany,
  greece,
  hungary,
  ireland,
  italy,
  latvia,
  lithuania,
  luxembourg,
  malta,
  netherlands,
  norway,
  poland,
  portugal,
  romania,
  russia,
  serbia,
  slovakiaRepublic,
  slovenia,
  spain,
  sweden,
  switzerland,
  unitedKingdom,
} from 'jsvat';
import { EU_MEMBER_STATES } from '../labels/customs';

// Brazil is left out on purpose: jsvat takes any number starting with two digits for a Brazilian
// CNPJ. The EU's non-union OSS numbers (EU…) identify no company either.
const SCHEMES = [
  ...[austria, belgium, bulgaria, croatia, cyprus, czechRepublic, denmark, estonia, finland],
  ...[france, germany, greece, hungary, ireland, italy, latvia, lithuania, luxembourg, malta],
  ...[netherlands, poland, portugal, romania, slovakiaRepublic, slovenia, spain, sweden],
  ...[andorra, norway, russia, serbia, switzerland, unitedKingdom],
];
const KNOWN_COUNTRIES: ReadonlySet<string> = new Set(SCHEMES.map((s) => s.codes[0]!));

/** The prefix a country's VAT numbers carry: Greece writes EL. */
const prefixOf = (country: string) => (country === 'GR' ? 'EL' : country);
// Northern Ireland's traders (XI) keep their UK number and check digits.
const NORTHERN_IRELAND = 'XI';
// Letters and digits, at least two digits: a tax number of a country jsvat does not know.
const GENERIC = /^(?=(?:.*\d){2})[A-Z0-9]{4,20}$/;

/** Without spaces, dots, dashes or slashes, in capitals, with the country prefix it lacks. */
export function normalizeVatNumber(vatNumber: string, customerCountry: string): string {
  const compact = vatNumber.toUpperCase().replace(/[\s.\-/_]+/g, '');
  // Austria's numbers start with U after the prefix: `U12345678` still lacks one.
  return /^[A-Z]{2}/.test(compact) || !KNOWN_COUNTRIES.has(customerCountry)
    ? compact
    : `${prefixOf(customerCountry)}${compact}`;
}

/** Which country a valid number belongs to, or why it is not valid. */
function classify(
  normalized: string,
): { valid: true; country: string } | { valid: false; country: string | null; message: string } {
  if (normalized.startsWith(NORTHERN_IRELAND)) {
    const asUk = checkVAT(`GB${normalized.slice(2)}`, [unitedKingdom]);
    return asUk.isValid
      ? { valid: true, country: 'GB' }
      : { valid: false, country: 'GB', message: 'is not a valid Northern Ireland (XI) VAT number' };
  }
  // jsvat also recognises a country by its numeric code; a number starting with digits is no
  // known country's VAT number written with its prefix.
  if (!/^[A-Z]{2}/.test(normalized))
    return { valid: false, country: null, message: 'is not a VAT number' };
  const result = checkVAT(normalized, SCHEMES);
  if (result.isValid && result.country)
    return { valid: true, country: result.country.isoCode.short };
  if (!result.country) return { valid: false, country: null, message: 'is not a VAT number' };
  const name = result.country.isoCode.short;
  return {
    valid: false,
    country: name,
    message: result.isValidFormat
      ? `is not a valid ${name} VAT number: its check digits do not match`
      : `is not in the format of a ${name} VAT number`,
  };
}

/**
 * Null when `vatNumber` may stand on an order of a company in `customerCountry` (ISO 3166-1
 * alpha-2), else the message for the `vatNumber` field.
 */
export function vatNumberProblem(vatNumber: string, customerCountry: string): string | null {
  const normalized = normalizeVatNumber(vatNumber, customerCountry);
  const verdict = classify(normalized);
  if (verdict.valid) {
    if (verdict.country === customerCountry || EU_MEMBER_STATES.has(verdict.country)) return null;
    return `is a ${verdict.country} VAT number; a company in ${customerCountry} needs one of ${customerCountry} or of an EU member state`;
  }
  // A number of the customer's own country or of the EU is told exactly what is wrong with it.
  if (verdict.country === customerCountry || EU_MEMBER_STATES.has(verdict.country ?? ''))
    return verdict.message;
  if (verdict.country !== null || KNOWN_COUNTRIES.has(customerCountry))
    return `is not a VAT number of ${customerCountry} or of an EU member state`;
  return GENERIC.test(normalized) ? null : 'is not a VAT or tax number';
}
