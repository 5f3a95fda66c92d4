// An order keeps the rate it was placed at: at intake its subtotal and total are converted to the
// retailer's base currency with the rates in force on the day it was placed, and the two quotes
// (order currency per euro, base currency per euro) are stored with their date. No rate for either
// currency: the order is still placed, flagged `missing`, with no base figures (never a guess).
import { convertMinor, ONE, rateOf } from '../../shared/money/exchange-rates';
import type { OrderFxStatus } from './currency-schema';
import type { RateInForce } from './exchange-rate-store';

export interface OrderBaseMoney {
  baseCurrency: string;
  status: OrderFxStatus;
  /** The later of the two quotes' dates; null when same_currency or missing. */
  rateDate: string | null;
  currencyPerEur: string | null;
  basePerEur: string | null;
  baseSubtotalMinor: number | null;
  baseTotalMinor: number | null;
}

const EUR_QUOTE = { date: null, perEur: '1' } as const;

/** `rates` holds the quotes in force on the order's day (EUR needs none). */
export function orderBaseMoney(
  order: { currency: string; subtotalMinor: number; totalMinor: number },
  baseCurrency: string,
  rates: ReadonlyMap<string, RateInForce>,
): OrderBaseMoney {
  if (order.currency === baseCurrency) {
    return {
      baseCurrency,
      status: 'same_currency',
      rateDate: null,
      currencyPerEur: null,
      basePerEur: null,
      baseSubtotalMinor: order.subtotalMinor,
      baseTotalMinor: order.totalMinor,
    };
  }
  const quoteOf = (currency: string) => (currency === 'EUR' ? EUR_QUOTE : rates.get(currency));
  const from = quoteOf(order.currency);
  const to = quoteOf(baseCurrency);
  if (!from || !to) {
    return {
      baseCurrency,
      status: 'missing',
      rateDate: null,
      currencyPerEur: null,
      basePerEur: null,
      baseSubtotalMinor: null,
      baseTotalMinor: null,
    };
  }
  const fromSide = { currency: order.currency, perEur: from.date ? rateOf(from.perEur) : ONE };
  const toSide = { currency: baseCurrency, perEur: to.date ? rateOf(to.perEur) : ONE };
  const dates = [from.date, to.date].filter((d): d is string => d !== null).sort();
  return {
    baseCurrency,
    status: 'converted',
    rateDate: dates.at(-1)!,
    currencyPerEur: from.perEur,
    basePerEur: to.perEur,
    baseSubtotalMinor: convertMinor(order.subtotalMinor, fromSide, toSide),
    baseTotalMinor: convertMinor(order.totalMinor, fromSide, toSide),
  };
}
