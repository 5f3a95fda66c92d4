// What each business event adds to the reporting rollups, written in the event's own
// transaction: an order placed, a shipment confirmed, a return taken in, a refund issued.
import type { RawBuilder, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { NewOrderGraph } from '../orders/order-writes';
import { shippingMoneyOf } from '../orders/order-money-rows';
import { estimateDeliveryDate } from '../shipping/business-days';
import { addToRollup, rollupUpserts, utcDay, type RollupDelta } from './rollup-table';

type Trx = Transaction<Database>;

/** Warehouse code of units ordered but not sourced anywhere yet (backordered). */
export const UNSOURCED = '';
/** Channel and reason of a parcel that came back without an RMA. */
export const NO_CHANNEL = '';
export const UNEXPECTED_REASON = 'unexpected';
/** The rate of tax a channel sent without one. */
export const NO_RATE = -1;

/** What placed orders add to the sales, orders and VAT rollups, as upserts to run together. */
export function placedOrderRollups(graphs: readonly NewOrderGraph[]): RawBuilder<unknown>[] {
  const sales: RollupDelta[] = [];
  const orders: RollupDelta[] = [];
  const vat: RollupDelta[] = [];
  const base: RollupDelta[] = [];
  for (const { order, lines, reservations } of graphs) {
    const day = utcDay(order.placedAt);
    const at = { day, channel_code: order.channelCode, currency: order.currency };
    for (const line of lines) {
      for (const r of reservations.filter((r) => r.orderLineId === line.id)) {
        sales.push({
          ...at,
          warehouse_code: r.warehouseCode,
          sku: line.sku,
          order_lines: 1,
          units_ordered: r.quantity,
          revenue_minor: r.quantity * line.unitPriceMinor,
        });
      }
      if (line.backorderedQuantity > 0) {
        sales.push({
          ...at,
          warehouse_code: UNSOURCED,
          sku: line.sku,
          order_lines: 1,
          units_ordered: line.backorderedQuantity,
          revenue_minor: line.backorderedQuantity * line.unitPriceMinor,
          units_backordered: line.backorderedQuantity,
        });
      }
    }
    orders.push({
      ...at,
      country: order.shipTo.country,
      orders: 1,
      units: lines.reduce((sum, line) => sum + line.quantity, 0),
      subtotal_minor: order.subtotalMinor,
      total_minor: order.totalMinor,
    });
    if (order.vat) vat.push(...vatDeltas(order, lines, order.vat.decision.scheme));
    if (order.base && order.base.baseSubtotalMinor !== null && order.base.baseTotalMinor !== null)
      base.push({
        ...at,
        country: order.shipTo.country,
        base_currency: order.base.baseCurrency,
        converted_orders: 1,
        base_subtotal_minor: order.base.baseSubtotalMinor,
        base_total_minor: order.base.baseTotalMinor,
      });
  }
  return [
    ...rollupUpserts('report_sales_daily', sales),
    ...rollupUpserts('report_orders_daily', orders),
    ...rollupUpserts('report_vat_daily', vat),
    ...rollupUpserts('report_orders_base_daily', base),
  ];
}

/** The net and tax of each line and of the shipping, at the rate each was charged (as migration 0860 backfills). */
function vatDeltas(
  order: NewOrderGraph['order'],
  lines: NewOrderGraph['lines'],
  scheme: string,
): RollupDelta[] {
  const at = {
    day: utcDay(order.placedAt),
    country: order.shipTo.country,
    vat_scheme: scheme,
    currency: order.currency,
  };
  const shipping = shippingMoneyOf({
    prices_include_tax: order.pricesIncludeTax,
    shipping_charged_minor: order.shippingChargedMinor,
    shipping_discount_minor: order.shippingDiscountMinor,
    shipping_tax_minor: order.shippingTaxMinor,
    shipping_tax_rate_ppm: order.shippingTaxRatePpm,
  });
  return [...lines, shipping].map((part) => ({
    ...at,
    rate_ppm: part.taxRatePpm ?? NO_RATE,
    net_minor: part.netMinor,
    tax_minor: part.taxMinor,
  }));
}

export interface ShipmentFacts {
  orderId: string;
  warehouseCode: string;
  promisedDeliveryDate: string | null;
  transitDays: number | null;
  confirmedAt: string;
  /** Every line of the fulfillment with what this shipment holds of it (0 = short). */
  lines: { sku: string; quantity: number; shipped: number }[];
}

export async function rollUpShipment(trx: Trx, facts: ShipmentFacts) {
  const order = await trx
    .selectFrom('orders')
    .select(['channel_code', 'currency', 'placed_at'])
    .where('id', '=', facts.orderId)
    .executeTakeFirstOrThrow();
  const day = utcDay(facts.confirmedAt);
  const at = { day, channel_code: order.channel_code, warehouse_code: facts.warehouseCode };
  await addToRollup(
    trx,
    'report_sales_daily',
    facts.lines.map((line) => ({
      ...at,
      sku: line.sku,
      currency: order.currency.trim(),
      units_shipped: line.shipped,
      units_short: line.quantity - line.shipped,
    })),
  );
  const leadMs = Date.parse(facts.confirmedAt) - new Date(order.placed_at).getTime();
  const promised = facts.promisedDeliveryDate;
  const onTime =
    promised !== null && estimateDeliveryDate(day, facts.transitDays ?? 0) <= promised ? 1 : 0;
  await addToRollup(trx, 'report_fulfilment_daily', [
    {
      ...at,
      lead_hours: Math.max(0, Math.floor(leadMs / 3_600_000)),
      shipments: 1,
      with_promise: promised === null ? 0 : 1,
      on_time: onTime,
    },
  ]);
}

export interface ReturnFacts {
  /** null: a parcel without an RMA. */
  orderId: string | null;
  reason: string | null;
  warehouseCode: string;
  receivedAt: string;
  items: { sku: string; quantity: number; disposition: string }[];
}

export async function rollUpReturn(trx: Trx, facts: ReturnFacts) {
  const channel = facts.orderId
    ? (
        await trx
          .selectFrom('orders')
          .select('channel_code')
          .where('id', '=', facts.orderId)
          .executeTakeFirstOrThrow()
      ).channel_code
    : NO_CHANNEL;
  await addToRollup(
    trx,
    'report_returns_daily',
    facts.items.map((item) => ({
      day: utcDay(facts.receivedAt),
      channel_code: channel,
      warehouse_code: facts.warehouseCode,
      sku: item.sku,
      reason: facts.orderId ? (facts.reason ?? UNEXPECTED_REASON) : UNEXPECTED_REASON,
      units_returned: item.quantity,
      units_restocked: item.disposition === 'restock' ? item.quantity : 0,
    })),
  );
}

export async function rollUpRefund(
  trx: Trx,
  refund: { orderId: string; currency: string; amountMinor: number; issuedAt: Date },
) {
  const order = await trx
    .selectFrom('orders')
    .select('channel_code')
    .where('id', '=', refund.orderId)
    .executeTakeFirstOrThrow();
  await addToRollup(trx, 'report_refunds_daily', [
    {
      day: utcDay(refund.issuedAt),
      channel_code: order.channel_code,
      currency: refund.currency.trim(),
      refunds: 1,
      refund_minor: refund.amountMinor,
    },
  ]);
}
