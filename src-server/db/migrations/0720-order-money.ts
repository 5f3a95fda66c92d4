// The money of an order as the channel priced it: per line and for shipping the discount, the
// tax (rate and amount), net and gross; per order the discounts, the tax and whether the channel's
// prices include tax. Orders placed before this had no tax: net and gross are their line totals.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`alter table orders
    add column prices_include_tax boolean not null default false,
    add column discount_minor integer not null default 0 check (discount_minor >= 0),
    add column tax_minor integer not null default 0 check (tax_minor >= 0),
    add column net_minor integer,
    add column shipping_discount_minor integer not null default 0
      check (shipping_discount_minor >= 0),
    add column shipping_tax_minor integer not null default 0 check (shipping_tax_minor >= 0),
    add column shipping_tax_rate_ppm integer check (shipping_tax_rate_ppm between 0 and 1000000)`,
  sql`update orders set net_minor = total_minor`,
  sql`alter table orders alter column net_minor set not null,
    add constraint orders_net_minor_check check (net_minor >= 0)`,
  sql`alter table order_lines
    add column discount_minor integer not null default 0 check (discount_minor >= 0),
    add column tax_minor integer not null default 0 check (tax_minor >= 0),
    add column tax_rate_ppm integer check (tax_rate_ppm between 0 and 1000000),
    add column net_minor integer,
    add column gross_minor integer`,
  sql`update order_lines set net_minor = line_total_minor, gross_minor = line_total_minor`,
  sql`alter table order_lines alter column net_minor set not null,
    alter column gross_minor set not null,
    add constraint order_lines_net_minor_check check (net_minor >= 0),
    add constraint order_lines_gross_minor_check check (gross_minor >= 0)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table order_lines drop column discount_minor, drop column tax_minor,
    drop column tax_rate_ppm, drop column net_minor, drop column gross_minor`.execute(db);
  await sql`alter table orders drop column prices_include_tax, drop column discount_minor,
    drop column tax_minor, drop column net_minor, drop column shipping_discount_minor,
    drop column shipping_tax_minor, drop column shipping_tax_rate_ppm`.execute(db);
}
