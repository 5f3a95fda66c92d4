// How audited objects are read for their before/after state: each read locks the object's row
// (FOR UPDATE) so the "before" is what the change starts from. Secrets are redacted by audit.ts.
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Trx = Transaction<Database>;

/** One row of a table by its key column, locked; null when there is none. The caller has
 * validated the id's type (a UUID column is only given a UUID). */
export function rowSnapshot(table: keyof Database & string, keyColumn: string) {
  return async (trx: Trx, id: string): Promise<Record<string, unknown> | null> => {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}
      where ${sql.ref(keyColumn)} = ${id} for update`.execute(trx);
    return rows[0] ?? null;
  };
}

/** An order's status with its fulfillment orders' statuses (holds and cancels move both). */
export async function orderSnapshot(trx: Trx, orderId: string) {
  const order = await trx
    .selectFrom('orders')
    .select(['id', 'status', 'held_from'])
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!order) return null;
  const fulfillments = await trx
    .selectFrom('fulfillment_orders')
    .select(['id', 'warehouse_code', 'status', 'held_from', 'cancel_requested'])
    .where('order_id', '=', order.id)
    .orderBy('id')
    .execute();
  return { status: order.status, heldFrom: order.held_from, fulfillments };
}

/** An order's shipping address with its status (the address is what changes). */
export async function shipToSnapshot(trx: Trx, orderId: string) {
  const state = await orderSnapshot(trx, orderId);
  if (!state) return null;
  const { ship_to } = await trx
    .selectFrom('orders')
    .select('ship_to')
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  return { ...state, shipTo: ship_to };
}

/** An order's lines (what is still ordered and what was cancelled) with its total and status. */
export async function orderLinesSnapshot(trx: Trx, orderId: string) {
  const state = await orderSnapshot(trx, orderId);
  if (!state) return null;
  const [order, lines] = await Promise.all([
    trx
      .selectFrom('orders')
      .select('total_minor')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('order_lines')
      .select(['id', 'line_no', 'sku', 'quantity', 'cancelled_quantity', 'gross_minor'])
      .where('order_id', '=', orderId)
      .orderBy('line_no')
      .execute(),
  ]);
  return { ...state, totalMinor: order.total_minor, lines };
}
