// The VAT charged per day × destination country × VAT scheme × rate × currency, for the OSS
// return (GET /v1/reports/oss): written with each order placed (reports/rollup-writes.ts) and
// backfilled here from the orders the VAT engine judged (orders.vat_scheme set, migration 0850).
// Each line and the shipping add their net and tax at the rate they were charged; a part taxed
// without a rate counts under rate_ppm -1.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table report_vat_daily (
    day date not null,
    country char(2) not null,
    vat_scheme text not null,
    rate_ppm integer not null check (rate_ppm >= -1),
    currency char(3) not null,
    net_minor bigint not null default 0,
    tax_minor bigint not null default 0,
    primary key (day, country, vat_scheme, rate_ppm, currency)
  )`.execute(db);
  await sql`insert into report_vat_daily
      (day, country, vat_scheme, rate_ppm, currency, net_minor, tax_minor)
    select day, country, vat_scheme, rate_ppm, currency, sum(net_minor), sum(tax_minor)
    from (
      select (o.placed_at at time zone 'UTC')::date as day, o.ship_to->>'country' as country,
        o.vat_scheme, coalesce(l.tax_rate_ppm, -1) as rate_ppm, o.currency,
        l.net_minor, l.tax_minor
      from order_lines l join orders o on o.id = l.order_id
      where o.vat_scheme is not null
      union all
      select (o.placed_at at time zone 'UTC')::date, o.ship_to->>'country', o.vat_scheme,
        coalesce(o.shipping_tax_rate_ppm, -1), o.currency,
        o.shipping_charged_minor - o.shipping_discount_minor
          - case when o.prices_include_tax then o.shipping_tax_minor else 0 end,
        o.shipping_tax_minor
      from orders o
      where o.vat_scheme is not null
        and (o.shipping_charged_minor - o.shipping_discount_minor <> 0 or o.shipping_tax_minor <> 0)
    ) parts
    group by day, country, vat_scheme, rate_ppm, currency`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table report_vat_daily`.execute(db);
}
