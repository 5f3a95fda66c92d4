// The inventory ledger: every change of on-hand stock is a movement (warehouse, bin, SKU, signed
// quantity, reason code, what it refers to, who did it), written in the same transaction as the
// change, so on hand per bin is always the sum of its movements. Stock on hand before this
// migration becomes one opening balance per bin. Transfers between warehouses: the lines
// leave the source bins at once (transfer_out) and are inbound at the destination until
// received there by scan (transfer_in), each scan stored once under its id.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`create table inventory_movements (
    id bigserial primary key,
    warehouse_code text not null,
    bin_code text not null,
    sku text not null,
    quantity integer not null check (quantity <> 0),
    reason text not null,
    reference_kind text not null,
    reference_id text not null,
    note text,
    actor_type text not null,
    actor_id text not null,
    actor_label text,
    created_at timestamptz not null default now()
  )`,
  sql`create index inventory_movements_warehouse on inventory_movements (warehouse_code, id)`,
  sql`create index inventory_movements_sku on inventory_movements (warehouse_code, sku, id)`,
  sql`create index inventory_movements_reference on inventory_movements (reference_kind, reference_id)`,
  sql`insert into inventory_movements
      (warehouse_code, bin_code, sku, quantity, reason, reference_kind, reference_id, actor_type, actor_id)
    select warehouse_code, bin_code, sku, on_hand, 'opening_balance', 'seed', '0820-inventory-movements', 'system', 'system'
    from stock where on_hand <> 0
    order by warehouse_code, sku, bin_code`,
  sql`create sequence stock_transfer_numbers`,
  sql`create table stock_transfers (
    id uuid primary key,
    number text not null unique,
    from_warehouse_code text not null references warehouses (code),
    to_warehouse_code text not null references warehouses (code),
    status text not null check (status in ('in_transit', 'received')),
    note text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (from_warehouse_code <> to_warehouse_code)
  )`,
  sql`create index stock_transfers_to on stock_transfers (to_warehouse_code, status)`,
  sql`create table stock_transfer_lines (
    transfer_id uuid not null references stock_transfers (id),
    sku text not null references products (sku),
    quantity integer not null check (quantity > 0),
    received_quantity integer not null default 0 check (received_quantity >= 0),
    primary key (transfer_id, sku)
  )`,
  sql`create table stock_transfer_receipts (
    id uuid primary key,
    transfer_id uuid not null references stock_transfers (id),
    sku text not null,
    quantity integer not null check (quantity > 0),
    bin_code text not null,
    scanned_at timestamptz not null default now()
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'stock_transfer_receipts',
    'stock_transfer_lines',
    'stock_transfers',
    'inventory_movements',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop sequence if exists stock_transfer_numbers`.execute(db);
}
