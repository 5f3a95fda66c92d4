/**
 * Exchange rates as exact decimals and conversion of minor units between currencies, in integer
 * (bigint) arithmetic only. Rates are quoted as the ECB publishes them: units of a currency for
 * one euro (USD 1.0823 means 1 EUR = 1.0823 USD). A base currency other than EUR is reached by a
 * cross via EUR: amount × basePerEur / currencyPerEur, rounded once, half to even.
 */
import { minorUnitDigits } from './currencies';

/** A positive decimal rate, exactly as written: numerator over 10^scale. */
export interface DecimalRate {
  units: bigint;
  scale: number;
}

/** At most 12 digits before the point and 10 after: every ECB rate fits, a typo does not. */
const RATE = /^(\d{1,12})(?:\.(\d{1,10}))?$/;

/** Parses a rate such as "1.0823" or "160.28"; null when it is not a positive plain decimal. */
export function parseRate(text: string): DecimalRate | null {
  const match = RATE.exec(text.trim());
  if (!match) return null;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const units = BigInt(match[1]! + fraction);
  return units > 0n ? { units, scale: fraction.length } : null;
}

/** The rate written without trailing zeros ("1.50" → "1.5", "2.000" → "2"): how it is compared. */
export function formatRate({ units, scale }: DecimalRate): string {
  if (scale === 0) return units.toString();
  const digits = units.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** The rate for `text`, or a RangeError naming it. */
export function rateOf(text: string): DecimalRate {
  const rate = parseRate(text);
  if (!rate) throw new RangeError(`"${text}" is not a positive decimal exchange rate`);
  return rate;
}

/** One euro: the quote of EUR itself. */
export const ONE: DecimalRate = { units: 1n, scale: 0 };

/** numerator / denominator rounded to the nearest integer, ties to the even one. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return divideHalfEven(-numerator, -denominator);
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const quotient = n / denominator;
  const twice = 2n * (n % denominator);
  const up = twice > denominator || (twice === denominator && quotient % 2n === 1n);
  const rounded = up ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

const pow10 = (n: number) => 10n ** BigInt(n);

/**
 * `amountMinor` of `from` in minor units of `to`, where `fromPerEur` and `toPerEur` are the two
 * currencies' quotes against the euro (ONE for EUR). Rounded half to even, once.
 */
export function convertMinor(
  amountMinor: number,
  from: { currency: string; perEur: DecimalRate },
  to: { currency: string; perEur: DecimalRate },
): number {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError('amounts are whole minor units');
  if (from.currency === to.currency) return amountMinor === 0 ? 0 : amountMinor;
  // amount/10^dFrom × (toPerEur / fromPerEur) × 10^dTo, with each rate = units / 10^scale.
  const digitShift = minorUnitDigits(to.currency) - minorUnitDigits(from.currency);
  let numerator = BigInt(amountMinor) * to.perEur.units * pow10(from.perEur.scale);
  let denominator = from.perEur.units * pow10(to.perEur.scale);
  if (digitShift >= 0) numerator *= pow10(digitShift);
  else denominator *= pow10(-digitShift);
  const result = divideHalfEven(numerator, denominator);
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER))
    throw new RangeError('the converted amount is too large');
  return Number(result);
}
