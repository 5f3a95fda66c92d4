/**
 * The order lifecycle. The happy path:
 *
 *   placed → allocated → released → picking → packed → shipped → delivered
 *
 * Rules (the table below is the whole truth; these lines explain why):
 * - placed → backordered when sourcing reserved nothing at all; an order with part of its
 *   quantity reserved is `allocated` and its waiting lines are backordered line by line.
 * - backordered → allocated when stock arrives and the order is sourced again.
 * - The order follows its least advanced open fulfillment order (released, picking, packed).
 *   Once one fulfillment ships while others (or backordered lines) are still open it becomes
 *   partially_shipped, and stays there (partially_shipped → partially_shipped is allowed, so
 *   each further shipment is a legal step) until everything has shipped.
 * - on_hold can be entered from any status before the last unit has shipped; releasing the hold
 *   returns the order to exactly the status it was held from (`heldFrom`), or it is cancelled.
 * - Cancel is allowed until the order has shipped anything. A partially shipped, shipped or
 *   delivered order cannot be cancelled (returns handle goods that left the warehouse).
 *   Cancelling while picking or packed is allowed: the warehouse's fulfillment gets a cancel flag.
 * - delivered and cancelled are final.
 */
import { z } from 'zod';
import { defineStatusMachine } from './status-machine';
import type { HoldableState, TransitionResult } from './status-machine';

export const ORDER_STATUSES = [
  'placed',
  'allocated',
  'backordered',
  'released',
  'picking',
  'packed',
  'partially_shipped',
  'shipped',
  'delivered',
  'on_hold',
  'cancelled',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const orderStatusSchema = z.enum(ORDER_STATUSES);

/** Allowed moves, one row per status. Read across: "from ROW it may become ...". */
export const ORDER_TRANSITIONS = {
  placed: ['allocated', 'backordered', 'on_hold', 'cancelled'],
  allocated: ['released', 'on_hold', 'cancelled'],
  backordered: ['allocated', 'on_hold', 'cancelled'],
  released: ['picking', 'partially_shipped', 'on_hold', 'cancelled'],
  picking: ['packed', 'partially_shipped', 'on_hold', 'cancelled'],
  packed: ['shipped', 'partially_shipped', 'on_hold', 'cancelled'],
  partially_shipped: ['partially_shipped', 'shipped', 'on_hold'],
  shipped: ['delivered'],
  delivered: [],
  on_hold: [
    'placed',
    'allocated',
    'backordered',
    'released',
    'picking',
    'packed',
    'partially_shipped',
    'cancelled',
  ],
  cancelled: [],
} as const satisfies Record<OrderStatus, readonly OrderStatus[]>;

const orderMachine = defineStatusMachine<OrderStatus>({
  subject: 'order',
  transitions: ORDER_TRANSITIONS,
  holdStatus: 'on_hold',
  exitsFromHold: ['cancelled'],
});

/** What the order row stores: its status and, while on hold, the status it was held from. */
export type OrderState = HoldableState<OrderStatus>;
export type OrderTransitionResult = TransitionResult<OrderStatus>;

/** The state of a newly placed order. */
export const NEW_ORDER_STATE: OrderState = { status: 'placed', heldFrom: null };

/** True when the table allows `from` → `to`. */
export function canOrderTransition(from: OrderStatus, to: OrderStatus): boolean {
  return orderMachine.canTransition(from, to);
}

/** Moves an order to `to`, or refuses with a reason (map a refusal to HTTP 409). */
export function transitionOrder(current: OrderState, to: OrderStatus): OrderTransitionResult {
  return orderMachine.transition(current, to);
}

/** Releases a hold: back to the status the order was held from. */
export function releaseOrderHold(current: OrderState): OrderTransitionResult {
  return orderMachine.releaseHold(current);
}
