// What intake asks of the exchange rates: one (cached) look-up per batch, before its transaction,
// of the rates in force on the days its orders are placed; then each order's base-currency
// figures from those, with no further query.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { utcDay } from '../reports/rollup-table';
import { DEFAULT_CURRENCY_SETTINGS, type CurrencySettings } from './currency-settings';
import { cachedRatesInForce } from './exchange-rate-store';
import { orderBaseMoney, type OrderBaseMoney } from './order-exchange-rate';

export type BaseMoneyOf = (order: {
  currency: string;
  subtotalMinor: number;
  totalMinor: number;
  placedAt: Date;
}) => OrderBaseMoney;

/** `orders`: the batch's currencies and, where the channel sent one, when each was placed. */
export async function baseMoneyForBatch(
  db: Kysely<Database>,
  settings: CurrencySettings = DEFAULT_CURRENCY_SETTINGS,
  orders: readonly { currency: string; placedAt?: string | undefined }[],
): Promise<BaseMoneyOf> {
  const today = utcDay(new Date());
  const days = [today, ...orders.flatMap((o) => (o.placedAt ? [utcDay(o.placedAt)] : []))];
  const currencies = [settings.baseCurrency, ...orders.map((o) => o.currency)];
  const rates = await cachedRatesInForce(db, currencies, days, settings.rateMaxAgeDays);
  // An order built just after midnight UTC falls back to the day the batch looked up.
  return (order) =>
    orderBaseMoney(
      order,
      settings.baseCurrency,
      rates.get(utcDay(order.placedAt)) ?? rates.get(today)!,
    );
}
