// Postal codes checked against the destination country's format from Google's libaddressinput
// metadata (shared/addresses/address-data.ts, generated), with tighter rules for the countries
// our warehouses ship to most, and a loose generic pattern for a country the data has no pattern
// for, so no real address is refused. Dependency-free: the station's main process prints with it.
import { COUNTRY_ADDRESS_RULES } from '../addresses/address-data';

/** Formats the data accepts but that no real code has (NL never starts with 0, nor ends SA/SD/SS). */
const STRICTER: Readonly<Record<string, RegExp>> = {
  NL: /^[1-9]\d{3} (?!SA|SD|SS)[A-Z]{2}$/,
  BE: /^[1-9]\d{3}$/,
  DE: /^(?!00)\d{5}$/,
};

// Letters and digits in groups split by one space or hyphen, with at least one digit.
const GENERIC = /^(?=.*\d)[A-Z0-9]+(?:[ -][A-Z0-9]+)*$/;
const GENERIC_MAX = 12;

const patterns = new Map<string, RegExp>();
function patternOf(country: string): RegExp | undefined {
  const zip = COUNTRY_ADDRESS_RULES[country]?.zip;
  if (zip === undefined) return undefined;
  let pattern = patterns.get(country);
  if (!pattern) {
    pattern = new RegExp(`^(?:${zip})$`);
    patterns.set(country, pattern);
  }
  return pattern;
}

/** The examples the post gives for `country` (libaddressinput's zipex). */
export function postalCodeExamples(country: string): readonly string[] {
  return COUNTRY_ADDRESS_RULES[country]?.zipex ?? [];
}

/** True when the country's addresses have a postal code at all (Ireland's Eircode is optional). */
export function countryUsesPostalCodes(country: string): boolean {
  return COUNTRY_ADDRESS_RULES[country]?.zip !== undefined;
}

/**
 * How the post writes it: capitals, single spaces, no `NL-` before it, and the separators of the
 * country's examples ("1234ab" → "1234 AB", "sw1a1aa" → "SW1A 1AA", "221621010" → "22162-1010").
 */
export function normalizePostalCode(country: string, postalCode: string): string {
  const tidy = postalCode.trim().replace(/\s+/g, ' ').toUpperCase();
  // Old European habit: a country letter before the code ("NL-1012 AB", "L-1009", "D-10115").
  const unprefixed = /^[A-Z]{1,3}-\s*(?=\d)/.exec(tidy)
    ? tidy.replace(/^[A-Z]{1,3}-\s*/, '')
    : tidy;
  const shaped = shapedLikeExamples(country, unprefixed);
  if (shaped !== undefined) return shaped;
  return unprefixed !== tidy && matches(country, unprefixed) ? unprefixed : tidy;
}

function matches(country: string, code: string): boolean {
  const stricter = STRICTER[country];
  if (stricter) return stricter.test(code);
  const pattern = patternOf(country);
  if (pattern) return pattern.test(code);
  return code.length <= GENERIC_MAX && GENERIC.test(code);
}

function shapedLikeExamples(country: string, tidy: string): string | undefined {
  const compact = tidy.replace(/[ -]/g, '');
  for (const example of postalCodeExamples(country)) {
    if (example.replace(/[ -]/g, '').length !== compact.length) continue;
    let k = 0;
    const shaped = [...example]
      .map((ch) => (ch === ' ' || ch === '-' ? ch : compact[k++]))
      .join('');
    if (matches(country, shaped)) return shaped;
  }
  return undefined;
}

/** True when `postalCode` can be a real postal code in `country` (ISO 3166-1 alpha-2). */
export function isPostalCodeOf(country: string, postalCode: string): boolean {
  return matches(country, normalizePostalCode(country, postalCode));
}

/** Null when fine, else the message for the `postalCode` field, naming the value and the rule. */
export function postalCodeProblem(country: string, postalCode: string): string | null {
  if (isPostalCodeOf(country, postalCode)) return null;
  const examples = postalCodeExamples(country).slice(0, 2);
  const name = countryLabel(country);
  return examples.length > 0
    ? `${postalCode} is not a postal code of ${name} (${examples.join(' or ')})`
    : `${postalCode} is not a postal code of ${name}`;
}

const englishNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
function countryLabel(country: string): string {
  try {
    return `${englishNames.of(country) ?? country} (${country})`;
  } catch {
    return country;
  }
}
