// B2B invoices: one per shipment (fulfillment order), numbered without gaps per legal entity and
// year. The counter row is taken in the invoice's own transaction, so a failed issue rolls its
// number back with it and concurrent issues queue on the row: no gaps, no duplicates.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`create table b2b_invoice_counters (
      legal_entity text not null,
      year integer not null,
      last_number integer not null,
      primary key (legal_entity, year)
    )`,
    sql`create table b2b_invoices (
      id uuid primary key,
      number text not null unique,
      legal_entity text not null,
      year integer not null,
      seq integer not null,
      company_id uuid not null references b2b_companies (customer_id),
      order_id uuid not null references orders (id),
      fulfillment_id uuid not null unique references fulfillment_orders (id),
      po_number text,
      currency char(3) not null,
      issued_on date not null,
      due_on date not null,
      lines jsonb not null,
      net_minor integer not null,
      tax_minor integer not null,
      total_minor integer not null,
      vat jsonb not null,
      created_at timestamptz not null default now(),
      unique (legal_entity, year, seq)
    )`,
  ])
    await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table b2b_invoices`.execute(db);
  await sql`drop table b2b_invoice_counters`.execute(db);
}
