/**
 * Every active ISO 4217 currency with its minor unit (JPY 0 decimals, EUR 2, KWD 3), from
 * dinero.js' ISO 4217 table: amounts are whole minor units of their currency, never floats.
 */
import * as iso4217 from 'dinero.js/currencies';

const TABLE: ReadonlyMap<string, number> = new Map(
  Object.values(iso4217).map((c) => [c.code, c.exponent]),
);

/** The codes, sorted; a non-empty tuple for z.enum. */
export const CURRENCY_CODES = [...TABLE.keys()].sort() as unknown as readonly [string, ...string[]];

export const isCurrencyCode = (code: string): boolean => TABLE.has(code);

/** Digits after the decimal point of `currency`'s minor unit; throws for an unknown code. */
export function minorUnitDigits(currency: string): number {
  const digits = TABLE.get(currency);
  if (digits === undefined) throw new RangeError(`${currency} is not an ISO 4217 currency code`);
  return digits;
}
