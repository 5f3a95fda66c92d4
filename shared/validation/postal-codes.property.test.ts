// Property tests over each country's libaddressinput pattern: every code the pattern generates is
// accepted and survives normalisation; text of another shape is refused at order intake with a
// message naming the field and the value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_ADDRESS_RULES } from '../addresses/address-data';
import { canonicalOrderSchema } from '../orders/order-schema';
import { isPostalCodeOf, normalizePostalCode } from './postal-codes';

const COUNTRIES = [
  'FR',
  'GB',
  'US',
  'CA',
  'JP',
  'IT',
  'ES',
  'PT',
  'AT',
  'CH',
  'SE',
  'DK',
  'PL',
  'AU',
  'BR',
  'IE',
  'LU',
];
const patternOf = (country: string) => new RegExp(`^(?:${COUNTRY_ADDRESS_RULES[country]!.zip!})$`);

const order = (postalCode: string, country: string) => ({
  channelOrderRef: 'P-1',
  currency: 'EUR',
  customer: { type: 'person', name: 'Emma', email: 'emma@example.com' },
  shipTo: { name: 'Emma', line1: 'Street 1', postalCode, city: 'Town', country },
  lines: [{ sku: 'SKU-1', quantity: 1 }],
});

describe('postal codes generated from each country’s pattern', () => {
  it.each(COUNTRIES)(
    'accepts every code %s’s pattern generates, in any case, and keeps it valid once normalised',
    (country) => {
      fc.assert(
        fc.property(fc.stringMatching(patternOf(country)), fc.boolean(), (code, lower) => {
          const typed = lower ? code.toLowerCase() : code;
          expect(isPostalCodeOf(country, typed), typed).toBe(true);
          const normal = normalizePostalCode(country, typed);
          expect(isPostalCodeOf(country, normal)).toBe(true);
          expect(normalizePostalCode(country, normal)).toBe(normal);
        }),
        { numRuns: 200 },
      );
    },
  );

  it('accepts every real-looking Dutch postcode and writes it "1234 AB"', () => {
    const letters = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        letters,
        letters,
        fc.boolean(),
        (n, a, b, spaced) => {
          fc.pre(!['SA', 'SD', 'SS'].includes(a + b));
          const typed = `${n}${spaced ? ' ' : ''}${a}${b}`.toLowerCase();
          expect(isPostalCodeOf('NL', typed)).toBe(true);
          expect(normalizePostalCode('NL', typed)).toBe(`${n} ${a}${b}`);
        },
      ),
    );
  });

  it.each(['NL', ...COUNTRIES])(
    'refuses random text as a %s postal code at intake, naming the field and the value',
    (country) => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 14 }), (text) => {
          fc.pre(text.trim() !== '' && !isPostalCodeOf(country, text));
          const result = canonicalOrderSchema.safeParse(order(text, country));
          expect(result.success).toBe(false);
          const issue = result.error?.issues.find((i) => i.path.join('.') === 'shipTo.postalCode');
          expect(issue?.message).toContain(`is not a postal code of`);
          expect(issue?.message).toContain(`(${country})`);
        }),
        { numRuns: 150 },
      );
    },
  );
});
