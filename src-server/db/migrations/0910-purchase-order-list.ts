// The purchase order list (GET /v1/purchase-orders) is newest first, keyset-paged on
// (created_at, number), optionally for one status: one index for each way in.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index purchase_orders_newest on purchase_orders (created_at, number)`.execute(
    db,
  );
  await sql`create index purchase_orders_status_newest
    on purchase_orders (status, created_at, number)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists purchase_orders_status_newest`.execute(db);
  await sql`drop index if exists purchase_orders_newest`.execute(db);
}
