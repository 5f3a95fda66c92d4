// Reading orders back: one order with its lines, fulfillments and event trail (pages of orders:
// order-search.ts).
import type { Kysely } from 'kysely';
import type { FulfillmentStatus } from '../../shared/orders/fulfillment-state';
import type { OrderStatus } from '../../shared/orders/order-state';
import type { Database, PostalAddress } from '../db/schema';
import type { FulfillmentSummary, OrderView } from './order-contracts';
import type { ShipToLocationSource } from '../sourcing/ship-to-location';
import { orderVatView } from '../tax/order-vat-view';
import { moneyOfLine, storedMoney } from './order-money-rows';
import { partMoneyView } from './order-money-view';
import { orderEmails } from './order-emails';

export async function fulfillmentSummaries(
  db: Kysely<Database>,
  orderId: string,
): Promise<FulfillmentSummary[]> {
  const fulfillments = await db
    .selectFrom('fulfillment_orders')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('distance_km')
    .orderBy('id')
    .execute();
  if (fulfillments.length === 0) return [];
  const picked = await db
    .selectFrom('fulfillment_lines')
    .select(['fulfillment_id', 'order_line_id', 'sku'])
    .select((eb) => eb.fn.sum<number>('quantity').as('quantity'))
    .where(
      'fulfillment_id',
      'in',
      fulfillments.map((f) => f.id),
    )
    .groupBy(['fulfillment_id', 'order_line_id', 'sku'])
    .orderBy('order_line_id')
    .execute();
  return fulfillments.map((f) => ({
    id: f.id,
    warehouseCode: f.warehouse_code,
    status: f.status as FulfillmentStatus,
    cancelRequested: f.cancel_requested,
    distanceKm: f.distance_km,
    carrier: f.carrier_code,
    service: f.service_code,
    shippingCostMinor: f.shipping_cost_minor,
    shippingCurrency: f.currency,
    transitDays: f.transit_days,
    shipBy: f.ship_by,
    lines: picked
      .filter((p) => p.fulfillment_id === f.id)
      .map((p) => ({ lineId: p.order_line_id, sku: p.sku, quantity: Number(p.quantity) })),
  }));
}

export async function getOrderView(
  db: Kysely<Database>,
  orderId: string,
): Promise<OrderView | null> {
  const order = await db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order) return null;
  const [lines, fulfillments, events, emails] = await Promise.all([
    db
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('line_no')
      .execute(),
    fulfillmentSummaries(db, orderId),
    db
      .selectFrom('order_events')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('id')
      .execute(),
    orderEmails(db, orderId),
  ]);
  return {
    orderId: order.id,
    channel: order.channel_code,
    channelOrderRef: order.channel_order_ref,
    status: order.status as OrderStatus,
    currency: order.currency,
    ...storedMoney(order, lines),
    shippingCostMinor: order.shipping_cost_minor,
    poNumber: order.po_number,
    customerId: order.customer_id,
    email: order.email,
    shipTo: order.ship_to,
    shipToLocationSource: order.ship_to_location_source as ShipToLocationSource | null,
    billTo: order.bill_to as PostalAddress | null,
    promisedDeliveryDate: order.promised_delivery_date,
    placedAt: order.placed_at.toISOString(),
    lines: lines.map((line) => ({
      id: line.id,
      lineNo: line.line_no,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPriceMinor: line.unit_price_minor,
      lineTotalMinor: line.line_total_minor,
      ...partMoneyView(moneyOfLine(line)),
      backorderedQuantity: line.backordered_quantity,
      cancelledQuantity: line.cancelled_quantity,
      cancelledGrossMinor: line.cancelled_gross_minor,
    })),
    fulfillments,
    events: events.map((event) => ({
      type: event.type,
      actor: event.actor,
      detail: event.detail,
      at: event.created_at.toISOString(),
    })),
    emails,
    vat: orderVatView(order.vat),
  };
}
