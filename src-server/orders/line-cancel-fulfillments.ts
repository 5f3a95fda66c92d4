// What cancelling units of lines does to the warehouse side: the station's pick lines shrink, a
// fulfillment left with nothing to pick is cancelled (its flag raised for a station that holds
// it), and a partially shipped order with nothing left open has shipped.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** Takes `quantity` units of the order line off the fulfillment's pick lines, last bin walked first. */
export async function shrinkPickLines(
  trx: Transaction<Database>,
  fulfillmentId: string,
  orderLineId: string,
  quantity: number,
): Promise<void> {
  const picks = await trx
    .selectFrom('fulfillment_lines')
    .select(['id', 'quantity'])
    .where('fulfillment_id', '=', fulfillmentId)
    .where('order_line_id', '=', orderLineId)
    .orderBy('walk_sequence', 'desc')
    .orderBy('id', 'desc')
    .execute();
  let left = quantity;
  for (const pick of picks) {
    if (left === 0) break;
    const off = Math.min(left, pick.quantity);
    left -= off;
    if (off === pick.quantity)
      await trx.deleteFrom('fulfillment_lines').where('id', '=', pick.id).execute();
    else
      await trx
        .updateTable('fulfillment_lines')
        .set({ quantity: pick.quantity - off })
        .where('id', '=', pick.id)
        .execute();
  }
}

/** Cancels (flag raised) those of `fulfillmentIds` left with no pick line. */
export async function emptyFulfillments(
  trx: Transaction<Database>,
  fulfillmentIds: readonly string[],
): Promise<string[]> {
  if (fulfillmentIds.length === 0) return [];
  const withLines = await trx
    .selectFrom('fulfillment_lines')
    .select('fulfillment_id')
    .distinct()
    .where('fulfillment_id', 'in', fulfillmentIds)
    .execute();
  const kept = new Set(withLines.map((l) => l.fulfillment_id));
  const emptied = fulfillmentIds.filter((id) => !kept.has(id)).sort();
  if (emptied.length > 0)
    await trx
      .updateTable('fulfillment_orders')
      .set({ status: 'cancelled', held_from: null, cancel_requested: true, updated_at: new Date() })
      .where('id', 'in', emptied)
      .execute();
  return emptied;
}

/** A partially shipped order whose last open units were cancelled has shipped everything. */
export async function completePartialShipment(
  trx: Transaction<Database>,
  orderId: string,
  status: string,
): Promise<void> {
  if (status !== 'partially_shipped') return;
  const open = await trx
    .selectFrom('fulfillment_orders')
    .select('id')
    .where('order_id', '=', orderId)
    .where('status', 'not in', ['shipped', 'cancelled'])
    .executeTakeFirst();
  const backordered = await trx
    .selectFrom('order_lines')
    .select('id')
    .where('order_id', '=', orderId)
    .where('backordered_quantity', '>', 0)
    .executeTakeFirst();
  if (!open && !backordered)
    await trx
      .updateTable('orders')
      .set({ status: 'shipped', updated_at: new Date() })
      .where('id', '=', orderId)
      .execute();
}
