// Postal codes checked against the destination country's format: postcode-validator's table
// (about 190 countries), with tighter rules for the countries our warehouses ship to most, and a
// loose generic pattern for a country the table does not know, so no real address is refused.
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';

/** Formats the library accepts but that no real code has (NL never starts with 0, nor ends SA/SD/SS). */
const STRICTER: Readonly<Record<string, RegExp>> = {
  NL: /^[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}$/,
  BE: /^[1-9]\d{3}$/,
  DE: /^(?!00)\d{5}$/,
};

/** Examples for the message, where a person can be told what is expected. */
const EXAMPLES: Readonly<Record<string, string>> = {
  NL: '1012 AB',
  BE: '9000',
  DE: '10115',
  FR: '75001',
  GB: 'SW1A 1AA',
  US: '10001 or 10001-1234',
  LU: '1009',
  AT: '1010',
  CH: '8001',
  PL: '00-950',
};

// Letters and digits in groups split by one space or hyphen, with at least one digit.
const GENERIC = /^(?=.*\d)[A-Z0-9]+(?:[ -][A-Z0-9]+)*$/;
const GENERIC_MAX = 12;
// Girobank's code predates the pattern every other British postcode follows.
const GB_SPECIAL = /^GIR ?0AA$/;

/** How people type it: any case, any run of spaces, sometimes `NL-` before the code. */
export function normalizePostalCode(country: string, postalCode: string): string {
  const tidy = postalCode.trim().replace(/\s+/g, ' ').toUpperCase();
  const prefix = `${country}-`;
  return tidy.startsWith(prefix) ? tidy.slice(prefix.length).trimStart() : tidy;
}

/** True when `postalCode` can be a real postal code in `country` (ISO 3166-1 alpha-2). */
export function isPostalCodeOf(country: string, postalCode: string): boolean {
  const code = normalizePostalCode(country, postalCode);
  const stricter = STRICTER[country];
  if (stricter) return stricter.test(code);
  if (country === 'GB' && GB_SPECIAL.test(code)) return true;
  if (postcodeValidatorExistsForCountry(country)) return postcodeValidator(code, country);
  return code.length <= GENERIC_MAX && GENERIC.test(code);
}

/** Null when fine, else the message for the `postalCode` field. */
export function postalCodeProblem(country: string, postalCode: string): string | null {
  if (isPostalCodeOf(country, postalCode)) return null;
  const example = EXAMPLES[country];
  return example
    ? `is not a postal code of ${country} (expected e.g. ${example})`
    : `is not a postal code of ${country}`;
}
