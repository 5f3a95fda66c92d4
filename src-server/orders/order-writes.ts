// Inserts placed orders and everything sourcing decided for them: all tables in one statement,
// the station documents in a second.
import type { RawBuilder, Transaction } from 'kysely';
import type { FulfillmentDoc } from '../../shared/sync/documents';
import { executeAsOneStatement, insertTables } from '../db/bulk-insert';
import type { TableRows } from '../db/bulk-insert';
import { syncDocumentLocks, syncDocumentUpsert } from '../sync/document-store';
import { fulfillmentDocGroups } from '../sync/projections';
import type { Database, PostalAddress } from '../db/schema';
import type { OrderVatRecord } from '../tax/tax-schema';
import type { OrderBaseMoney } from '../currencies/order-exchange-rate';

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
    pricesIncludeTax: boolean;
    discountMinor: number;
    taxMinor: number;
    netMinor: number;
    shippingDiscountMinor: number;
    shippingTaxMinor: number;
    shippingTaxRatePpm: number | null;
    /** Which point sourcing measured from: order, postal-code, city, region or country. */
    shipToLocationSource: string;
    placedAt: Date;
    /** The VAT engine's verdict (src-server/tax/order-vat.ts); null when it had none. */
    vat: OrderVatRecord | null;
    /** The base-currency figures at the rate of the day (src-server/currencies); null: not fixed. */
    base?: OrderBaseMoney | null;
  };
  lines: {
    id: string;
    lineNo: number;
    sku: string;
    name: string;
    quantity: number;
    unitPriceMinor: number;
    lineTotalMinor: number;
    discountMinor: number;
    taxMinor: number;
    taxRatePpm: number | null;
    netMinor: number;
    grossMinor: number;
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
    releasedAt: Date;
    /** The day it is due to leave: its warehouse's next cut-off at release (warehouse-calendar). */
    shipBy: string;
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
  /** The fulfillments as their warehouse's stations will see them. */
  stationDocs: FulfillmentDoc[];
}

/** The rows of placed orders, for `insertTables` (parents before children). */
export function orderGraphRows(graphs: readonly NewOrderGraph[]): TableRows[] {
  const fulfillments = graphs.flatMap(({ order, fulfillments }) =>
    fulfillments.map((f) => ({ order, f })),
  );
  return [
    {
      table: 'orders',
      columns: ORDER_COLUMNS,
      rows: graphs.map(({ order }) => ({
        id: order.id,
        channel_code: order.channelCode,
        channel_order_ref: order.channelOrderRef,
        customer_id: order.customerId,
        buyer_id: order.buyerId,
        po_number: order.poNumber,
        currency: order.currency,
        status: order.status,
        email: order.email,
        ship_to: order.shipTo,
        bill_to: order.billTo,
        promised_delivery_date: order.promisedDeliveryDate,
        subtotal_minor: order.subtotalMinor,
        shipping_charged_minor: order.shippingChargedMinor,
        total_minor: order.totalMinor,
        shipping_cost_minor: order.shippingCostMinor,
        prices_include_tax: order.pricesIncludeTax,
        discount_minor: order.discountMinor,
        tax_minor: order.taxMinor,
        net_minor: order.netMinor,
        shipping_discount_minor: order.shippingDiscountMinor,
        shipping_tax_minor: order.shippingTaxMinor,
        shipping_tax_rate_ppm: order.shippingTaxRatePpm,
        ship_to_location_source: order.shipToLocationSource,
        placed_at: order.placedAt,
        vat_scheme: order.vat?.decision.scheme ?? null,
        tax_source: order.vat?.source ?? null,
        tax_matches_engine: order.vat?.check?.matches ?? null,
        vat: order.vat,
        base_currency: order.base?.baseCurrency ?? null,
        fx_status: order.base?.status ?? null,
        fx_rate_date: order.base?.rateDate ?? null,
        fx_currency_per_eur: order.base?.currencyPerEur ?? null,
        fx_base_per_eur: order.base?.basePerEur ?? null,
        base_subtotal_minor: order.base?.baseSubtotalMinor ?? null,
        base_total_minor: order.base?.baseTotalMinor ?? null,
      })),
    },
    {
      table: 'order_lines',
      columns: ORDER_LINE_COLUMNS,
      rows: graphs.flatMap(({ order, lines }) =>
        lines.map((line) => ({
          id: line.id,
          order_id: order.id,
          line_no: line.lineNo,
          sku: line.sku,
          name: line.name,
          quantity: line.quantity,
          unit_price_minor: line.unitPriceMinor,
          line_total_minor: line.lineTotalMinor,
          discount_minor: line.discountMinor,
          tax_minor: line.taxMinor,
          tax_rate_ppm: line.taxRatePpm,
          net_minor: line.netMinor,
          gross_minor: line.grossMinor,
          backordered_quantity: line.backorderedQuantity,
        })),
      ),
    },
    {
      table: 'fulfillment_orders',
      columns: FULFILLMENT_COLUMNS,
      rows: fulfillments.map(({ order, f }) => ({
        id: f.id,
        order_id: order.id,
        warehouse_code: f.warehouseCode,
        status: f.status,
        ship_to: order.shipTo,
        carrier_code: f.carrier,
        service_code: f.service,
        shipping_cost_minor: f.shippingCostMinor,
        currency: f.shippingCurrency,
        distance_km: f.distanceKm,
        transit_days: f.transitDays,
        promised_delivery_date: order.promisedDeliveryDate,
        released_at: f.releasedAt,
        ship_by: f.shipBy,
      })),
    },
    {
      table: 'fulfillment_lines',
      columns: FULFILLMENT_LINE_COLUMNS,
      rows: fulfillments.flatMap(({ f }) =>
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
    },
    {
      table: 'reservations',
      columns: RESERVATION_COLUMNS,
      rows: graphs.flatMap(({ order, reservations }) =>
        reservations.map((r) => ({
          id: r.id,
          order_id: order.id,
          order_line_id: r.orderLineId,
          fulfillment_id: r.fulfillmentId,
          warehouse_code: r.warehouseCode,
          sku: r.sku,
          quantity: r.quantity,
        })),
      ),
    },
    {
      table: 'order_events',
      columns: ORDER_EVENT_COLUMNS,
      rows: graphs.flatMap(({ order, actor, events }) =>
        events.map((e) => ({ order_id: order.id, type: e.type, actor, detail: e.detail })),
      ),
    },
  ];
}

/**
 * Inserts placed orders (intake passes a batch, the demo seed hundreds at once) in one
 * statement, with `also.tables` (outbox events, idempotency records) in the same statement, and
 * releases their work to the warehouses' stations in the same transaction: the stations' write
 * locks are taken by that statement too, and the station documents upserted in a second one
 * together with `also.after` (writes every batch contends for, e.g. the report rollups).
 */
export async function insertOrderGraphs(
  trx: Transaction<Database>,
  graphs: readonly NewOrderGraph[],
  also: {
    tables?: readonly TableRows[];
    notify?: readonly string[];
    after?: readonly RawBuilder<unknown>[];
  } = {},
): Promise<void> {
  const stationDocs = fulfillmentDocGroups(graphs.flatMap((g) => g.stationDocs));
  await insertTables(
    trx,
    [...orderGraphRows(graphs), ...(also.tables ?? [])],
    also.notify,
    syncDocumentLocks('fulfillments', stationDocs),
  );
  const upsert = syncDocumentUpsert('fulfillments', stationDocs);
  await executeAsOneStatement(trx, [...(upsert ? [upsert] : []), ...(also.after ?? [])]);
}

const ORDER_COLUMNS = {
  id: 'uuid',
  channel_code: 'text',
  channel_order_ref: 'text',
  customer_id: 'uuid',
  buyer_id: 'uuid',
  po_number: 'text',
  currency: 'text',
  status: 'text',
  email: 'text',
  ship_to: 'jsonb',
  bill_to: 'jsonb',
  promised_delivery_date: 'date',
  subtotal_minor: 'integer',
  shipping_charged_minor: 'integer',
  total_minor: 'integer',
  shipping_cost_minor: 'integer',
  prices_include_tax: 'boolean',
  discount_minor: 'integer',
  tax_minor: 'integer',
  net_minor: 'integer',
  shipping_discount_minor: 'integer',
  shipping_tax_minor: 'integer',
  shipping_tax_rate_ppm: 'integer',
  ship_to_location_source: 'text',
  placed_at: 'timestamptz',
  vat_scheme: 'text',
  tax_source: 'text',
  tax_matches_engine: 'boolean',
  vat: 'jsonb',
  base_currency: 'text',
  fx_status: 'text',
  fx_rate_date: 'date',
  fx_currency_per_eur: 'numeric',
  fx_base_per_eur: 'numeric',
  base_subtotal_minor: 'bigint',
  base_total_minor: 'bigint',
} as const;
const ORDER_LINE_COLUMNS = {
  id: 'uuid',
  order_id: 'uuid',
  line_no: 'integer',
  sku: 'text',
  name: 'text',
  quantity: 'integer',
  unit_price_minor: 'integer',
  line_total_minor: 'integer',
  discount_minor: 'integer',
  tax_minor: 'integer',
  tax_rate_ppm: 'integer',
  net_minor: 'integer',
  gross_minor: 'integer',
  backordered_quantity: 'integer',
} as const;
const FULFILLMENT_COLUMNS = {
  id: 'uuid',
  order_id: 'uuid',
  warehouse_code: 'text',
  status: 'text',
  ship_to: 'jsonb',
  carrier_code: 'text',
  service_code: 'text',
  shipping_cost_minor: 'integer',
  currency: 'text',
  distance_km: 'double precision',
  transit_days: 'integer',
  promised_delivery_date: 'date',
  released_at: 'timestamptz',
  ship_by: 'date',
} as const;
const FULFILLMENT_LINE_COLUMNS = {
  id: 'uuid',
  fulfillment_id: 'uuid',
  order_line_id: 'uuid',
  sku: 'text',
  quantity: 'integer',
  bin_code: 'text',
  walk_sequence: 'integer',
} as const;
const RESERVATION_COLUMNS = {
  id: 'uuid',
  order_id: 'uuid',
  order_line_id: 'uuid',
  fulfillment_id: 'uuid',
  warehouse_code: 'text',
  sku: 'text',
  quantity: 'integer',
} as const;
const ORDER_EVENT_COLUMNS = {
  order_id: 'uuid',
  type: 'text',
  actor: 'text',
  detail: 'jsonb',
} as const;

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
