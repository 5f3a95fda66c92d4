// The reporting model: daily rollups kept up to date in the transactions that place orders,
// confirm shipments, take returns in and issue refunds (reports/rollup-writes.ts), so no report
// reads the order tables. Days are UTC calendar days. Counters only ever add; a row per key.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  // Per day × channel × warehouse × SKU × currency. Ordered units count on the day placed, in the
  // warehouse sourced from ('' = backordered, not sourced yet); shipped and short units on the day
  // shipped.
  sql`create table report_sales_daily (
    day date not null,
    channel_code text not null,
    warehouse_code text not null,
    sku text not null,
    currency char(3) not null,
    order_lines integer not null default 0,
    units_ordered integer not null default 0,
    revenue_minor bigint not null default 0,
    units_backordered integer not null default 0,
    units_shipped integer not null default 0,
    units_short integer not null default 0,
    primary key (day, channel_code, warehouse_code, sku, currency)
  )`,
  sql`create index report_sales_daily_sku on report_sales_daily (sku, warehouse_code, day)`,
  // Orders are not additive over SKUs: counted per day × channel × ship-to country × currency.
  sql`create table report_orders_daily (
    day date not null,
    channel_code text not null,
    country char(2) not null,
    currency char(3) not null,
    orders integer not null default 0,
    units integer not null default 0,
    subtotal_minor bigint not null default 0,
    total_minor bigint not null default 0,
    primary key (day, channel_code, country, currency)
  )`,
  // Shipments per day shipped × warehouse × channel × whole hours from placed to shipped: the
  // hour histogram gives exact-to-the-hour percentiles over any range.
  sql`create table report_fulfilment_daily (
    day date not null,
    warehouse_code text not null,
    channel_code text not null,
    lead_hours integer not null,
    shipments integer not null default 0,
    with_promise integer not null default 0,
    on_time integer not null default 0,
    primary key (day, warehouse_code, channel_code, lead_hours)
  )`,
  // Returned units per day received × channel × warehouse × SKU × reason ('' channel and
  // 'unexpected' reason: a parcel without an RMA).
  sql`create table report_returns_daily (
    day date not null,
    channel_code text not null,
    warehouse_code text not null,
    sku text not null,
    reason text not null,
    units_returned integer not null default 0,
    units_restocked integer not null default 0,
    primary key (day, channel_code, warehouse_code, sku, reason)
  )`,
  sql`create table report_refunds_daily (
    day date not null,
    channel_code text not null,
    currency char(3) not null,
    refunds integer not null default 0,
    refund_minor bigint not null default 0,
    primary key (day, channel_code, currency)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'report_refunds_daily',
    'report_returns_daily',
    'report_fulfilment_daily',
    'report_orders_daily',
    'report_sales_daily',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
