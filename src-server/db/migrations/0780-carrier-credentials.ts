// Carrier credentials per warehouse, sealed with AES-256-GCM (key from CARRIER_SECRET_KEY): the
// database holds only the sealed form. `fallback_to_own` is the back office's explicit choice
// that this carrier's cartons may go as the own carrier when it cannot be labelled.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table carrier_credentials (
    warehouse_code text not null references warehouses (code),
    carrier text not null,
    sealed text,
    fallback_to_own boolean not null default false,
    updated_at timestamptz not null default now(),
    primary key (warehouse_code, carrier)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table carrier_credentials`.execute(db);
}
