// Notifications: per-consumer delivery state of outbox events with an attempt log, webhook
// subscriptions, replenishment settings per product, and the alerts that are currently raised.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`create table webhook_subscriptions (
    id uuid primary key,
    url text not null check (url ~ '^https?://'),
    event_types jsonb not null,
    secret text not null,
    description text,
    active boolean not null default true,
    created_at timestamptz not null default now(),
    deleted_at timestamptz
  )`,
  // One row per event and receiver (customer email, team alerts, each webhook subscription), so a
  // failing receiver is retried alone and never causes a redelivery to the others.
  sql`create table outbox_deliveries (
    id uuid primary key,
    event_id uuid not null references outbox_events (id),
    consumer text not null,
    subscription_id uuid references webhook_subscriptions (id),
    status text not null default 'pending' check (status in ('pending', 'delivered', 'skipped', 'dead')),
    attempts integer not null default 0,
    available_at timestamptz not null default now(),
    last_error text,
    delivered_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (event_id, consumer)
  )`,
  sql`create index outbox_deliveries_due on outbox_deliveries (available_at, id) where status = 'pending'`,
  sql`create index outbox_deliveries_subscription on outbox_deliveries (subscription_id, created_at desc, id) where subscription_id is not null`,
  sql`create table delivery_attempts (
    id bigserial primary key,
    delivery_id uuid not null references outbox_deliveries (id),
    attempt integer not null,
    outcome text not null check (outcome in ('delivered', 'skipped', 'failed')),
    response_status integer,
    response_excerpt text,
    error text,
    duration_ms integer not null,
    attempted_at timestamptz not null default now()
  )`,
  sql`create index delivery_attempts_delivery on delivery_attempts (delivery_id, id)`,
  sql`create table product_replenishment (
    sku text primary key references products (sku) on delete cascade,
    reorder_point integer not null check (reorder_point >= 0),
    reorder_quantity integer not null check (reorder_quantity > 0),
    supplier_name text,
    supplier_email text,
    updated_at timestamptz not null default now()
  )`,
  // A raised alert stays here while its condition holds, so the periodic check raises it once;
  // weekly digests leave a row per week for the same reason.
  sql`create table alert_marks (
    kind text not null,
    subject text not null,
    event_id uuid not null,
    raised_at timestamptz not null default now(),
    primary key (kind, subject)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'alert_marks',
    'product_replenishment',
    'delivery_attempts',
    'outbox_deliveries',
    'webhook_subscriptions',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
