// Which products need a lot, an expiry date or a serial number captured at packing (from the
// GS1 code on the item): the station refuses to pack them without it.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table products
    add column requires_lot boolean not null default false,
    add column requires_expiry boolean not null default false,
    add column requires_serial boolean not null default false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table products
    drop column requires_lot, drop column requires_expiry, drop column requires_serial`.execute(db);
}
