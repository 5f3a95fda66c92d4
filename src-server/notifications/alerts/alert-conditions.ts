// The conditions the alert checker looks for, each a query over stock, orders and returns as they
// are now. Each returns the current breaches keyed by subject (what an open alert is about).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AlertSettings } from '../notification-config';
import type {
  ProductNotSelling,
  ReturnRateDigest,
  ShipmentLate,
  ShipmentUndelivered,
  StockLow,
} from './alert-payloads';

const DAY_MS = 86_400_000;

export async function lowStock(
  db: Kysely<Database>,
  settings: AlertSettings,
): Promise<Map<string, StockLow>> {
  const { rows } = await sql<
    Omit<StockLow, 'available' | 'suggestedReorderQuantity'> & { reorderQuantity: number }
  >`
    select s.warehouse_code as "warehouseCode", s.sku, p.name as "productName",
      sum(s.on_hand)::int as "onHand", coalesce(max(r.reserved), 0)::int as reserved,
      coalesce(pr.reorder_point, ${settings.defaultReorderPoint}::int) as "reorderPoint",
      coalesce(pr.reorder_quantity, ${settings.defaultReorderQuantity}::int) as "reorderQuantity",
      pr.supplier_name as "supplierName", pr.supplier_email as "supplierEmail"
    from stock s
    join products p on p.sku = s.sku
    join warehouses w on w.code = s.warehouse_code and w.active
    left join product_replenishment pr on pr.sku = s.sku
    left join (
      select warehouse_code, sku, sum(quantity) as reserved from reservations where released_at is null group by warehouse_code, sku
    ) r on r.sku = s.sku and r.warehouse_code = s.warehouse_code
    group by s.warehouse_code, s.sku, p.name, pr.reorder_point, pr.reorder_quantity, pr.supplier_name, pr.supplier_email
    having sum(s.on_hand) - coalesce(max(r.reserved), 0) <= coalesce(pr.reorder_point, ${settings.defaultReorderPoint}::int)
  `.execute(db);
  return new Map(
    rows.map(({ reorderQuantity, ...row }) => {
      const available = row.onHand - row.reserved;
      return [
        `${row.warehouseCode}/${row.sku}`,
        {
          ...row,
          available,
          suggestedReorderQuantity: row.reorderPoint - available + reorderQuantity,
        },
      ];
    }),
  );
}

export async function notSelling(
  db: Kysely<Database>,
  settings: AlertSettings,
  now: Date,
): Promise<Map<string, ProductNotSelling>> {
  const cutoff = new Date(now.getTime() - settings.notSellingDays * DAY_MS).toISOString();
  const { rows } = await sql<{
    sku: string;
    productName: string;
    onHand: number;
    lastSoldAt: Date | string | null;
  }>`
    select p.sku, p.name as "productName", st.on_hand as "onHand",
      (select max(o.placed_at) from order_lines l join orders o on o.id = l.order_id
        where l.sku = p.sku and o.status <> 'cancelled') as "lastSoldAt"
    from products p
    join (select sku, sum(on_hand)::int as on_hand from stock group by sku having sum(on_hand) > 0) st on st.sku = p.sku
    where p.created_at < ${cutoff}::timestamptz
      and not exists (
        select 1 from order_lines l join orders o on o.id = l.order_id
        where l.sku = p.sku and o.placed_at >= ${cutoff}::timestamptz and o.status <> 'cancelled'
      )
  `.execute(db);
  return new Map(
    rows.map((r) => [
      r.sku,
      {
        ...r,
        lastSoldAt: r.lastSoldAt === null ? null : new Date(r.lastSoldAt).toISOString(),
        days: settings.notSellingDays,
      },
    ]),
  );
}

export async function lateShipments(
  db: Kysely<Database>,
  now: Date,
): Promise<Map<string, ShipmentLate>> {
  const today = now.toISOString().slice(0, 10);
  const { rows } = await sql<Omit<ShipmentLate, 'lines'>>`
    select f.id as "fulfillmentId", f.order_id as "orderId", o.channel_order_ref as "orderReference", f.warehouse_code as "warehouseCode",
      f.status, coalesce(f.promised_delivery_date, o.promised_delivery_date)::text as "promisedDeliveryDate"
    from fulfillment_orders f join orders o on o.id = f.order_id
    where f.status not in ('shipped', 'cancelled')
      and coalesce(f.promised_delivery_date, o.promised_delivery_date) < ${today}::date
  `.execute(db);
  if (rows.length === 0) return new Map();
  const lines = await sql<{ fulfillmentId: string; sku: string; name: string; quantity: number }>`
    select fl.fulfillment_id as "fulfillmentId", fl.sku, ol.name, sum(fl.quantity)::int as quantity
    from fulfillment_lines fl join order_lines ol on ol.id = fl.order_line_id
    where fl.fulfillment_id in (${sql.join(rows.map((r) => r.fulfillmentId))})
    group by fl.fulfillment_id, fl.sku, ol.name, ol.line_no order by ol.line_no
  `.execute(db);
  return new Map(
    rows.map((r) => [
      r.fulfillmentId,
      {
        ...r,
        lines: lines.rows
          .filter((l) => l.fulfillmentId === r.fulfillmentId)
          .map(({ sku, name, quantity }) => ({ sku, name, quantity })),
      },
    ]),
  );
}

/**
 * Shipped parcels without a delivered event by their promised date + the grace days (returned
 * ones are not late, they are back). Keyed by shipment: one alert per parcel journey.
 */
export async function undeliveredShipments(
  db: Kysely<Database>,
  settings: AlertSettings,
  now: Date,
): Promise<Map<string, ShipmentUndelivered>> {
  const today = now.toISOString().slice(0, 10);
  const { rows } = await sql<Omit<ShipmentUndelivered, 'trackingNumbers' | 'graceDays'>>`
    select s.id as "shipmentId", f.id as "fulfillmentId", f.order_id as "orderId",
      o.channel_order_ref as "orderReference", f.warehouse_code as "warehouseCode", s.carrier,
      coalesce(f.promised_delivery_date, o.promised_delivery_date)::text as "promisedDeliveryDate",
      s.tracking_state as "trackingState"
    from shipments s
    join fulfillment_orders f on f.id = s.fulfillment_id
    join orders o on o.id = f.order_id
    where s.status = 'accepted' and s.delivered_at is null
      and (s.tracking_state is null or s.tracking_state <> 'returned_to_sender')
      and coalesce(f.promised_delivery_date, o.promised_delivery_date) + ${settings.deliveryGraceDays}::int < ${today}::date
  `.execute(db);
  if (rows.length === 0) return new Map();
  const cartons = await db
    .selectFrom('cartons')
    .select(['shipment_id', 'tracking_number'])
    .where(
      'shipment_id',
      'in',
      rows.map((r) => r.shipmentId),
    )
    .where('tracking_number', 'is not', null)
    .orderBy('sscc')
    .execute();
  return new Map(
    rows.map((r) => [
      r.shipmentId,
      {
        ...r,
        graceDays: settings.deliveryGraceDays,
        trackingNumbers: cartons
          .filter((c) => c.shipment_id === r.shipmentId)
          .map((c) => c.tracking_number!),
      },
    ]),
  );
}

/** ISO 8601 week of a date, e.g. `2025-W07` (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const week = Math.ceil(((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Return rate per product over the window: units received back (the `items` of return.received
 * events) ÷ units sold (order lines of orders not cancelled). Only products with returns are listed.
 */
export async function returnRateDigest(
  db: Kysely<Database>,
  settings: AlertSettings,
  now: Date,
): Promise<ReturnRateDigest> {
  const from = new Date(now.getTime() - settings.returnRateWindowDays * DAY_MS).toISOString();
  const returned = await sql<{ sku: string; units: number }>`
    select line->>'sku' as sku, sum((line->>'quantity')::int)::int as units
    from outbox_events e
    cross join lateral jsonb_array_elements(case when jsonb_typeof(coalesce(e.payload->'items', e.payload->'lines')) = 'array'
      then coalesce(e.payload->'items', e.payload->'lines') else '[]'::jsonb end) as line
    where e.type = 'return.received' and e.created_at >= ${from}::timestamptz and e.created_at <= ${now.toISOString()}::timestamptz
    group by line->>'sku'
  `.execute(db);
  const skus = returned.rows.filter((r) => r.units > 0).map((r) => r.sku);
  const sold = skus.length
    ? (
        await sql<{ sku: string; name: string; units: number }>`
          select p.sku, p.name, coalesce(sum(l.quantity) filter (where o.id is not null), 0)::int as units
          from products p
          left join order_lines l on l.sku = p.sku
          left join orders o on o.id = l.order_id and o.status <> 'cancelled' and o.placed_at >= ${from}::timestamptz
          where p.sku in (${sql.join(skus)})
          group by p.sku, p.name
        `.execute(db)
      ).rows
    : [];
  const products = returned.rows
    .filter((r) => r.units > 0)
    .map((r) => {
      const s = sold.find((x) => x.sku === r.sku);
      const unitsSold = s?.units ?? 0;
      // Returns of units sold before the window still count; the rate is capped at 100 %.
      return {
        sku: r.sku,
        name: s?.name ?? r.sku,
        unitsSold,
        unitsReturned: r.units,
        returnRate: unitsSold === 0 ? 1 : Math.min(1, r.units / unitsSold),
      };
    })
    .sort(
      (a, b) =>
        b.returnRate - a.returnRate ||
        b.unitsReturned - a.unitsReturned ||
        a.sku.localeCompare(b.sku),
    )
    .slice(0, settings.returnRateTopN);
  return {
    week: isoWeek(now),
    from,
    to: now.toISOString(),
    windowDays: settings.returnRateWindowDays,
    unitsReturned: returned.rows.reduce((sum, r) => sum + r.units, 0),
    products,
  };
}
