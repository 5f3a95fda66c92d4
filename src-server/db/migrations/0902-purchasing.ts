// Replenishment: suppliers and what they supply per SKU × warehouse (lead time, minimum order,
// pack size, cost, target service level), purchase orders with their lines, and receiving by
// scan: every scan stored once (its id) and every stock change recorded as a movement.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`create table suppliers (
    code text primary key,
    name text not null,
    email text,
    locale text not null default 'en',
    created_at timestamptz not null default now()
  )`,
  sql`create table supplier_products (
    supplier_code text not null references suppliers (code),
    warehouse_code text not null references warehouses (code),
    sku text not null references products (sku),
    lead_time_days integer not null check (lead_time_days between 0 and 365),
    review_days integer not null default 7 check (review_days between 1 and 91),
    minimum_order_quantity integer not null default 1 check (minimum_order_quantity >= 1),
    pack_size integer not null default 1 check (pack_size >= 1),
    unit_cost_minor integer not null check (unit_cost_minor >= 0),
    currency char(3) not null,
    service_level double precision not null default 0.95
      check (service_level >= 0.5 and service_level < 1),
    primary key (supplier_code, warehouse_code, sku)
  )`,
  sql`create index supplier_products_sku on supplier_products (sku, warehouse_code)`,
  sql`create table purchase_orders (
    id uuid primary key,
    number text not null unique,
    supplier_code text not null references suppliers (code),
    warehouse_code text not null references warehouses (code),
    status text not null check (status in ('draft', 'approved', 'sent', 'receiving', 'received', 'cancelled')),
    currency char(3) not null,
    expected_date date,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  sql`create sequence purchase_order_numbers`,
  sql`create table purchase_order_lines (
    id uuid primary key,
    purchase_order_id uuid not null references purchase_orders (id),
    sku text not null references products (sku),
    quantity integer not null check (quantity > 0),
    unit_cost_minor integer not null,
    received_quantity integer not null default 0 check (received_quantity >= 0),
    reason text,
    unique (purchase_order_id, sku)
  )`,
  sql`create table receiving_scans (
    id uuid primary key,
    purchase_order_id uuid not null references purchase_orders (id),
    sku text not null,
    quantity integer not null check (quantity > 0),
    bin_code text not null,
    match text not null check (match in ('expected', 'over', 'unexpected')),
    lot text,
    expiry date,
    scanned_at timestamptz not null default now()
  )`,
  sql`create table stock_movements (
    id bigserial primary key,
    warehouse_code text not null,
    sku text not null,
    bin_code text not null,
    quantity integer not null,
    reason text not null,
    reference text not null,
    created_at timestamptz not null default now()
  )`,
  sql`create index stock_movements_sku on stock_movements (sku, warehouse_code, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'stock_movements',
    'receiving_scans',
    'purchase_order_lines',
    'purchase_orders',
    'supplier_products',
    'suppliers',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop sequence if exists purchase_order_numbers`.execute(db);
}
