// VAT decided by the engine (shared/tax/): a tax class per product, each channel's tax settings
// (who computes the tax, whether its prices include it, how it rounds), on each order the VAT
// scheme, where its tax came from and whether the channel's tax matched the engine's, and the
// running EU distance sales per year that the one-stop-shop threshold is measured against.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`alter table products add column tax_class text not null default 'standard'
    check (tax_class in ('standard', 'reduced', 'zero', 'exempt'))`,
  sql`alter table channels
    add column tax_mode text not null default 'channel' check (tax_mode in ('channel', 'oms')),
    add column prices_include_tax boolean not null default false,
    add column tax_rounding text not null default 'line' check (tax_rounding in ('line', 'total'))`,
  // Null on orders placed before the engine: their tax is the channel's, never checked.
  sql`alter table orders
    add column vat_scheme text
      check (vat_scheme in ('domestic', 'distance_sale_origin', 'oss', 'reverse_charge', 'export')),
    add column tax_source text check (tax_source in ('channel', 'oms')),
    add column tax_matches_engine boolean,
    add column vat jsonb`,
  sql`create index orders_vat_scheme on orders (vat_scheme) where vat_scheme is not null`,
  sql`create table vat_distance_sales (
    year integer primary key check (year between 2000 and 2100),
    eur_minor bigint not null default 0 check (eur_minor >= 0)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table vat_distance_sales`.execute(db);
  await sql`drop index orders_vat_scheme`.execute(db);
  await sql`alter table orders drop column vat_scheme, drop column tax_source,
    drop column tax_matches_engine, drop column vat`.execute(db);
  await sql`alter table channels drop column tax_mode, drop column prices_include_tax,
    drop column tax_rounding`.execute(db);
  await sql`alter table products drop column tax_class`.execute(db);
}
