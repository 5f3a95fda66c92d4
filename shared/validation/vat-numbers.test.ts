import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeVatNumber, vatNumberProblem } from './vat-numbers';

// Real numbers, their check digits verified by hand against each country's published algorithm.
const VALID: readonly [string, string][] = [
  ['NL', 'NL004495445B01'], // mod 11
  ['NL', 'NL000099998B57'], // the Belastingdienst's mod 97 example (sole traders' btw-id)
  ['BE', 'BE0411905847'],
  ['BE', 'BE0403170701'],
  ['DE', 'DE143454214'],
  ['DE', 'DE136695976'],
  ['FR', 'FR40303265045'],
  ['FR', 'FR82542065479'],
  ['GR', 'EL094014201'],
  ['AT', 'ATU13585627'],
  ['GB', 'GB980780684'],
];

// The same numbers with one digit changed (or a key that does not match).
const WRONG_CHECK_DIGITS: readonly [string, string][] = [
  ['NL', 'NL004495446B01'],
  ['NL', 'NL123456789B01'],
  ['BE', 'BE0411905848'],
  ['BE', 'BE0403170702'],
  ['DE', 'DE143454215'],
  ['FR', 'FR41303265045'],
];

describe('VAT numbers', () => {
  it.each(VALID)('accepts a valid %s number %s', (country, vat) => {
    expect(vatNumberProblem(vat, country)).toBeNull();
  });

  it.each(WRONG_CHECK_DIGITS)('refuses a %s number whose check digits fail: %s', (country, vat) => {
    expect(vatNumberProblem(vat, country)).toMatch(/check digits do not match/);
  });

  it('refuses words, SQL and the wrong shape, naming the customer country', () => {
    expect(vatNumberProblem('not a vat', 'NL')).toBe(
      'is not a VAT number of NL or of an EU member state',
    );
    expect(vatNumberProblem("1' OR '1'='1", 'BE')).not.toBeNull();
    expect(vatNumberProblem('NL12345', 'NL')).toBe('is not in the format of a NL VAT number');
  });

  it('accepts the number as people write it: spaced, dotted, without the prefix', () => {
    expect(vatNumberProblem('nl 0044.95.445.b01', 'NL')).toBeNull();
    expect(vatNumberProblem('0411.905.847', 'BE')).toBeNull();
    expect(vatNumberProblem('U13585627', 'AT')).toBeNull();
    expect(normalizeVatNumber('0411.905.847', 'BE')).toBe('BE0411905847');
    expect(normalizeVatNumber('094014201', 'GR')).toBe('EL094014201');
  });

  it("accepts another member state's valid number, and refuses a non-EU one of another country", () => {
    expect(vatNumberProblem('BE0411905847', 'NL')).toBeNull();
    expect(vatNumberProblem('DE143454214', 'US')).toBeNull();
    expect(vatNumberProblem('GB980780684', 'NL')).toMatch(/is a GB VAT number/);
    expect(vatNumberProblem('GB980780684', 'GB')).toBeNull();
    expect(vatNumberProblem('XI980780684', 'GB')).toBeNull();
  });

  it('accepts a sane tax number of a country it has no rules for, but not words', () => {
    expect(vatNumberProblem('12-3456789', 'US')).toBeNull(); // an EIN
    expect(vatNumberProblem('ABN 51 824 753 556', 'AU')).toBeNull();
    expect(vatNumberProblem('not a vat', 'US')).not.toBeNull();
    expect(vatNumberProblem('n/a', 'AU')).not.toBeNull();
  });

  it('never throws and accepts a Dutch number only with valid check digits', () => {
    // jsvat reads a remainder of 10 as check digit 0 (no such number is issued; it is lenient).
    const mod11 = (digits: string) =>
      ([...digits.slice(0, 8)].reduce((sum, d, i) => sum + Number(d) * (9 - i), 0) % 11) % 10 ===
      Number(digits[8]);
    const mod97 = (vat: string) =>
      BigInt([...vat].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('')) %
        97n ===
      1n;
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.stringMatching(/^\d{2}$/), (digits, suffix) => {
        const vat = `NL${digits}B${suffix}`;
        expect(vatNumberProblem(vat, 'NL') === null).toBe(mod11(digits) || mod97(vat));
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.stringMatching(/^[A-Z]{2}$/), (vat, country) => {
        const problem = vatNumberProblem(vat, country);
        expect(problem === null || typeof problem === 'string').toBe(true);
      }),
    );
  });
});
