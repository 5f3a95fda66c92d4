/**
 * The fulfillment order lifecycle: the part of an order one warehouse ships.
 *
 *   released → picking → packed → shipped
 *
 * Rules:
 * - A fulfillment order is created `released`, when the warehouse may start work on it.
 * - picking → released is allowed: a packer may put an order back in the queue untouched.
 * - on_hold from released, picking or packed; releasing the hold returns to exactly the status it
 *   was held from (`heldFrom`), or it is cancelled.
 * - Cancel is allowed until shipped. When the station already holds it (picking, packed) the
 *   central OMS raises a cancel flag that the station sees by sync; it becomes `cancelled` here.
 * - shipped and cancelled are final: a shipped carton is undone by a return, not a transition.
 */
import { z } from 'zod';
import { defineStatusMachine } from './status-machine';
import type { HoldableState, TransitionResult } from './status-machine';

export const FULFILLMENT_STATUSES = [
  'released',
  'picking',
  'packed',
  'shipped',
  'on_hold',
  'cancelled',
] as const;

export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

export const fulfillmentStatusSchema = z.enum(FULFILLMENT_STATUSES);

/** Allowed moves, one row per status. Read across: "from ROW it may become ...". */
export const FULFILLMENT_TRANSITIONS = {
  released: ['picking', 'on_hold', 'cancelled'],
  picking: ['packed', 'released', 'on_hold', 'cancelled'],
  packed: ['shipped', 'on_hold', 'cancelled'],
  shipped: [],
  on_hold: ['released', 'picking', 'packed', 'cancelled'],
  cancelled: [],
} as const satisfies Record<FulfillmentStatus, readonly FulfillmentStatus[]>;

const fulfillmentMachine = defineStatusMachine<FulfillmentStatus>({
  subject: 'fulfillment order',
  transitions: FULFILLMENT_TRANSITIONS,
  holdStatus: 'on_hold',
  exitsFromHold: ['cancelled'],
});

export type FulfillmentState = HoldableState<FulfillmentStatus>;
export type FulfillmentTransitionResult = TransitionResult<FulfillmentStatus>;

export const NEW_FULFILLMENT_STATE: FulfillmentState = { status: 'released', heldFrom: null };

export function canFulfillmentTransition(from: FulfillmentStatus, to: FulfillmentStatus): boolean {
  return fulfillmentMachine.canTransition(from, to);
}

export function transitionFulfillment(
  current: FulfillmentState,
  to: FulfillmentStatus,
): FulfillmentTransitionResult {
  return fulfillmentMachine.transition(current, to);
}

export function releaseFulfillmentHold(current: FulfillmentState): FulfillmentTransitionResult {
  return fulfillmentMachine.releaseHold(current);
}
