// 0801 added orders_status_placed (status, placed_at desc, id) for the status filter, but 0770's
// orders_status_keyset (status, placed_at, id) already serves it: the list sorts placed_at and id
// the same way, so one index read forwards or backwards covers both directions. A second copy
// only slows every order written.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists orders_status_placed`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index orders_status_placed on orders (status, placed_at desc, id)`.execute(db);
}
