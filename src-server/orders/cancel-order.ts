// Cancelling an order: the state machine decides whether it may be cancelled (409 and nothing
// changed when not). Reservations are released. Every open fulfillment order is cancelled with
// its cancel flag raised, so a station that already downloaded it sees it must stop.
import type { Kysely, Transaction } from 'kysely';
import { transitionFulfillment } from '../../shared/orders/fulfillment-state';
import { transitionOrder } from '../../shared/orders/order-state';
import type { OrderStatus } from '../../shared/orders/order-state';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { appendOutboxEvents } from '../outbox/outbox';
import { lockOrderWithFulfillments } from './order-locks';
import { appendOrderEvents } from './order-writes';
import { publishFulfillments } from '../sync/projections';

export interface CancelOrderCommand {
  orderId: string;
  actor: string;
  reason: string | undefined;
}

export interface CancelOrderOutcome {
  orderId: string;
  status: OrderStatus;
  releasedUnits: number;
  flaggedFulfillments: string[];
}

export async function cancelOrder(
  db: Kysely<Database>,
  command: CancelOrderCommand,
): Promise<CancelOrderOutcome> {
  return db.transaction().execute((trx) => cancelOrderIn(trx, command));
}

/** The same, inside the caller's transaction (a renewal's order moves with its renewal). */
export async function cancelOrderIn(
  trx: Transaction<Database>,
  command: CancelOrderCommand,
): Promise<CancelOrderOutcome> {
  const order = await lockOrderWithFulfillments(trx, command.orderId);
  const next = transitionOrder(order.state, 'cancelled');
  if (!next.ok) throw new ApiError(409, next.code, next.reason, 'status');

  const flagged: string[] = [];
  for (const f of order.fulfillments) {
    const moved = transitionFulfillment(f.state, 'cancelled');
    if (!moved.ok) continue; // shipped or already cancelled: nothing to stop
    flagged.push(f.id);
  }
  if (flagged.length > 0) {
    await trx
      .updateTable('fulfillment_orders')
      .set({
        status: 'cancelled',
        held_from: null,
        cancel_requested: true,
        updated_at: new Date(),
      })
      .where('id', 'in', flagged)
      .execute();
    await publishFulfillments(trx, flagged);
  }
  const released = await trx
    .updateTable('reservations')
    .set({ released_at: new Date() })
    .where('order_id', '=', order.id)
    .where('released_at', 'is', null)
    .returning('quantity')
    .execute();
  const releasedUnits = released.reduce((sum, r) => sum + r.quantity, 0);

  await trx
    .updateTable('orders')
    .set({ status: next.state.status, held_from: null, updated_at: new Date() })
    .where('id', '=', order.id)
    .execute();
  const detail = {
    from: order.state.status,
    reason: command.reason ?? null,
    releasedUnits,
    flaggedFulfillments: flagged,
  };
  await appendOrderEvents(trx, order.id, command.actor, [{ type: 'cancelled', detail }]);
  await appendOutboxEvents(trx, [
    {
      type: 'order.cancelled',
      aggregateType: 'order',
      aggregateId: order.id,
      payload: { orderId: order.id, ...detail },
    },
  ]);
  return {
    orderId: order.id,
    status: next.state.status,
    releasedUnits,
    flaggedFulfillments: flagged,
  };
}
