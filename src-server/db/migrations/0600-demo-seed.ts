// Where the demo seed got to. The catalogue is seeded before the server serves, the orders and
// the shipped history while it serves; a stop in between (Ctrl-C) leaves a row here without
// `activity_finished_at`, and the next start finishes the demo instead of keeping half of it.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table demo_seed (
    seed text primary key,
    catalogue_seeded_at timestamptz not null default now(),
    history_started_at timestamptz,
    activity_finished_at timestamptz
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table demo_seed`.execute(db);
}
