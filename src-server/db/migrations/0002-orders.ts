// Orders, their append-only event trail, reservations, fulfillment orders, idempotency records
// and the transactional outbox.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`create table orders (
    id uuid primary key,
    channel_code text not null references channels (code),
    channel_order_ref text not null,
    customer_id uuid references customers (id),
    buyer_id uuid references customer_buyers (id),
    po_number text,
    currency char(3) not null,
    status text not null,
    held_from text,
    email text,
    ship_to jsonb not null,
    bill_to jsonb,
    promised_delivery_date date,
    subtotal_minor integer not null check (subtotal_minor >= 0),
    shipping_charged_minor integer not null check (shipping_charged_minor >= 0),
    total_minor integer not null check (total_minor >= 0),
    shipping_cost_minor integer not null default 0,
    placed_at timestamptz not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (channel_code, channel_order_ref)
  )`,
  sql`create index orders_channel_placed on orders (channel_code, placed_at desc, id)`,
  sql`create index orders_placed on orders (placed_at desc, id)`,
  sql`create table order_lines (
    id uuid primary key,
    order_id uuid not null references orders (id),
    line_no integer not null,
    sku text not null references products (sku),
    name text not null,
    quantity integer not null check (quantity > 0),
    unit_price_minor integer not null check (unit_price_minor >= 0),
    line_total_minor integer not null check (line_total_minor >= 0),
    backordered_quantity integer not null default 0 check (backordered_quantity >= 0),
    unique (order_id, line_no)
  )`,
  sql`create table order_events (
    id bigserial primary key,
    order_id uuid not null references orders (id),
    type text not null,
    actor text not null,
    detail jsonb not null default '{}',
    created_at timestamptz not null default now()
  )`,
  sql`create index order_events_order on order_events (order_id, id)`,
  // The trail is evidence: rows may be added, never changed or removed.
  sql`create function refuse_order_event_change() returns trigger language plpgsql as $$
    begin
      raise exception 'order_events is append-only';
    end
  $$`,
  sql`create trigger order_events_append_only before update or delete on order_events
    for each row execute function refuse_order_event_change()`,
  sql`create table fulfillment_orders (
    id uuid primary key,
    order_id uuid not null references orders (id),
    warehouse_code text not null references warehouses (code),
    status text not null,
    held_from text,
    cancel_requested boolean not null default false,
    ship_to jsonb not null,
    carrier_code text,
    service_code text,
    shipping_cost_minor integer not null default 0,
    currency char(3) not null,
    distance_km double precision not null,
    transit_days integer,
    promised_delivery_date date,
    released_at timestamptz not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  sql`create index fulfillment_orders_order on fulfillment_orders (order_id)`,
  sql`create index fulfillment_orders_queue on fulfillment_orders (warehouse_code, status, released_at, id)`,
  sql`create table fulfillment_lines (
    id uuid primary key,
    fulfillment_id uuid not null references fulfillment_orders (id),
    order_line_id uuid not null references order_lines (id),
    sku text not null,
    quantity integer not null check (quantity > 0),
    bin_code text not null,
    walk_sequence integer not null
  )`,
  sql`create index fulfillment_lines_fulfillment on fulfillment_lines (fulfillment_id, walk_sequence)`,
  sql`create table reservations (
    id uuid primary key,
    order_id uuid not null references orders (id),
    order_line_id uuid not null references order_lines (id),
    fulfillment_id uuid not null references fulfillment_orders (id),
    warehouse_code text not null,
    sku text not null,
    quantity integer not null check (quantity > 0),
    created_at timestamptz not null default now(),
    released_at timestamptz
  )`,
  sql`create index reservations_active on reservations (sku, warehouse_code) include (quantity) where released_at is null`,
  sql`create index reservations_order on reservations (order_id)`,
  sql`create table idempotency_keys (
    scope text not null,
    key text not null,
    request_hash text not null,
    status_code integer not null,
    response jsonb not null,
    created_at timestamptz not null default now(),
    primary key (scope, key)
  )`,
  sql`create table outbox_events (
    id uuid primary key,
    type text not null,
    aggregate_type text not null,
    aggregate_id text not null,
    payload jsonb not null,
    status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
    attempts integer not null default 0,
    available_at timestamptz not null default now(),
    created_at timestamptz not null default now()
  )`,
  sql`create index outbox_events_pending on outbox_events (available_at, id) where status = 'pending'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'outbox_events',
    'idempotency_keys',
    'reservations',
    'fulfillment_lines',
    'fulfillment_orders',
    'order_events',
    'order_lines',
    'orders',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists refuse_order_event_change()`.execute(db);
}
