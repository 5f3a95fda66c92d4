/**
 * Where a parcel is, in our words: every carrier's (or shipping platform's) tracking status maps
 * to one of these, or to none (label created, announced: nothing the customer must know).
 *
 * The state of a carton is a pure function of the set of its events, whatever order they arrive
 * in: a final event (delivered, returned to sender) wins over any other; otherwise the event that
 * happened last wins, ties broken by how far along the parcel is. So the same event twice changes
 * nothing, and an old event arriving late never moves the state backwards.
 */
import { z } from 'zod';

export const TRACKING_STATES = [
  'in_transit',
  'out_for_delivery',
  'delivery_failed',
  'exception',
  'returned_to_sender',
  'delivered',
] as const;

export type TrackingState = (typeof TRACKING_STATES)[number];
export const trackingStateSchema = z.enum(TRACKING_STATES);

export const FINAL_TRACKING_STATES: readonly TrackingState[] = ['delivered', 'returned_to_sender'];

/** How far along a parcel is, to break ties between events of the same moment. */
const PROGRESS: Record<TrackingState, number> = {
  in_transit: 1,
  exception: 2,
  delivery_failed: 3,
  out_for_delivery: 4,
  returned_to_sender: 5,
  delivered: 6,
};

export interface TrackedEvent {
  state: TrackingState;
  /** When the carrier says it happened (ISO 8601). */
  occurredAt: string;
}

/** Total order over events: the greater one is the carton's state when both are known. */
export function compareTrackedEvents(a: TrackedEvent, b: TrackedEvent): number {
  const finalA = FINAL_TRACKING_STATES.includes(a.state) ? 1 : 0;
  const finalB = FINAL_TRACKING_STATES.includes(b.state) ? 1 : 0;
  if (finalA !== finalB) return finalA - finalB;
  const timeA = Date.parse(a.occurredAt);
  const timeB = Date.parse(b.occurredAt);
  if (timeA !== timeB) return timeA - timeB;
  return PROGRESS[a.state] - PROGRESS[b.state];
}

/** The carton's state after one more event: never an older or less final one. */
export function nextTrackedEvent(
  current: TrackedEvent | null,
  incoming: TrackedEvent,
): TrackedEvent {
  if (current === null) return incoming;
  return compareTrackedEvents(incoming, current) > 0 ? incoming : current;
}

/**
 * A shipment of several cartons is delivered when every carton is; until then it shows the
 * latest state of any carton that is not delivered yet (one delivered carton of two is still in
 * transit for the customer).
 */
export function shipmentTrackedState(
  cartons: ReadonlyMap<string, TrackedEvent>,
  cartonCount: number,
): TrackedEvent | null {
  const states = [...cartons.values()];
  if (states.length === 0) return null;
  const delivered = states.filter((s) => s.state === 'delivered');
  if (delivered.length === cartonCount && cartonCount > 0)
    return delivered.reduce<TrackedEvent | null>(nextTrackedEvent, null);
  const open = states.filter((s) => s.state !== 'delivered');
  const latestOpen = open.reduce<TrackedEvent | null>(nextTrackedEvent, null);
  if (latestOpen) return latestOpen;
  const latest = delivered.reduce<TrackedEvent | null>(nextTrackedEvent, null)!;
  return { state: 'in_transit', occurredAt: latest.occurredAt };
}
