// The live VIES answers about EU VAT numbers, kept with their date and consultation number (the
// proof of the check a tax audit asks for) and reused for a few days (tax/vies-check.ts).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table vies_checks (
    vat_number text primary key,
    country_code char(2) not null,
    valid boolean not null,
    request_date text not null,
    consultation_number text,
    trader_name text,
    trader_address text,
    checked_at timestamptz not null default now()
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table vies_checks`.execute(db);
}
