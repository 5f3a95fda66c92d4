// Changing where an order ships, before picking starts. Under the order's and its fulfillments'
// row locks (the same locks a station's claim waits on), every open fulfillment must still be
// `released` (or held from released): once a station is picking, the label may already carry the
// old address, so the change is refused with a 409 and nothing is written.
import type { Kysely } from 'kysely';
import type { FulfillmentState } from '../../shared/orders/fulfillment-state';
import type { Database, PostalAddress } from '../db/schema';
import { ApiError } from '../http/api-error';
import { publishFulfillments } from '../sync/projections';
import { lockOrderWithFulfillments } from './order-locks';
import { appendOrderEvents } from './order-writes';

export interface ChangeShipToCommand {
  orderId: string;
  actor: string;
  shipTo: PostalAddress;
  reason: string | undefined;
}

/** True when no work has started on the fulfillment: its address may still change. */
export function notYetPicked(state: FulfillmentState): boolean {
  const status = state.status === 'on_hold' ? state.heldFrom : state.status;
  return status === 'released';
}

export async function changeShipTo(
  db: Kysely<Database>,
  command: ChangeShipToCommand,
): Promise<{ orderId: string; fulfillments: string[] }> {
  return db.transaction().execute(async (trx) => {
    const order = await lockOrderWithFulfillments(trx, command.orderId);
    if (order.state.status === 'cancelled')
      throw new ApiError(409, 'order_cancelled', 'The order is cancelled.', 'status');
    const open = order.fulfillments.filter((f) => f.state.status !== 'cancelled');
    const started = open.filter((f) => !notYetPicked(f.state));
    if (started.length > 0)
      throw new ApiError(
        409,
        'picking_started',
        `Picking has started for fulfillment ${started.map((f) => f.id).join(', ')}: the shipping address can no longer change.`,
        'status',
      );
    const before = await trx
      .selectFrom('orders')
      .select('ship_to')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    // Shipping service, rates and VAT were chosen for the destination country.
    if (before.ship_to.country !== command.shipTo.country)
      throw new ApiError(
        422,
        'country_change',
        `The order ships to ${before.ship_to.country}: an address in another country needs a new order.`,
        'shipTo.country',
      );
    const json = JSON.stringify(command.shipTo);
    await trx
      .updateTable('orders')
      .set({ ship_to: json, updated_at: new Date() })
      .where('id', '=', order.id)
      .execute();
    const ids = open.map((f) => f.id);
    if (ids.length > 0) {
      await trx
        .updateTable('fulfillment_orders')
        .set({ ship_to: json, updated_at: new Date() })
        .where('id', 'in', ids)
        .execute();
      await publishFulfillments(trx, ids);
    }
    await appendOrderEvents(trx, order.id, command.actor, [
      {
        type: 'ship_to_changed',
        detail: {
          from: before.ship_to,
          to: command.shipTo,
          reason: command.reason ?? null,
          fulfillments: ids,
        },
      },
    ]);
    return { orderId: order.id, fulfillments: ids };
  });
}
