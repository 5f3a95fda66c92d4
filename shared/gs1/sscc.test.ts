import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasValidGs1CheckDigit } from './check-digit';
import { buildSscc, isValidSscc, ssccHumanReadable, ssccSerialCapacity, takeSscc } from './sscc';
import { SerialRangeExhaustedError } from './serial-range';

const makeConfig = (
  overrides: Partial<{ companyPrefix: string; extensionDigit: number }> = {},
) => ({
  companyPrefix: '0614141',
  extensionDigit: 0,
  ...overrides,
});

describe('SSCC', () => {
  it('builds the GS1 specification example 006141411234567890', () => {
    expect(buildSscc(makeConfig(), 123456789)).toBe('006141411234567890');
  });

  it('pads the serial so every SSCC has 18 digits, whatever the prefix length', () => {
    expect(buildSscc(makeConfig({ companyPrefix: '8712345', extensionDigit: 3 }), 1)).toBe(
      '387123450000000012',
    );
    const tenDigitPrefix = buildSscc(makeConfig({ companyPrefix: '8712345678' }), 42);
    expect(tenDigitPrefix).toMatch(/^08712345678000042\d$/);
    expect(isValidSscc(tenDigitPrefix)).toBe(true);
  });

  it('gives a 7-digit prefix 10^9 serials and a 10-digit prefix 10^6', () => {
    expect(ssccSerialCapacity('8712345')).toBe(1_000_000_000);
    expect(ssccSerialCapacity('8712345678')).toBe(1_000_000);
  });

  it('refuses a serial beyond the prefix capacity instead of overflowing into the prefix', () => {
    expect(() => buildSscc(makeConfig({ companyPrefix: '8712345678' }), 1_000_000)).toThrow(
      RangeError,
    );
    expect(() => buildSscc(makeConfig(), -1)).toThrow(RangeError);
    expect(() => buildSscc(makeConfig(), 1.5)).toThrow(RangeError);
  });

  it('refuses a company prefix that is not 7 to 10 digits and an extension digit above 9', () => {
    expect(() => buildSscc(makeConfig({ companyPrefix: '123456' }), 1)).toThrow(/companyPrefix/);
    expect(() => buildSscc(makeConfig({ companyPrefix: '12345678901' }), 1)).toThrow(
      /companyPrefix/,
    );
    expect(() => buildSscc(makeConfig({ extensionDigit: 10 }), 1)).toThrow(/extensionDigit/);
  });

  it('always yields 18 digits with a valid check digit (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 7, max: 10 }),
        fc.integer({ min: 0, max: 9 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (prefixLength, extensionDigit, fraction) => {
          const companyPrefix = '8712345678'.slice(0, prefixLength);
          const serial = Math.floor(fraction * ssccSerialCapacity(companyPrefix));
          const sscc = buildSscc({ companyPrefix, extensionDigit }, serial);
          expect(sscc).toHaveLength(18);
          expect(sscc.startsWith(`${extensionDigit}${companyPrefix}`)).toBe(true);
          expect(hasValidGs1CheckDigit(sscc)).toBe(true);
        },
      ),
    );
  });

  it('numbers cartons from a leased range and stops at the end of the lease', () => {
    let range = { next: 998, end: 999 };
    const first = takeSscc(makeConfig(), range);
    range = first.range;
    const second = takeSscc(makeConfig(), range);
    expect([first.sscc, second.sscc]).toEqual([
      buildSscc(makeConfig(), 998),
      buildSscc(makeConfig(), 999),
    ]);
    expect(() => takeSscc(makeConfig(), second.range)).toThrow(SerialRangeExhaustedError);
  });

  it('recognises a mistyped SSCC and prints the AI in the human-readable line', () => {
    expect(isValidSscc('006141411234567890')).toBe(true);
    expect(isValidSscc('006141411234567891')).toBe(false);
    expect(isValidSscc('06141411234567890')).toBe(false);
    expect(ssccHumanReadable('006141411234567890')).toBe('(00) 006141411234567890');
  });
});
