// Returns: RMAs with their lines and event trail, return receipts synced from stations with their
// graded items, refunds (one per RMA, keyed for idempotency) and the orders' payment references.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`create sequence rma_code_seq`,
  sql`create table rmas (
    id uuid primary key,
    code text not null unique,
    order_id uuid not null references orders (id),
    warehouse_code text not null references warehouses (code),
    status text not null check (status in ('authorised', 'in_transit', 'received', 'inspected', 'refunded', 'closed', 'rejected')),
    reason text not null check (reason in ('wrong_size', 'damaged', 'not_as_described', 'arrived_late', 'changed_mind', 'other')),
    reason_text text,
    refund_method text not null check (refund_method in ('original_payment', 'store_credit')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  sql`create index rmas_order on rmas (order_id)`,
  sql`create table rma_lines (
    id uuid primary key,
    rma_id uuid not null references rmas (id),
    order_line_id uuid not null references order_lines (id),
    sku text not null,
    quantity integer not null check (quantity > 0),
    received_quantity integer not null default 0 check (received_quantity >= 0 and received_quantity <= quantity),
    unit_price_minor integer not null check (unit_price_minor >= 0)
  )`,
  sql`create index rma_lines_rma on rma_lines (rma_id)`,
  sql`create index rma_lines_order_line on rma_lines (order_line_id)`,
  sql`create table rma_events (
    id bigserial primary key,
    rma_id uuid not null references rmas (id),
    from_status text,
    to_status text not null,
    actor text not null,
    detail jsonb not null default '{}',
    created_at timestamptz not null default now()
  )`,
  sql`create index rma_events_rma on rma_events (rma_id, id)`,
  sql`create table return_receipts (
    id text primary key,
    rma_id uuid references rmas (id),
    warehouse_code text not null references warehouses (code),
    station_id uuid not null references stations (id),
    operator_id text not null,
    status text not null check (status in ('accepted', 'refused')),
    refusal_reason text,
    -- An unexpected return (no RMA) or wrong/extra items: customer service looks at it.
    needs_review boolean not null default false,
    note text,
    received_at timestamptz not null,
    created_at timestamptz not null default now()
  )`,
  // At most one accepted receipt per RMA: the first one wins.
  sql`create unique index return_receipts_one_accepted on return_receipts (rma_id) where status = 'accepted' and rma_id is not null`,
  sql`create index return_receipts_received on return_receipts (received_at) where status = 'accepted'`,
  sql`create table return_items (
    receipt_id text not null references return_receipts (id),
    item_id text not null,
    sku text not null references products (sku),
    quantity integer not null check (quantity > 0),
    grade text not null check (grade in ('A', 'B', 'C', 'D')),
    disposition text not null check (disposition in ('restock', 'quarantine', 'scrap', 'return_to_vendor')),
    bin_code text,
    match text not null check (match in ('expected', 'wrong_item', 'extra')),
    note text,
    primary key (receipt_id, item_id),
    check (disposition <> 'restock' or bin_code is not null)
  )`,
  sql`create index return_items_sku on return_items (sku)`,
  sql`create table order_payments (
    order_id uuid primary key references orders (id),
    provider text not null,
    payment_reference text not null
  )`,
  sql`create table refunds (
    id uuid primary key,
    rma_id uuid not null unique references rmas (id),
    order_id uuid not null references orders (id),
    idempotency_key text not null unique,
    method text not null,
    provider text not null,
    amount_minor integer not null check (amount_minor > 0),
    currency char(3) not null,
    breakdown jsonb not null,
    status text not null check (status in ('pending', 'issued', 'failed')),
    provider_reference text,
    last_error text,
    created_at timestamptz not null default now(),
    issued_at timestamptz
  )`,
  sql`create index refunds_order on refunds (order_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'refunds',
    'order_payments',
    'return_items',
    'return_receipts',
    'rma_events',
    'rma_lines',
    'rmas',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop sequence if exists rma_code_seq`.execute(db);
}
