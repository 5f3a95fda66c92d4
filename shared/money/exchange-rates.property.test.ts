// Conversion between currencies for every class of input: any amount, any two currencies among
// 0-, 2- and 3-decimal ones, any rate the ECB could publish. Checked exactly in bigint: the result
// is the nearest integer to the exact value, ties to even, and a round trip loses at most what
// the two roundings can.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minorUnitDigits } from './currencies';
import { convertMinor, formatRate, ONE, parseRate, type DecimalRate } from './exchange-rates';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'KRW', 'KWD', 'BHD', 'CHF', 'ISK'];

const rate: fc.Arbitrary<DecimalRate> = fc
  .record({ units: fc.bigInt({ min: 1n, max: 10n ** 11n }), scale: fc.integer({ min: 0, max: 6 }) })
  .map((r) => parseRate(formatRate(r))!);

const side = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  perEur: fc.oneof(rate, fc.constant(ONE)),
});
const amount = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });

/** The exact factor (minor units of `to` per minor unit of `from`) as numerator / denominator. */
function factor(from: typeof side extends fc.Arbitrary<infer S> ? S : never, to: typeof from) {
  const shift = minorUnitDigits(to.currency) - minorUnitDigits(from.currency);
  let n = to.perEur.units * 10n ** BigInt(from.perEur.scale);
  let d = from.perEur.units * 10n ** BigInt(to.perEur.scale);
  if (shift >= 0) n *= 10n ** BigInt(shift);
  else d *= 10n ** BigInt(-shift);
  return { n, d };
}
const abs = (x: bigint) => (x < 0n ? -x : x);
/** Only conversions whose result stays a safe integer (convertMinor refuses the others). */
const fits = (a: number, f: { n: bigint; d: bigint }) =>
  abs(BigInt(a) * f.n) / f.d < BigInt(Number.MAX_SAFE_INTEGER);

describe('converting minor units between currencies', () => {
  it('gives the integer nearest the exact value, a tie going to the even one', () => {
    fc.assert(
      fc.property(amount, side, side, (a, from, to) => {
        const f = factor(from, to);
        fc.pre(from.currency !== to.currency && fits(a, f));
        const result = BigInt(convertMinor(a, from, to));
        // |result − a·n/d| ≤ 1/2, i.e. |2·(result·d − a·n)| ≤ d.
        const error2 = 2n * (result * f.d - BigInt(a) * f.n);
        expect(abs(error2) <= f.d).toBe(true);
        if (abs(error2) === f.d) expect(result % 2n).toBe(0n);
      }),
    );
  });

  it('leaves an amount in its own currency as it is, whatever rate is given', () => {
    fc.assert(
      fc.property(amount, side, rate, (a, from, other) => {
        expect(convertMinor(a, from, { currency: from.currency, perEur: other })).toBe(a);
      }),
    );
  });

  it('converts a refund as the negative of the sale (half-even is symmetric)', () => {
    fc.assert(
      fc.property(amount, side, side, (a, from, to) => {
        fc.pre(fits(a, factor(from, to)));
        expect(convertMinor(-a, from, to)).toBe(-convertMinor(a, from, to) + 0);
      }),
    );
  });

  it('never converts a larger amount into a smaller one', () => {
    fc.assert(
      fc.property(amount, amount, side, side, (a, b, from, to) => {
        const f = factor(from, to);
        fc.pre(fits(a, f) && fits(b, f));
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(convertMinor(lo, from, to)).toBeLessThanOrEqual(convertMinor(hi, from, to));
      }),
    );
  });

  it('comes back within the two roundings on a round trip: |back − a| ≤ 1/2 + 1/(2·factor)', () => {
    fc.assert(
      fc.property(amount, side, side, (a, from, to) => {
        const f = factor(from, to);
        fc.pre(from.currency !== to.currency && fits(a, f));
        const there = convertMinor(a, from, to);
        fc.pre(fits(there, factor(to, from)));
        const back = convertMinor(there, to, from);
        // 2·n·|back − a| ≤ n + d
        expect(2n * f.n * abs(BigInt(back - a)) <= f.n + f.d).toBe(true);
      }),
    );
  });

  it('reads and writes a rate exactly, without trailing zeros', () => {
    fc.assert(
      fc.property(rate, (r) => {
        expect(parseRate(formatRate(r))).toEqual(r);
      }),
    );
  });
});
