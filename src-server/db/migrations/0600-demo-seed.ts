// Where the demo seed got to. The catalogue is seeded before the server serves, the orders and
// the shipped history while it serves; a stop in between (Ctrl-C) leaves a row here without
// `activity_finished_at`. The next start then places the orders still missing, with the sizes
// recorded here; a history that had started is kept as it is.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table demo_seed (
    seed text primary key,
    product_count integer not null,
    order_count integer not null,
    catalogue_seeded_at timestamptz not null default now(),
    history_started_at timestamptz,
    activity_finished_at timestamptz
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table demo_seed`.execute(db);
}
