import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, minorUnitDigits } from '../../../shared/money/currencies';
import { formatMoney } from './email-layout';
import { EMAIL_LOCALES } from './email-words';

const INTL: Record<(typeof EMAIL_LOCALES)[number], string> = {
  en: 'en-GB',
  nl: 'nl-NL',
  de: 'de-DE',
  fr: 'fr-FR',
};

/** Reads a formatted amount back: drops the currency symbol and grouping, keeps sign and decimals. */
function parseBack(text: string, currency: string, locale: (typeof EMAIL_LOCALES)[number]) {
  const parts = new Intl.NumberFormat(INTL[locale], { style: 'currency', currency }).formatToParts(
    1,
  );
  const symbol = parts.find((p) => p.type === 'currency')!.value;
  const decimal = new Intl.NumberFormat(INTL[locale])
    .formatToParts(1.5)
    .find((p) => p.type === 'decimal')!.value;
  const rest = text.replace(symbol, '');
  const negative = /[-−]/.test(rest);
  const kept = rest.replace(new RegExp(`[^0-9${decimal === '.' ? '\\.' : decimal}]`, 'g'), '');
  const [whole = '', fraction = ''] = kept.split(decimal);
  return { negative, whole, fraction };
}

describe('formatMoney uses the currency’s own ISO 4217 minor unit', () => {
  it('JPY has no decimals, KWD three, EUR two', () => {
    // en-GB writes the yen as "JP¥" (CLDR), en-US as "¥".
    expect(formatMoney(1234, 'JPY', 'en')).toBe('JP¥1,234');
    expect(formatMoney(1234, 'KWD', 'en')).toMatch(/^KWD\s1\.234$/);
    expect(formatMoney(1234, 'EUR', 'en')).toBe('€12.34');
    expect(formatMoney(1234, 'EUR', 'de')).toMatch(/^12,34\s€$/);
    expect(formatMoney(1234, 'KWD', 'fr')).toMatch(/^1,234\sKWD$/);
    expect(formatMoney(1234, 'JPY', 'nl')).toMatch(/^JP¥\s1\.234$/);
  });

  it('shows every ISO 4217 digit where CLDR shows fewer (IQD has 3)', () => {
    expect(formatMoney(1234, 'IQD', 'en')).toMatch(/^IQD\s1\.234$/);
  });

  it('the formatted amount read back is the minor amount / 10^decimals, in every locale', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCY_CODES),
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        fc.constantFrom(...EMAIL_LOCALES),
        (currency, minor, locale) => {
          const digits = minorUnitDigits(currency);
          const { negative, whole, fraction } = parseBack(
            formatMoney(minor, currency, locale),
            currency,
            locale,
          );
          expect(fraction.length).toBe(digits);
          expect(negative).toBe(minor < 0);
          const magnitude = BigInt(`${whole}${fraction}`);
          expect(negative ? -magnitude : magnitude).toBe(BigInt(minor));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
