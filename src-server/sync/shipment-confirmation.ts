// A station confirmed a shipment: the central OMS decides. Accepted, it consumes the
// fulfillment's reservations, lowers on-hand stock in the bins picked from, stores the cartons'
// SSCCs and tracking numbers, moves fulfillment and order on, records order.shipped and, for a
// company account's order, issues the shipment's invoice — all in the caller's transaction. Refused (cancelled centrally, another shipment came first, on hold,
// items that are not on the fulfillment), nothing moves and the station is told why.
import { sql, type Transaction } from 'kysely';
import type { FulfillmentStatus } from '../../shared/orders/fulfillment-state';
import { transitionFulfillment } from '../../shared/orders/fulfillment-state';
import type { OrderStatus } from '../../shared/orders/order-state';
import { transitionOrder } from '../../shared/orders/order-state';
import { reason, type Reason } from '../../shared/reasons/reason';
import type { ShipmentDoc } from '../../shared/sync/documents';
import { invoiceConfirmedShipment } from '../b2b/invoices/invoices';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { appendOrderEvents } from '../orders/order-writes';
import { appendOutboxEvents } from '../outbox/outbox';
import { rollUpShipment } from '../reports/rollup-writes';
import type { StationIdentity } from '../stations/stations';
import { stationActor } from '../inventory/movements';
import { publishFulfillments } from './projections';
import { foreignDocument } from './push-checks';
import { ssccRefusal, stockRefusal, takeFromBins } from './shipped-stock';
import { reusedSscc } from './sscc-voids';

export type ShipmentVerdict =
  { status: 'accepted' } | { status: 'refused'; reason: string; refusal: Reason };

const FORWARD: FulfillmentStatus[] = ['released', 'picking', 'packed', 'shipped'];
const ORDER_FORWARD: OrderStatus[] = ['placed', 'allocated', 'released', 'picking', 'packed'];

export async function confirmShipment(
  trx: Transaction<Database>,
  station: StationIdentity,
  shipment: ShipmentDoc,
): Promise<ShipmentVerdict> {
  const fulfillment = await trx
    .selectFrom('fulfillment_orders')
    .select([
      'id',
      'order_id',
      'warehouse_code',
      'status',
      'held_from',
      'cancel_requested',
      'promised_delivery_date',
      'transit_days',
    ])
    .where('id', '=', shipment.fulfillmentId)
    .forUpdate()
    .executeTakeFirst();
  if (!fulfillment || fulfillment.warehouse_code !== station.warehouseCode) {
    // Not a verdict to store: the shipment names work that is not this station's (push-checks.ts).
    throw new ApiError(
      422,
      'unknown_fulfillment',
      `Fulfillment ${shipment.fulfillmentId} is not work of warehouse ${station.warehouseCode}.`,
      'fulfillmentId',
    );
  }
  if (fulfillment.status === 'cancelled' || fulfillment.cancel_requested) {
    return refuse(
      trx,
      station,
      shipment,
      'The order was cancelled centrally. Void the label and put the items back.',
      reason('fulfillment_cancelled', {}),
    );
  }
  const first = await trx
    .selectFrom('shipments as s')
    .innerJoin('stations as st', 'st.id', 's.station_id')
    .select(['s.id', 'st.name', 's.confirmed_at'])
    .where('s.fulfillment_id', '=', fulfillment.id)
    .where('s.status', '=', 'accepted')
    .executeTakeFirst();
  if (first) {
    return refuse(
      trx,
      station,
      shipment,
      `Already shipped by station ${first.name} (shipment ${first.id}). Void this label and put the items back.`,
      reason('already_shipped', { station: first.name, shipmentId: first.id }),
    );
  }
  if (fulfillment.status === 'on_hold') {
    return refuse(
      trx,
      station,
      shipment,
      'The fulfillment is on hold centrally. Do not ship it; ask your lead.',
      reason('fulfillment_on_hold', {}),
    );
  }

  const lines = await trx
    .selectFrom('fulfillment_lines')
    .select(['id', 'sku', 'quantity', 'bin_code'])
    .where('fulfillment_id', '=', fulfillment.id)
    .execute();
  const shippedPerLine = new Map<string, number>();
  for (const item of shipment.cartons.flatMap((c) => c.items)) {
    const line = lines.find((l) => l.id === item.lineId);
    if (!line || line.sku !== item.sku)
      return refuse(
        trx,
        station,
        shipment,
        `Carton item ${item.sku} is not on this fulfillment.`,
        reason('item_not_on_fulfillment', { sku: item.sku }),
      );
    shippedPerLine.set(line.id, (shippedPerLine.get(line.id) ?? 0) + item.quantity);
  }
  for (const line of lines) {
    if ((shippedPerLine.get(line.id) ?? 0) > line.quantity) {
      return refuse(
        trx,
        station,
        shipment,
        `More of ${line.sku} packed than ordered (${shippedPerLine.get(line.id)} of ${line.quantity}).`,
        reason('over_packed', {
          sku: line.sku,
          packed: shippedPerLine.get(line.id) ?? 0,
          ordered: line.quantity,
        }),
      );
    }
  }
  if (shippedPerLine.size === 0)
    return refuse(trx, station, shipment, 'The shipment has no items.', reason('no_items', {}));
  const ssccTaken = await ssccRefusal(trx, station, shipment);
  if (ssccTaken) return refuse(trx, station, shipment, ssccTaken.sentence, ssccTaken.refusal);
  // A carton number a station voided is never used again (sscc-voids.ts).
  const reused = await reusedSscc(trx, shipment);
  if (reused)
    return refuse(
      trx,
      station,
      shipment,
      `Carton number (SSCC) ${reused} was used before or voided; open a new carton.`,
      reason('sscc_reused', { sscc: reused }),
    );

  // The stock rows this shipment takes from are locked first, in the order intake locks them
  // (sku, warehouse, bin: inventory/stock-locks.ts): a confirmation and an order placed at the
  // same moment then wait for each other instead of deadlocking.
  const shippedSkus = [...new Set(lines.filter((l) => shippedPerLine.has(l.id)).map((l) => l.sku))];
  await sql`
    select 1 from stock
    where warehouse_code = ${fulfillment.warehouse_code}
      and sku in (${sql.join(shippedSkus.map((sku) => sql`${sku}`))})
    order by sku, warehouse_code, bin_code
    for update`.execute(trx);
  const shortOfStock = await stockRefusal(trx, fulfillment.warehouse_code, lines, shippedPerLine);
  if (shortOfStock)
    return refuse(trx, station, shipment, shortOfStock.sentence, shortOfStock.refusal);
  for (const line of lines) {
    const quantity = shippedPerLine.get(line.id) ?? 0;
    if (quantity > 0)
      await takeFromBins(trx, fulfillment.warehouse_code, line, quantity, {
        reason: 'shipment',
        referenceKind: 'order',
        referenceId: fulfillment.order_id,
        note: `shipment ${shipment.id}`,
        actor: stationActor(station),
      });
  }
  await trx
    .updateTable('reservations')
    .set({ released_at: new Date() })
    .where('fulfillment_id', '=', fulfillment.id)
    .where('released_at', 'is', null)
    .execute();

  let state = {
    status: fulfillment.status as FulfillmentStatus,
    heldFrom: fulfillment.held_from as FulfillmentStatus | null,
  };
  for (const next of FORWARD.slice(FORWARD.indexOf(state.status) + 1)) {
    const moved = transitionFulfillment(state, next);
    if (!moved.ok) throw new Error(moved.reason);
    state = moved.state;
  }
  await trx
    .updateTable('fulfillment_orders')
    .set({ status: 'shipped', updated_at: new Date() })
    .where('id', '=', fulfillment.id)
    .execute();

  const confirmedAt = shipment.confirmedAt ?? new Date().toISOString();
  await trx
    .insertInto('shipments')
    .values({
      id: shipment.id,
      fulfillment_id: fulfillment.id,
      station_id: station.stationId,
      operator_id: shipment.operatorId,
      carrier: shipment.carrier,
      service: shipment.service,
      status: 'accepted',
      confirmed_at: confirmedAt,
    })
    .execute();
  await trx
    .insertInto('cartons')
    .values(
      shipment.cartons.map((c) => ({
        sscc: c.sscc,
        shipment_id: shipment.id,
        box_type: c.boxType,
        weight_grams: c.weightGrams,
        tracking_number: c.trackingNumber,
        items: JSON.stringify(c.items),
      })),
    )
    .execute();

  await rollUpShipment(trx, {
    orderId: fulfillment.order_id,
    warehouseCode: fulfillment.warehouse_code,
    promisedDeliveryDate: fulfillment.promised_delivery_date,
    transitDays: fulfillment.transit_days,
    confirmedAt: confirmedAt,
    lines: lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      shipped: shippedPerLine.get(l.id) ?? 0,
    })),
  });
  const orderStatus = await moveOrder(trx, fulfillment.order_id);
  const cartons = shipment.cartons.map((c) => ({
    sscc: c.sscc,
    trackingNumber: c.trackingNumber,
    weightGrams: c.weightGrams,
  }));
  await appendOrderEvents(trx, fulfillment.order_id, `station:${station.stationName}`, [
    {
      type: 'shipped',
      detail: {
        fulfillmentId: fulfillment.id,
        shipmentId: shipment.id,
        operatorId: shipment.operatorId,
        cartons,
        orderStatus,
      },
    },
  ]);
  await appendOutboxEvents(trx, [
    {
      type: 'order.shipped',
      aggregateType: 'order',
      aggregateId: fulfillment.order_id,
      payload: {
        orderId: fulfillment.order_id,
        fulfillmentId: fulfillment.id,
        shipmentId: shipment.id,
        carrier: shipment.carrier,
        service: shipment.service,
        cartons,
        orderStatus,
      },
    },
  ]);
  await publishFulfillments(trx, [fulfillment.id]);
  // A company account's shipment is invoiced with its confirmation: once, or not at all.
  await invoiceConfirmedShipment(trx, fulfillment.id);
  return { status: 'accepted' };
}

/**
 * A carton confirmed without a tracking number (the station had none left offline) gets one later,
 * when its label is printed; only a missing number is filled in, never one overwritten.
 */
export async function recordLateTrackingNumbers(
  trx: Transaction<Database>,
  shipment: ShipmentDoc,
): Promise<void> {
  for (const carton of shipment.cartons) {
    if (!carton.trackingNumber) continue;
    await trx
      .updateTable('cartons')
      .set({ tracking_number: carton.trackingNumber })
      .where('sscc', '=', carton.sscc)
      .where('shipment_id', '=', shipment.id)
      .where('tracking_number', 'is', null)
      .execute();
  }
}

/** The order follows its fulfillments: all shipped (or cancelled) → shipped, some → partially shipped. */
async function moveOrder(trx: Transaction<Database>, orderId: string): Promise<OrderStatus> {
  const order = await trx
    .selectFrom('orders')
    .select(['status', 'held_from'])
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const fulfillments = await trx
    .selectFrom('fulfillment_orders')
    .select('status')
    .where('order_id', '=', orderId)
    .execute();
  const backordered = await trx
    .selectFrom('order_lines')
    .select(sql<string>`coalesce(sum(backordered_quantity), 0)`.as('n'))
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  const open = fulfillments.filter(
    (f) => f.status !== 'shipped' && f.status !== 'cancelled',
  ).length;
  const target: OrderStatus =
    open === 0 && Number(backordered.n) === 0 ? 'shipped' : 'partially_shipped';
  // The order may not have been told each warehouse step; walk it forward one legal step at a time.
  let state = {
    status: order.status as OrderStatus,
    heldFrom: order.held_from as OrderStatus | null,
  };
  const steps = [...ORDER_FORWARD.slice(ORDER_FORWARD.indexOf(state.status) + 1), target];
  for (const step of ORDER_FORWARD.includes(state.status) ? steps : [target]) {
    const direct = transitionOrder(state, target);
    if (direct.ok) {
      state = direct.state;
      break;
    }
    const moved = transitionOrder(state, step);
    if (!moved.ok) return order.status as OrderStatus;
    state = moved.state;
  }
  if (state.status !== target) return order.status as OrderStatus;
  await trx
    .updateTable('orders')
    .set({ status: state.status, updated_at: new Date() })
    .where('id', '=', orderId)
    .execute();
  return state.status;
}

/** The refusal is stored on the pushing station's own shipment row only, never on another's. */
async function refuse(
  trx: Transaction<Database>,
  station: StationIdentity,
  shipment: ShipmentDoc,
  sentence: string,
  refusal: Reason,
): Promise<ShipmentVerdict> {
  const stored = await trx
    .insertInto('shipments')
    .values({
      id: shipment.id,
      fulfillment_id: shipment.fulfillmentId,
      station_id: station.stationId,
      operator_id: shipment.operatorId,
      carrier: shipment.carrier,
      service: shipment.service,
      status: 'refused',
      refusal_reason: sentence,
      confirmed_at: shipment.confirmedAt,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ status: 'refused', refusal_reason: sentence })
        .where('shipments.station_id', '=', station.stationId)
        .where('shipments.status', '=', 'refused'),
    )
    .returning('id')
    .executeTakeFirst();
  if (!stored) throw foreignDocument('shipments', shipment.id);
  return { status: 'refused', reason: sentence, refusal };
}
