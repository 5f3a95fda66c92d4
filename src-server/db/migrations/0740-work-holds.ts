// Work a station holds, and carton numbers stations voided. A hold is "held" while its last
// progress is recent: whether it has timed out is derived from `last_progress_at` in the database
// by whichever instance looks, so restarts and several instances agree without any timer state.
// A voided SSCC is never accepted on a shipment again.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table work_holds (
    fulfillment_id uuid not null references fulfillment_orders (id),
    station_id uuid not null references stations (id),
    warehouse_code text not null,
    operator_id text,
    stage text not null,
    started_at timestamptz not null,
    last_progress_at timestamptz not null,
    primary key (fulfillment_id, station_id)
  )`.execute(db);
  await sql`create index work_holds_by_progress on work_holds (last_progress_at)`.execute(db);
  await sql`create index work_holds_by_warehouse on work_holds (warehouse_code, last_progress_at)`.execute(
    db,
  );
  await sql`create table voided_ssccs (
    sscc char(18) primary key,
    station_id uuid not null references stations (id),
    shipment_id text not null,
    fulfillment_id text not null,
    voided_at timestamptz not null default now()
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table voided_ssccs`.execute(db);
  await sql`drop table work_holds`.execute(db);
}
