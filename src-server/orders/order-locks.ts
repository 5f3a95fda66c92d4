// The start of every change to an order's status: the order and its fulfillment orders read
// under row locks (fulfillments in id order), as the state machines' states.
import type { Transaction } from 'kysely';
import type { FulfillmentState, FulfillmentStatus } from '../../shared/orders/fulfillment-state';
import type { OrderState, OrderStatus } from '../../shared/orders/order-state';
import type { Database } from '../db/schema';
import { notFound } from '../http/api-error';

export interface LockedOrder {
  id: string;
  state: OrderState;
  fulfillments: { id: string; state: FulfillmentState }[];
}

/** Locks the order and its fulfillment orders; 404 when there is no such order. */
export async function lockOrderWithFulfillments(
  trx: Transaction<Database>,
  orderId: string,
): Promise<LockedOrder> {
  const order = await trx
    .selectFrom('orders')
    .select(['id', 'status', 'held_from'])
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!order) throw notFound(`Order ${orderId}`);
  const fulfillments = await trx
    .selectFrom('fulfillment_orders')
    .select(['id', 'status', 'held_from'])
    .where('order_id', '=', order.id)
    .orderBy('id')
    .forUpdate()
    .execute();
  return {
    id: order.id,
    state: { status: order.status as OrderStatus, heldFrom: order.held_from as OrderStatus | null },
    fulfillments: fulfillments.map((f) => ({
      id: f.id,
      state: {
        status: f.status as FulfillmentStatus,
        heldFrom: f.held_from as FulfillmentStatus | null,
      },
    })),
  };
}
