// Shipping, short picks and holds find a fulfillment's open reservations. Without this index each
// of them scanned every open reservation of the whole OMS.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index reservations_open_by_fulfillment on reservations (fulfillment_id)
    where released_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index reservations_open_by_fulfillment`.execute(db);
}
