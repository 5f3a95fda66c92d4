// B2B credit notes: against one invoice (some or all of its lines), numbered without gaps in their
// own series per legal entity and year (the invoice counters' table, entity `<entity>-CN`), and
// kept once per idempotency key. The invoice keeps what was credited and paid on it, so its open
// amount is total − credited − paid.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`alter table b2b_invoices
      add column credited_minor integer not null default 0 check (credited_minor >= 0),
      add column paid_minor integer not null default 0 check (paid_minor >= 0)`,
    sql`create table b2b_credit_notes (
      id uuid primary key,
      number text not null unique,
      legal_entity text not null,
      year integer not null,
      seq integer not null,
      invoice_id uuid not null references b2b_invoices (id),
      company_id uuid not null references b2b_companies (customer_id),
      idempotency_key text not null unique,
      reason text not null,
      currency char(3) not null,
      issued_on date not null,
      lines jsonb not null,
      net_minor integer not null check (net_minor >= 0),
      tax_minor integer not null check (tax_minor >= 0),
      total_minor integer not null check (total_minor > 0),
      vat jsonb not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      unique (legal_entity, year, seq)
    )`,
    sql`create index b2b_credit_notes_invoice on b2b_credit_notes (invoice_id)`,
  ])
    await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table b2b_credit_notes`.execute(db);
  await sql`alter table b2b_invoices drop column credited_minor, drop column paid_minor`.execute(
    db,
  );
}
