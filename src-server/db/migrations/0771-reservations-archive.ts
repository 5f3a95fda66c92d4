// Reservations stay small: a reservation released (shipped, cancelled, short-picked) is history,
// moved to reservations_archive by the housekeeping sweep (inventory/reservation-archive.ts). Every
// insert and lock of intake touches the reservations table and its indexes; with the finished ones
// gone they hold the open reservations alone, however many orders were ever placed.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table reservations_archive (like reservations including defaults)`.execute(db);
  await sql`alter table reservations_archive add primary key (id)`.execute(db);
  await sql`create index reservations_archive_order on reservations_archive (order_id)`.execute(db);
  await sql`create index reservations_released on reservations (released_at)
    where released_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index reservations_released`.execute(db);
  await sql`insert into reservations select * from reservations_archive`.execute(db);
  await sql`drop table reservations_archive`.execute(db);
}
