// Carrier tracking: every event a carrier or shipping platform reported for a carton (pushed by
// webhook or polled), once each (`event_key`), and the state it left the shipment in. A
// fulfillment is delivered when its shipment is; `tracking_notices` remembers which customer
// e-mail each shipment state already sent, so none is sent twice.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const STATES = `'in_transit', 'out_for_delivery', 'delivery_failed', 'exception', 'returned_to_sender', 'delivered'`;

const upStatements = [
  sql`create table tracking_events (
    id bigserial primary key,
    shipment_id text not null references shipments (id),
    sscc char(18) not null references cartons (sscc),
    carrier text not null,
    source text not null,
    event_key text not null,
    carrier_status text not null,
    state text check (state in (${sql.raw(STATES)})),
    occurred_at timestamptz not null,
    received_at timestamptz not null default now(),
    unique (sscc, event_key)
  )`,
  sql`create index tracking_events_shipment on tracking_events (shipment_id, occurred_at)`,
  sql`alter table shipments
    add column tracking_state text check (tracking_state in (${sql.raw(STATES)})),
    add column tracking_state_at timestamptz,
    add column tracking_polled_at timestamptz,
    add column delivered_at timestamptz`,
  // What the poller and the late-delivery alert look for: accepted shipments not yet final.
  sql`create index shipments_tracking_open on shipments (carrier, tracking_polled_at)
    where status = 'accepted' and (tracking_state is null
      or tracking_state not in ('delivered', 'returned_to_sender'))`,
  sql`alter table cartons
    add column tracking_state text check (tracking_state in (${sql.raw(STATES)})),
    add column tracking_state_at timestamptz`,
  sql`alter table fulfillment_orders add column delivered_at timestamptz`,
  sql`create table tracking_notices (
    shipment_id text not null references shipments (id),
    state text not null,
    event_id uuid not null,
    created_at timestamptz not null default now(),
    primary key (shipment_id, state)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists tracking_notices`.execute(db);
  await sql`alter table fulfillment_orders drop column if exists delivered_at`.execute(db);
  await sql`alter table cartons drop column if exists tracking_state, drop column if exists tracking_state_at`.execute(
    db,
  );
  await sql`drop index if exists shipments_tracking_open`.execute(db);
  await sql`alter table shipments drop column if exists tracking_state, drop column if exists tracking_state_at,
    drop column if exists tracking_polled_at, drop column if exists delivered_at`.execute(db);
  await sql`drop table if exists tracking_events`.execute(db);
}
