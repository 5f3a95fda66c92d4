// Every order list filter gets an index that hands rows out already in the list's order
// (placed_at, id, newest first by scanning backwards), so a page reads about a page of rows
// however many orders are stored: by status, by channel, by both, and by date range on any of
// them. The old (placed_at desc, id) indexes sorted id the other way than the list, so each page
// re-sorted its rows and a status filter walked every order. A warehouse filter checks each
// candidate order's fulfillments in (order_id, warehouse_code) without reading the table.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`create index orders_keyset on orders (placed_at, id)`,
  sql`create index orders_status_keyset on orders (status, placed_at, id)`,
  sql`create index orders_channel_keyset on orders (channel_code, placed_at, id)`,
  sql`create index orders_channel_status_keyset on orders (channel_code, status, placed_at, id)`,
  sql`drop index orders_placed`,
  sql`drop index orders_channel_placed`,
  sql`create index fulfillment_orders_order_warehouse on fulfillment_orders (order_id, warehouse_code)`,
  sql`drop index fulfillment_orders_order`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`create index fulfillment_orders_order on fulfillment_orders (order_id)`,
    sql`drop index fulfillment_orders_order_warehouse`,
    sql`create index orders_channel_placed on orders (channel_code, placed_at desc, id)`,
    sql`create index orders_placed on orders (placed_at desc, id)`,
    sql`drop index orders_channel_status_keyset`,
    sql`drop index orders_channel_keyset`,
    sql`drop index orders_status_keyset`,
    sql`drop index orders_keyset`,
  ])
    await statement.execute(db);
}
