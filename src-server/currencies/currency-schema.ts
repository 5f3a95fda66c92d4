// Kysely typings of the exchange rates (migration 0870-exchange-rates).
import type { ColumnType, Generated } from 'kysely';

/** How an order's base-currency figures were fixed at intake. */
export type OrderFxStatus = 'same_currency' | 'converted' | 'missing';

export interface ExchangeRatesTable {
  currency: string;
  /** YYYY-MM-DD, read as a string. */
  rate_date: ColumnType<string, string, string>;
  /** Units of the currency per euro, an exact decimal (numeric), read as a string. */
  per_eur: string;
  /** Where the rate came from, e.g. `ECB eurofxref-daily.xml`. */
  source: string;
  imported_at: Generated<Date>;
}

export interface CurrencyTables {
  exchange_rates: ExchangeRatesTable;
}
