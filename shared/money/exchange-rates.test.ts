import { describe, expect, it } from 'vitest';
import { convertMinor, divideHalfEven, formatRate, ONE, parseRate, rateOf } from './exchange-rates';

const eur = { currency: 'EUR', perEur: ONE };
const quote = (currency: string, rate: string) => ({ currency, perEur: rateOf(rate) });

describe('exchange rates', () => {
  it('reads the decimals the ECB writes and refuses what is no positive plain decimal', () => {
    expect(formatRate(rateOf('1.0823'))).toBe('1.0823');
    expect(formatRate(rateOf('395.10'))).toBe('395.1');
    expect(formatRate(rateOf('0.84638'))).toBe('0.84638');
    expect(formatRate(rateOf('2.000'))).toBe('2');
    for (const bad of ['', '0', '0.000', '-1.2', '1e5', '1,08', 'N/A', '.5', '1.', 'NaN'])
      expect(parseRate(bad), bad).toBeNull();
  });

  it('rounds half to even', () => {
    expect(divideHalfEven(5n, 2n)).toBe(2n);
    expect(divideHalfEven(7n, 2n)).toBe(4n);
    expect(divideHalfEven(-5n, 2n)).toBe(-2n);
    expect(divideHalfEven(-7n, 2n)).toBe(-4n);
    expect(divideHalfEven(10n, 3n)).toBe(3n);
    expect(divideHalfEven(11n, 3n)).toBe(4n);
  });

  it('converts USD cents to euro cents at the ECB rate (100.00 USD at 1.0823 → 92.40 EUR)', () => {
    // 10000 / 1.0823 = 9239.55… → 9240
    expect(convertMinor(10_000, quote('USD', '1.0823'), eur)).toBe(9_240);
  });

  it('converts yen without decimals and dinars with three', () => {
    // 12,345 JPY at 169.31 per EUR = 72.913… EUR → 7291 cents
    expect(convertMinor(12_345, quote('JPY', '169.31'), eur)).toBe(7_291);
    // 10.00 EUR → 1693.1 JPY → 1693 JPY (whole yen)
    expect(convertMinor(1_000, eur, quote('JPY', '169.31'))).toBe(1_693);
    // 1.500 KWD (1500 fils) at 0.3325 KWD per EUR = 4.5112… EUR → 451 cents
    expect(convertMinor(1_500, quote('KWD', '0.3325'), eur)).toBe(451);
    // 1.00 EUR → 0.3325 KWD = 332.5 fils → 332 (the tie goes to the even fils)
    expect(convertMinor(100, eur, quote('KWD', '0.3325'))).toBe(332);
  });

  it('crosses via the euro when the base is not EUR (GBP → USD at 0.8569 and 1.0777)', () => {
    // 100.00 GBP × 1.0777 / 0.8569 = 125.7673… USD → 12577 cents, one rounding
    expect(convertMinor(10_000, quote('GBP', '0.8569'), quote('USD', '1.0777'))).toBe(12_577);
  });

  it('refuses fractions of a minor unit as input', () => {
    expect(() => convertMinor(1.5, quote('USD', '1.1'), eur)).toThrow(/whole minor units/);
  });
});
