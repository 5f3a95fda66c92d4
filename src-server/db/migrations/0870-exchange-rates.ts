// Exchange rates and the base currency: the ECB-style reference rates (units of a currency per
// euro, exact decimals, with their date and source); on each order the two quotes it was converted
// at, their date and its subtotal and total in the base currency; and a rollup of the base-currency
// figures per day × channel × country × currency × base currency (its own table: this number range
// runs before 0900 creates the other rollups on a new database).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`create table exchange_rates (
    currency char(3) not null,
    rate_date date not null,
    per_eur numeric not null check (per_eur > 0),
    source text not null,
    imported_at timestamptz not null default now(),
    primary key (currency, rate_date)
  )`,
  // Null on orders placed before rates existed. fx_status: same_currency (the order is in the base
  // currency), converted, or missing (no rate for the currency on that day: rates and base amounts
  // stay null, never a guessed number).
  sql`alter table orders
    add column base_currency char(3),
    add column fx_status text check (fx_status in ('same_currency', 'converted', 'missing')),
    add column fx_rate_date date,
    add column fx_currency_per_eur numeric,
    add column fx_base_per_eur numeric,
    add column base_subtotal_minor bigint,
    add column base_total_minor bigint`,
  sql`create index orders_fx_missing on orders (placed_at) where fx_status = 'missing'`,
  // Orders whose figures are in the base currency; the orders rollup minus these are the orders
  // without a rate (placed before rates, or missing one).
  sql`create table report_orders_base_daily (
    day date not null,
    channel_code text not null,
    country char(2) not null,
    currency char(3) not null,
    base_currency char(3) not null,
    converted_orders integer not null default 0,
    base_subtotal_minor bigint not null default 0,
    base_total_minor bigint not null default 0,
    primary key (day, channel_code, country, currency, base_currency)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table report_orders_base_daily`.execute(db);
  await sql`drop index orders_fx_missing`.execute(db);
  await sql`alter table orders drop column base_currency, drop column fx_status,
    drop column fx_rate_date, drop column fx_currency_per_eur, drop column fx_base_per_eur,
    drop column base_subtotal_minor, drop column base_total_minor`.execute(db);
  await sql`drop table exchange_rates`.execute(db);
}
