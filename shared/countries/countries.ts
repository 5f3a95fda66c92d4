/**
 * Every ISO 3166-1 country: the codes from i18n-iso-countries (MIT; the 249 officially assigned
 * plus XK, Kosovo, which the EU and carriers use), the names in each language the product speaks
 * from the Unicode CLDR through Intl.DisplayNames (in Node and every browser), which names each
 * country once and consistently ("Nederland", "Niederlande", "Pays-Bas").
 */
import countries from 'i18n-iso-countries';

export const COUNTRY_LOCALES = ['en', 'nl', 'de', 'fr'] as const;
export type CountryLocale = (typeof COUNTRY_LOCALES)[number];

/** The ISO 3166-1 alpha-2 codes, sorted. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();
const KNOWN = new Set(COUNTRY_CODES);

/** True for an ISO 3166-1 alpha-2 code, in capitals. */
export const isCountryCode = (code: string): boolean => KNOWN.has(code);

const names = new Map(
  COUNTRY_LOCALES.map((l) => [l, new Intl.DisplayNames([l], { type: 'region', fallback: 'code' })]),
);

/** The country's name in `locale`; the code itself when it is no country. */
export function countryName(code: string, locale: CountryLocale): string {
  if (!isCountryCode(code)) return code;
  return names.get(locale)!.of(code) ?? code;
}
