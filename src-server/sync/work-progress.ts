// Pick/pack progress from a station. The central OMS follows it: a fulfillment a packer started
// moves to `picking` and is held by that station (work-holds.ts), each new short pick releases
// the missing units' reservation and backorders them on the order, with an event for the people
// who re-source it, and work the station gave back (released) no longer holds the fulfillment.
import type { Transaction } from 'kysely';
import type { FulfillmentStatus } from '../../shared/orders/fulfillment-state';
import { transitionFulfillment } from '../../shared/orders/fulfillment-state';
import type { WorkDoc } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { appendOrderEvents } from '../orders/order-writes';
import { appendOutboxEvents } from '../outbox/outbox';
import type { StationIdentity } from '../stations/stations';
import { publishFulfillments } from './projections';
import { endHold, FINAL_STATUSES, recordHold } from './work-holds';

export async function applyWork(
  trx: Transaction<Database>,
  station: StationIdentity,
  work: WorkDoc,
  previous: WorkDoc | null,
): Promise<void> {
  const fulfillment = await trx
    .selectFrom('fulfillment_orders')
    .select(['id', 'order_id', 'status', 'held_from', 'warehouse_code'])
    .where('id', '=', work.fulfillmentId)
    .forUpdate()
    .executeTakeFirst();
  if (!fulfillment || fulfillment.warehouse_code !== station.warehouseCode) {
    throw new ApiError(
      422,
      'unknown_fulfillment',
      `Fulfillment ${work.fulfillmentId} is not work of warehouse ${station.warehouseCode}.`,
      'fulfillmentId',
    );
  }
  let republish = false;
  if (fulfillment.status === 'released' && !work.release) {
    const moved = transitionFulfillment(
      { status: 'released', heldFrom: fulfillment.held_from as FulfillmentStatus | null },
      'picking',
    );
    if (moved.ok) {
      await trx
        .updateTable('fulfillment_orders')
        .set({ status: 'picking', updated_at: new Date() })
        .where('id', '=', fulfillment.id)
        .execute();
      republish = true;
    }
  }

  const known = new Set((previous?.shorts ?? []).map((s) => `${s.lineId}|${s.at}`));
  const fresh = work.shorts.filter((s) => !known.has(`${s.lineId}|${s.at}`));
  for (const short of fresh) {
    const line = await trx
      .selectFrom('fulfillment_lines')
      .select(['id', 'order_line_id', 'sku', 'quantity'])
      .where('id', '=', short.lineId)
      .where('fulfillment_id', '=', fulfillment.id)
      .executeTakeFirst();
    if (!line)
      throw new ApiError(
        422,
        'unknown_line',
        `Short pick names line ${short.lineId}, which is not on this fulfillment.`,
        'shorts',
      );
    const quantity = Math.min(short.quantity, line.quantity);
    const reservation = await trx
      .selectFrom('reservations')
      .select(['id', 'quantity'])
      .where('fulfillment_id', '=', fulfillment.id)
      .where('order_line_id', '=', line.order_line_id)
      .where('released_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (reservation) {
      const left = Math.max(0, reservation.quantity - quantity);
      await trx
        .updateTable('reservations')
        .set(left === 0 ? { released_at: new Date() } : { quantity: left })
        .where('id', '=', reservation.id)
        .execute();
    }
    await trx
      .updateTable('order_lines')
      .set((eb) => ({ backordered_quantity: eb('backordered_quantity', '+', quantity) }))
      .where('id', '=', line.order_line_id)
      .execute();
    const detail = {
      fulfillmentId: fulfillment.id,
      sku: line.sku,
      quantity,
      reason: short.reason,
      note: short.note,
      operatorId: short.operatorId,
    };
    await appendOrderEvents(trx, fulfillment.order_id, `station:${station.stationName}`, [
      { type: 'short_picked', detail },
    ]);
    await appendOutboxEvents(trx, [
      {
        type: 'order.backordered',
        aggregateType: 'order',
        aggregateId: fulfillment.order_id,
        payload: { orderId: fulfillment.order_id, ...detail },
      },
    ]);
  }
  if (republish) await publishFulfillments(trx, [fulfillment.id]);
  if (work.release) {
    const hold = { fulfillmentId: fulfillment.id, stationId: station.stationId };
    await endHold(trx, hold, work.release, `station:${station.stationName}`);
  } else if (!(FINAL_STATUSES as readonly string[]).includes(fulfillment.status)) {
    await recordHold(trx, station, work);
  }
}
