// Outbox claims follow a heartbeat instead of a fixed lease: each running dispatcher has a row it
// renews every second or so, and a delivery it is sending names it in `claimed_by`. When a
// dispatcher's heartbeat stops (a crash, a kill), another frees its claims within seconds.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table outbox_dispatchers (
    id uuid primary key,
    started_at timestamptz not null default now(),
    heartbeat_at timestamptz not null default now()
  )`.execute(db);
  await sql`alter table outbox_deliveries add column claimed_by uuid`.execute(db);
  await sql`create index outbox_deliveries_claimed on outbox_deliveries (claimed_by) where claimed_by is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index outbox_deliveries_claimed`.execute(db);
  await sql`alter table outbox_deliveries drop column claimed_by`.execute(db);
  await sql`drop table outbox_dispatchers`.execute(db);
}
