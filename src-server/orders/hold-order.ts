// Putting an order on hold (a payment check, an address to confirm) and releasing it. Its
// reservations stay; every open fulfillment order goes on hold with it, so the warehouse's
// stations stop offering it and refuse a shipment for it, and releasing the hold returns the
// order and each fulfillment to exactly the status they were held from. The state machines
// decide (409 and nothing changed when a move is not allowed).
import type { Kysely, Transaction } from 'kysely';
import {
  releaseFulfillmentHold,
  transitionFulfillment,
} from '../../shared/orders/fulfillment-state';
import { releaseOrderHold, transitionOrder } from '../../shared/orders/order-state';
import type { OrderStatus } from '../../shared/orders/order-state';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { publishFulfillments } from '../sync/projections';
import { lockOrderWithFulfillments } from './order-locks';
import { appendOrderEvents } from './order-writes';

export interface HoldCommand {
  orderId: string;
  actor: string;
  /** true: put on hold; false: release the hold. */
  hold: boolean;
  reason: string | undefined;
}

export interface HoldOutcome {
  orderId: string;
  status: OrderStatus;
  /** The fulfillment orders that went on hold or came off it with the order. */
  fulfillments: string[];
}

export async function setOrderHold(
  db: Kysely<Database>,
  command: HoldCommand,
): Promise<HoldOutcome> {
  return db.transaction().execute((trx) => setOrderHoldIn(trx, command));
}

/** The same, inside the caller's transaction (a renewal's order moves with its renewal). */
export async function setOrderHoldIn(
  trx: Transaction<Database>,
  command: HoldCommand,
): Promise<HoldOutcome> {
  const order = await lockOrderWithFulfillments(trx, command.orderId);
  const next = command.hold
    ? transitionOrder(order.state, 'on_hold')
    : releaseOrderHold(order.state);
  if (!next.ok) throw new ApiError(409, next.code, next.reason, 'status');

  const moved: string[] = [];
  for (const f of order.fulfillments) {
    // Shipped and cancelled fulfillments have nothing to hold (or release).
    const step = command.hold
      ? transitionFulfillment(f.state, 'on_hold')
      : f.state.status === 'on_hold'
        ? releaseFulfillmentHold(f.state)
        : null;
    if (!step?.ok) continue;
    await trx
      .updateTable('fulfillment_orders')
      .set({ status: step.state.status, held_from: step.state.heldFrom, updated_at: new Date() })
      .where('id', '=', f.id)
      .execute();
    moved.push(f.id);
  }
  await publishFulfillments(trx, moved);
  await trx
    .updateTable('orders')
    .set({ status: next.state.status, held_from: next.state.heldFrom, updated_at: new Date() })
    .where('id', '=', order.id)
    .execute();
  await appendOrderEvents(trx, order.id, command.actor, [
    {
      type: command.hold ? 'on_hold' : 'hold_released',
      detail: {
        from: order.state.status,
        to: next.state.status,
        reason: command.reason ?? null,
        fulfillments: moved,
      },
    },
  ]);
  return { orderId: order.id, status: next.state.status, fulfillments: moved };
}
