// Inserts placed orders and everything sourcing decided for them, one multi-row insert per table.
import type { Transaction } from 'kysely';
import { publishFulfillments } from '../sync/projections';
import type { Database, PostalAddress } from '../db/schema';

export interface OrderEventInput {
  type: string;
  detail: Record<string, unknown>;
}

export interface NewOrderGraph {
  order: {
    id: string;
    channelCode: string;
    channelOrderRef: string;
    customerId: string;
    buyerId: string | null;
    poNumber: string | null;
    currency: string;
    status: string;
    email: string;
    shipTo: PostalAddress;
    billTo: PostalAddress | null;
    promisedDeliveryDate: string | null;
    subtotalMinor: number;
    shippingChargedMinor: number;
    totalMinor: number;
    shippingCostMinor: number;
    placedAt: Date;
  };
  lines: {
    id: string;
    lineNo: number;
    sku: string;
    name: string;
    quantity: number;
    unitPriceMinor: number;
    lineTotalMinor: number;
    backorderedQuantity: number;
  }[];
  fulfillments: {
    id: string;
    warehouseCode: string;
    status: string;
    carrier: string;
    service: string;
    shippingCostMinor: number;
    shippingCurrency: string;
    distanceKm: number;
    transitDays: number;
    pickLines: {
      id: string;
      orderLineId: string;
      sku: string;
      quantity: number;
      binCode: string;
      walkSequence: number;
    }[];
  }[];
  reservations: {
    id: string;
    orderLineId: string;
    fulfillmentId: string;
    warehouseCode: string;
    sku: string;
    quantity: number;
  }[];
  events: OrderEventInput[];
  actor: string;
}

/** Inserts several placed orders at once (intake passes one; the demo seed passes hundreds). */
export async function insertOrderGraphs(
  trx: Transaction<Database>,
  graphs: readonly NewOrderGraph[],
): Promise<void> {
  if (graphs.length === 0) return;
  await trx
    .insertInto('orders')
    .values(
      graphs.map(({ order }) => ({
        id: order.id,
        channel_code: order.channelCode,
        channel_order_ref: order.channelOrderRef,
        customer_id: order.customerId,
        buyer_id: order.buyerId,
        po_number: order.poNumber,
        currency: order.currency,
        status: order.status,
        email: order.email,
        ship_to: JSON.stringify(order.shipTo),
        bill_to: order.billTo ? JSON.stringify(order.billTo) : null,
        promised_delivery_date: order.promisedDeliveryDate,
        subtotal_minor: order.subtotalMinor,
        shipping_charged_minor: order.shippingChargedMinor,
        total_minor: order.totalMinor,
        shipping_cost_minor: order.shippingCostMinor,
        placed_at: order.placedAt,
      })),
    )
    .execute();
  await trx
    .insertInto('order_lines')
    .values(
      graphs.flatMap(({ order, lines }) =>
        lines.map((line) => ({
          id: line.id,
          order_id: order.id,
          line_no: line.lineNo,
          sku: line.sku,
          name: line.name,
          quantity: line.quantity,
          unit_price_minor: line.unitPriceMinor,
          line_total_minor: line.lineTotalMinor,
          backordered_quantity: line.backorderedQuantity,
        })),
      ),
    )
    .execute();
  const fulfillments = graphs.flatMap(({ order, fulfillments }) =>
    fulfillments.map((f) => ({ order, f })),
  );
  if (fulfillments.length > 0) {
    // A channel clock ahead of ours must not release work "in the future".
    const now = new Date();
    await trx
      .insertInto('fulfillment_orders')
      .values(
        fulfillments.map(({ order, f }) => ({
          id: f.id,
          order_id: order.id,
          warehouse_code: f.warehouseCode,
          status: f.status,
          ship_to: JSON.stringify(order.shipTo),
          carrier_code: f.carrier,
          service_code: f.service,
          shipping_cost_minor: f.shippingCostMinor,
          currency: f.shippingCurrency,
          distance_km: f.distanceKm,
          transit_days: f.transitDays,
          promised_delivery_date: order.promisedDeliveryDate,
          released_at: order.placedAt > now ? now : order.placedAt,
        })),
      )
      .execute();
    await trx
      .insertInto('fulfillment_lines')
      .values(
        fulfillments.flatMap(({ f }) =>
          f.pickLines.map((p) => ({
            id: p.id,
            fulfillment_id: f.id,
            order_line_id: p.orderLineId,
            sku: p.sku,
            quantity: p.quantity,
            bin_code: p.binCode,
            walk_sequence: p.walkSequence,
          })),
        ),
      )
      .execute();
  }
  const reservations = graphs.flatMap(({ order, reservations }) =>
    reservations.map((r) => ({
      id: r.id,
      order_id: order.id,
      order_line_id: r.orderLineId,
      fulfillment_id: r.fulfillmentId,
      warehouse_code: r.warehouseCode,
      sku: r.sku,
      quantity: r.quantity,
    })),
  );
  if (reservations.length > 0) await trx.insertInto('reservations').values(reservations).execute();
  const events = graphs.flatMap(({ order, actor, events }) =>
    events.map((e) => ({
      order_id: order.id,
      type: e.type,
      actor,
      detail: JSON.stringify(e.detail),
    })),
  );
  if (events.length > 0) await trx.insertInto('order_events').values(events).execute();
  // Released work reaches the warehouse's stations in the same transaction that created it.
  await publishFulfillments(
    trx,
    fulfillments.map(({ f }) => f.id),
  );
}

export async function appendOrderEvents(
  trx: Transaction<Database>,
  orderId: string,
  actor: string,
  events: readonly OrderEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('order_events')
    .values(
      events.map((e) => ({
        order_id: orderId,
        type: e.type,
        actor,
        detail: JSON.stringify(e.detail),
      })),
    )
    .execute();
}
