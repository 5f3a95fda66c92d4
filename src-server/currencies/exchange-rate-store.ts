// The exchange_rates table: imports (one transaction, a re-import of a day replaces its rates),
// and the rates in force on a day, remembered for a minute because every intake batch asks.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ReferenceRate } from './ecb-rates';

const CHUNK = 1_000;

export interface ImportSummary {
  imported: number;
  days: number;
  firstDay: string;
  lastDay: string;
}

/** Writes `rates` (each currency × day once, see ecb-rates.ts) in one transaction. */
export async function importRates(
  db: Kysely<Database>,
  rates: readonly ReferenceRate[],
  source: string,
): Promise<ImportSummary> {
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < rates.length; start += CHUNK) {
      await trx
        .insertInto('exchange_rates')
        .values(
          rates.slice(start, start + CHUNK).map((r) => ({
            currency: r.currency,
            rate_date: r.date,
            per_eur: r.perEur,
            source,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['currency', 'rate_date']).doUpdateSet((eb) => ({
            per_eur: eb.ref('excluded.per_eur'),
            source: eb.ref('excluded.source'),
            imported_at: sql<Date>`now()`,
          })),
        )
        .execute();
    }
  });
  rateCache.delete(db);
  const days = [...new Set(rates.map((r) => r.date))].sort();
  return { imported: rates.length, days: days.length, firstDay: days[0]!, lastDay: days.at(-1)! };
}

/** A currency's quote in force on a day: the latest published on or before it. */
export interface RateInForce {
  currency: string;
  date: string;
  /** Units per euro, exact, without trailing zeros. */
  perEur: string;
  source: string;
}

type RateRow = {
  day: string;
  currency: string;
  rate_date: string;
  per_eur: string;
  source: string;
};

/** Rates in force per day, per currency. */
export type RatesByDay = Map<string, Map<string, RateInForce>>;

/**
 * For each of `days`, the latest rate on or before it of each of `currencies` (EUR needs none),
 * no older than `maxAgeDays` before it: the ECB publishes on TARGET working days only, so a
 * Saturday uses Friday's; an older one is treated as missing rather than used. One query.
 */
export async function ratesInForce(
  db: Kysely<Database>,
  currencies: readonly string[],
  days: readonly string[],
  maxAgeDays: number,
): Promise<RatesByDay> {
  const wanted = [...new Set(currencies)].filter((c) => c !== 'EUR').sort();
  const byDay: RatesByDay = new Map([...new Set(days)].map((d) => [d, new Map()]));
  if (wanted.length === 0 || byDay.size === 0) return byDay;
  const { rows } = await sql<RateRow>`
    select d.day::text as day, r.currency, r.rate_date, r.per_eur, r.source
    from unnest(${[...byDay.keys()]}::date[]) as d(day)
    cross join lateral (
      select distinct on (currency) currency, rate_date::text as rate_date,
        per_eur::text as per_eur, source
      from exchange_rates
      where currency = any(${wanted}::text[]) and rate_date <= d.day
        and rate_date >= d.day - ${maxAgeDays}::int
      order by currency, rate_date desc) r`.execute(db);
  for (const r of rows) {
    const currency = r.currency.trim();
    byDay
      .get(r.day)!
      .set(currency, { currency, date: r.rate_date, perEur: r.per_eur, source: r.source });
  }
  return byDay;
}

const CACHE_MS = 60_000;
const rateCache = new WeakMap<
  Kysely<Database>,
  Map<string, { until: number; rates: Promise<RatesByDay> }>
>();

/** ratesInForce, remembered for a minute per (days, currencies); an import forgets it. */
export function cachedRatesInForce(
  db: Kysely<Database>,
  currencies: readonly string[],
  days: readonly string[],
  maxAgeDays: number,
): Promise<RatesByDay> {
  const key = [maxAgeDays, [...new Set(days)].sort(), [...new Set(currencies)].sort()].join(' ');
  const byKey = rateCache.get(db) ?? new Map();
  rateCache.set(db, byKey);
  const hit = byKey.get(key);
  if (hit && hit.until > Date.now()) return hit.rates;
  if (byKey.size > 100) byKey.clear();
  const rates = ratesInForce(db, currencies, days, maxAgeDays);
  byKey.set(key, { until: Date.now() + CACHE_MS, rates });
  rates.catch(() => byKey.delete(key));
  return rates;
}

/** The latest rate of every currency (on or before `day`), for the back office's rate list. */
export async function latestRates(db: Kysely<Database>, day: string): Promise<RateInForce[]> {
  const { rows } = await sql<{
    currency: string;
    rate_date: string;
    per_eur: string;
    source: string;
  }>`
    select distinct on (currency) currency, rate_date::text as rate_date, per_eur::text as per_eur,
      source
    from exchange_rates where rate_date <= ${day}::date
    order by currency, rate_date desc`.execute(db);
  return rows.map((r) => ({
    currency: r.currency.trim(),
    date: r.rate_date,
    perEur: r.per_eur,
    source: r.source,
  }));
}
