// Records what carriers say about cartons (pushed by webhook or polled) and moves the shipment,
// fulfillment and order on. One transaction per event, the shipment row locked: an event seen
// before changes nothing, an older one never moves the state back (shared/carriers/tracking-state),
// and each customer e-mail state (out for delivery, delivered, delivery failed) is announced once.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { nextTrackedEvent, shipmentTrackedState } from '../../shared/carriers/tracking-state';
import type { TrackedEvent, TrackingState } from '../../shared/carriers/tracking-state';
import { transitionOrder } from '../../shared/orders/order-state';
import type { OrderStatus } from '../../shared/orders/order-state';
import type { Database, PostalAddress } from '../db/schema';
import { trackingUrl } from '../notifications/email/tracking-links';
import { appendOrderEvents } from '../orders/order-writes';
import { appendOutboxEvents } from '../outbox/outbox';

/** One tracking event as an adapter read it from the carrier. */
export interface CarrierTrackingEvent {
  trackingNumber: string;
  /** The carrier's identity of the event (its id, or status + time where it has none). */
  eventKey: string;
  carrierStatus: string;
  state: TrackingState | null;
  occurredAt: string;
}

export type TrackingOutcome = 'recorded' | 'duplicate' | 'unknown_tracking_number';

/** The states a customer hears of, each at most once per shipment. */
export const NOTIFIED_STATES = ['out_for_delivery', 'delivered', 'delivery_failed'] as const;
export type NotifiedState = (typeof NOTIFIED_STATES)[number];
export const TRACKING_EMAIL_EVENTS = {
  out_for_delivery: 'shipment.out_for_delivery',
  delivered: 'shipment.delivered',
  delivery_failed: 'shipment.delivery_failed',
} as const;

const asEvent = (state: string | null, at: Date | string | null): TrackedEvent | null =>
  state === null || at === null
    ? null
    : { state: state as TrackingState, occurredAt: new Date(at).toISOString() };

export async function recordTrackingEvent(
  db: Kysely<Database>,
  source: string,
  event: CarrierTrackingEvent,
  trackingUrlTemplate: string,
): Promise<TrackingOutcome> {
  return db.transaction().execute(async (trx) => {
    const carton = await trx
      .selectFrom('cartons as c')
      .innerJoin('shipments as s', 's.id', 'c.shipment_id')
      .innerJoin('fulfillment_orders as f', 'f.id', 's.fulfillment_id')
      .select(['c.sscc', 's.id as shipmentId', 'f.id as fulfillmentId', 'f.order_id as orderId'])
      .where('c.tracking_number', '=', event.trackingNumber)
      .where('s.status', '=', 'accepted')
      .executeTakeFirst();
    if (!carton) return 'unknown_tracking_number';
    const shipment = await trx
      .selectFrom('shipments')
      .select(['id', 'carrier', 'tracking_state', 'tracking_state_at'])
      .where('id', '=', carton.shipmentId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const stored = await trx
      .insertInto('tracking_events')
      .values({
        shipment_id: shipment.id,
        sscc: carton.sscc,
        carrier: shipment.carrier,
        source,
        event_key: event.eventKey,
        carrier_status: event.carrierStatus,
        state: event.state,
        occurred_at: event.occurredAt,
      })
      .onConflict((oc) => oc.columns(['sscc', 'event_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!stored) return 'duplicate';
    if (event.state === null) return 'recorded';

    const cartons = await trx
      .selectFrom('cartons')
      .select(['sscc', 'tracking_state', 'tracking_state_at'])
      .where('shipment_id', '=', shipment.id)
      .execute();
    const byCarton = new Map<string, TrackedEvent>();
    for (const c of cartons) {
      const known = asEvent(c.tracking_state, c.tracking_state_at);
      const now =
        c.sscc === carton.sscc
          ? nextTrackedEvent(known, { state: event.state, occurredAt: event.occurredAt })
          : known;
      if (now) byCarton.set(c.sscc, now);
    }
    const cartonState = byCarton.get(carton.sscc)!;
    await trx
      .updateTable('cartons')
      .set({ tracking_state: cartonState.state, tracking_state_at: cartonState.occurredAt })
      .where('sscc', '=', carton.sscc)
      .execute();
    const before = asEvent(shipment.tracking_state, shipment.tracking_state_at);
    const after = shipmentTrackedState(byCarton, cartons.length)!;
    if (before && before.state === after.state && before.occurredAt === after.occurredAt)
      return 'recorded';
    await trx
      .updateTable('shipments')
      .set({
        tracking_state: after.state,
        tracking_state_at: after.occurredAt,
        delivered_at: after.state === 'delivered' ? after.occurredAt : null,
      })
      .where('id', '=', shipment.id)
      .execute();
    if (before?.state === after.state) return 'recorded';
    await announceState(trx, carton, shipment.carrier, event, after, trackingUrlTemplate);
    return 'recorded';
  });
}

async function announceState(
  trx: Transaction<Database>,
  carton: { sscc: string; shipmentId: string; fulfillmentId: string; orderId: string },
  carrier: string,
  event: CarrierTrackingEvent,
  after: TrackedEvent,
  trackingUrlTemplate: string,
): Promise<void> {
  const order = await trx
    .selectFrom('orders')
    .select('ship_to')
    .where('id', '=', carton.orderId)
    .executeTakeFirstOrThrow();
  const shipTo = order.ship_to as PostalAddress;
  const link = trackingUrl(
    {
      carrier,
      trackingNumber: event.trackingNumber,
      postalCode: shipTo.postalCode,
      country: shipTo.country,
    },
    trackingUrlTemplate,
  );
  await appendOrderEvents(trx, carton.orderId, `carrier:${carrier}`, [
    {
      type: `tracking_${after.state}`,
      detail: {
        fulfillmentId: carton.fulfillmentId,
        shipmentId: carton.shipmentId,
        sscc: carton.sscc,
        carrier,
        trackingNumber: event.trackingNumber,
        trackingUrl: link,
        carrierStatus: event.carrierStatus,
        occurredAt: after.occurredAt,
      },
    },
  ]);
  if ((NOTIFIED_STATES as readonly string[]).includes(after.state)) {
    const state = after.state as NotifiedState;
    const eventId = randomUUID();
    const first = await trx
      .insertInto('tracking_notices')
      .values({ shipment_id: carton.shipmentId, state, event_id: eventId })
      .onConflict((oc) => oc.columns(['shipment_id', 'state']).doNothing())
      .returning('event_id')
      .executeTakeFirst();
    if (first) {
      const trackingNumbers = await trx
        .selectFrom('cartons')
        .select('tracking_number')
        .where('shipment_id', '=', carton.shipmentId)
        .where('tracking_number', 'is not', null)
        .orderBy('sscc')
        .execute();
      await appendOutboxEvents(trx, [
        {
          id: eventId,
          type: TRACKING_EMAIL_EVENTS[state],
          aggregateType: 'order',
          aggregateId: carton.orderId,
          payload: {
            orderId: carton.orderId,
            fulfillmentId: carton.fulfillmentId,
            shipmentId: carton.shipmentId,
            carrier,
            state,
            occurredAt: after.occurredAt,
            carrierStatus: event.carrierStatus,
            cartons: trackingNumbers.map((c) => ({ trackingNumber: c.tracking_number })),
          },
        },
      ]);
    }
  }
  if (after.state === 'delivered') await deliverFulfillment(trx, carton, after.occurredAt);
}

/** The fulfillment is delivered with its shipment; the order once every shipped part is. */
async function deliverFulfillment(
  trx: Transaction<Database>,
  carton: { shipmentId: string; fulfillmentId: string; orderId: string },
  deliveredAt: string,
): Promise<void> {
  await trx
    .updateTable('fulfillment_orders')
    .set({ delivered_at: deliveredAt, updated_at: new Date() })
    .where('id', '=', carton.fulfillmentId)
    .where('delivered_at', 'is', null)
    .execute();
  const order = await trx
    .selectFrom('orders')
    .select(['status', 'held_from'])
    .where('id', '=', carton.orderId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const open = await trx
    .selectFrom('fulfillment_orders')
    .select('id')
    .where('order_id', '=', carton.orderId)
    .where((eb) =>
      eb.or([
        eb('status', 'not in', ['shipped', 'cancelled']),
        eb.and([eb('status', '=', 'shipped'), eb('delivered_at', 'is', null)]),
      ]),
    )
    .execute();
  if (open.length > 0) return;
  const moved = transitionOrder(
    { status: order.status as OrderStatus, heldFrom: order.held_from as OrderStatus | null },
    'delivered',
  );
  if (!moved.ok) return;
  await trx
    .updateTable('orders')
    .set({ status: 'delivered', updated_at: new Date() })
    .where('id', '=', carton.orderId)
    .execute();
  await appendOrderEvents(trx, carton.orderId, 'carrier', [
    { type: 'delivered', detail: { shipmentId: carton.shipmentId, deliveredAt } },
  ]);
  await appendOutboxEvents(trx, [
    {
      type: 'order.delivered',
      aggregateType: 'order',
      aggregateId: carton.orderId,
      payload: { orderId: carton.orderId, deliveredAt },
    },
  ]);
}
