// Incoming payments imported from bank statements (CSV or CAMT.053): one row per bank
// transaction, unique by the bank's transaction id (or a hash of the row when the bank gives
// none), so importing a statement twice adds nothing. A matched row names the invoice it paid.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`create table b2b_bank_transactions (
      id uuid primary key,
      transaction_key text not null unique,
      booked_on date not null,
      amount_minor integer not null check (amount_minor > 0),
      currency char(3) not null,
      counterparty text not null,
      remittance text not null,
      invoice_id uuid references b2b_invoices (id),
      matched_by text,
      note text,
      import_file text not null,
      imported_by text not null,
      created_at timestamptz not null default now()
    )`,
    sql`create index b2b_bank_transactions_unmatched on b2b_bank_transactions (booked_on)
      where invoice_id is null`,
  ])
    await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table b2b_bank_transactions`.execute(db);
}
