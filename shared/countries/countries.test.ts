import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, COUNTRY_LOCALES, countryName, isCountryCode } from './countries';

describe('ISO 3166-1 countries', () => {
  it('knows every officially assigned code (249) and Kosovo, Japan and Kuwait among them', () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    for (const code of ['NL', 'JP', 'KW', 'US', 'CA', 'AX', 'XK']) {
      expect(isCountryCode(code)).toBe(true);
    }
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('nl')).toBe(false);
    expect(isCountryCode('UK')).toBe(false); // GB is the code; UK is only reserved
  });

  it('names each country in English, Dutch, German and French', () => {
    expect(COUNTRY_LOCALES.map((l) => countryName('NL', l))).toEqual([
      'Netherlands',
      'Nederland',
      'Niederlande',
      'Pays-Bas',
    ]);
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('BE', 'nl')).toBe('België');
    for (const code of COUNTRY_CODES) {
      for (const locale of COUNTRY_LOCALES) expect(countryName(code, locale), code).not.toBe(code);
    }
  });
});
