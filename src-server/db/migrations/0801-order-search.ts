// Indexes for the back office's order search (GET /v1/orders filters): each filter can start
// from an index instead of reading every order. Customer names are searched word by word
// (a word prefix, any order) with PostgreSQL's built-in full-text search, which PGlite has too.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const INDEXES = {
  orders_email: sql`create index orders_email on orders (lower(email))`,
  orders_po_number: sql`create index orders_po_number on orders (po_number) where po_number is not null`,
  orders_channel_order_ref: sql`create index orders_channel_order_ref on orders (channel_order_ref)`,
  orders_status_placed: sql`create index orders_status_placed on orders (status, placed_at desc, id)`,
  orders_customer: sql`create index orders_customer on orders (customer_id) where customer_id is not null`,
  orders_ship_to_name: sql`create index orders_ship_to_name on orders using gin (to_tsvector('simple', ship_to ->> 'name'))`,
  customers_name: sql`create index customers_name on customers using gin (to_tsvector('simple', name))`,
  order_lines_sku: sql`create index order_lines_sku on order_lines (sku, order_id)`,
  fulfillment_orders_warehouse_order: sql`create index fulfillment_orders_warehouse_order on fulfillment_orders (warehouse_code, order_id)`,
  cartons_tracking_number: sql`create index cartons_tracking_number on cartons (tracking_number) where tracking_number is not null`,
  cartons_shipment: sql`create index cartons_shipment on cartons (shipment_id)`,
  shipments_fulfillment: sql`create index shipments_fulfillment on shipments (fulfillment_id)`,
};

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of Object.values(INDEXES)) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of Object.keys(INDEXES)) {
    await sql`drop index if exists ${sql.id(name)}`.execute(db);
  }
}
