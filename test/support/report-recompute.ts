// The reporting rollups recomputed from the raw order, shipment, return and refund tables, the
// slow way: what the incrementally kept rollups must equal. Released reservations move to
// reservations_archive (inventory/reservation-archive.ts): the recompute reads both.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src-server/db/schema';
import { ROLLUPS, type RollupTable } from '../../src-server/reports/rollup-table';
import { estimateDeliveryDate } from '../../src-server/shipping/business-days';

type Row = Record<string, string | number>;

/** Rows keyed and summed, zero rows dropped, sorted: comparable with toEqual. */
export function normalise(table: RollupTable, rows: readonly Row[]): Row[] {
  const { keys, counters } = ROLLUPS[table];
  const merged = new Map<string, Row>();
  for (const row of rows) {
    const key = keys.map((k) => String(row[k]).trim());
    const id = JSON.stringify(key);
    const into = merged.get(id) ?? Object.fromEntries(keys.map((k, i) => [k, key[i]!]));
    for (const c of counters) into[c] = Number(into[c] ?? 0) + Number(row[c] ?? 0);
    merged.set(id, into);
  }
  return [...merged.entries()]
    .filter(([, r]) => counters.some((c) => r[c] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
}

export async function storedRollup(db: Kysely<Database>, table: RollupTable) {
  const { rows } = await sql<Row>`select *, day::text as day from ${sql.table(table)}`.execute(db);
  return normalise(table, rows);
}

const utc = (column: string) => sql.raw(`((${column}) at time zone 'UTC')::date::text`);

export async function recomputed(db: Kysely<Database>): Promise<Record<RollupTable, Row[]>> {
  const placed = await sql<Row>`
    select ${utc('o.placed_at')} as day, o.channel_code, r.warehouse_code, l.sku, o.currency,
      1 as order_lines, r.quantity as units_ordered, r.quantity * l.unit_price_minor as revenue_minor
    from orders o join order_lines l on l.order_id = o.id
    join (select * from reservations union all select * from reservations_archive) r
      on r.order_line_id = l.id
    union all
    select ${utc('o.placed_at')}, o.channel_code, '', l.sku, o.currency, 1, l.backordered_quantity,
      l.backordered_quantity * l.unit_price_minor
    from orders o join order_lines l on l.order_id = o.id where l.backordered_quantity > 0`.execute(
    db,
  );
  const backordered = await sql<Row>`
    select ${utc('o.placed_at')} as day, o.channel_code, '' as warehouse_code, l.sku, o.currency,
      l.backordered_quantity as units_backordered
    from orders o join order_lines l on l.order_id = o.id where l.backordered_quantity > 0`.execute(
    db,
  );
  const shipped = await sql<Row>`
    with packed as (
      select c.shipment_id, (i ->> 'lineId')::uuid as line_id, sum((i ->> 'quantity')::int) as q
      from cartons c, jsonb_array_elements(c.items) i group by 1, 2)
    select ${utc('s.confirmed_at')} as day, o.channel_code, f.warehouse_code, fl.sku, o.currency,
      coalesce(p.q, 0) as units_shipped, fl.quantity - coalesce(p.q, 0) as units_short
    from shipments s join fulfillment_orders f on f.id = s.fulfillment_id
    join orders o on o.id = f.order_id join fulfillment_lines fl on fl.fulfillment_id = f.id
    left join packed p on p.shipment_id = s.id and p.line_id = fl.id
    where s.status = 'accepted'`.execute(db);
  const orders = await sql<Row>`
    select ${utc('o.placed_at')} as day, o.channel_code, o.ship_to ->> 'country' as country,
      o.currency, 1 as orders, (select sum(quantity) from order_lines l where l.order_id = o.id) as units,
      o.subtotal_minor, o.total_minor
    from orders o`.execute(db);
  const base = await sql<Row>`
    select ${utc('o.placed_at')} as day, o.channel_code, o.ship_to ->> 'country' as country,
      o.currency, o.base_currency, 1 as converted_orders, o.base_subtotal_minor, o.base_total_minor
    from orders o where o.fx_status in ('same_currency', 'converted')`.execute(db);
  const shipments = await sql<{
    day: string;
    warehouse_code: string;
    channel_code: string;
    lead_ms: number;
    promised: string | null;
    transit_days: number | null;
  }>`
    select ${utc('s.confirmed_at')} as day, f.warehouse_code, o.channel_code,
      extract(epoch from (s.confirmed_at - o.placed_at)) * 1000 as lead_ms,
      f.promised_delivery_date::text as promised, f.transit_days
    from shipments s join fulfillment_orders f on f.id = s.fulfillment_id
    join orders o on o.id = f.order_id where s.status = 'accepted'`.execute(db);
  const returns = await sql<Row>`
    select ${utc('rr.received_at')} as day, coalesce(o.channel_code, '') as channel_code,
      rr.warehouse_code, i.sku, coalesce(m.reason, 'unexpected') as reason,
      i.quantity as units_returned,
      case when i.disposition = 'restock' then i.quantity else 0 end as units_restocked
    from return_receipts rr join return_items i on i.receipt_id = rr.id
    left join rmas m on m.id = rr.rma_id left join orders o on o.id = m.order_id
    where rr.status = 'accepted'`.execute(db);
  const refunds = await sql<Row>`
    select ${utc('f.issued_at')} as day, o.channel_code, f.currency, 1 as refunds,
      f.amount_minor as refund_minor
    from refunds f join orders o on o.id = f.order_id where f.status = 'issued'`.execute(db);
  const vat = await sql<Row>`
    select ${utc('o.placed_at')} as day, o.ship_to ->> 'country' as country, o.vat_scheme,
      coalesce(l.tax_rate_ppm, -1) as rate_ppm, o.currency, l.net_minor, l.tax_minor
    from orders o join order_lines l on l.order_id = o.id where o.vat_scheme is not null
    union all
    select ${utc('o.placed_at')}, o.ship_to ->> 'country', o.vat_scheme,
      coalesce(o.shipping_tax_rate_ppm, -1), o.currency,
      case when o.prices_include_tax
        then o.shipping_charged_minor - o.shipping_discount_minor - o.shipping_tax_minor
        else o.shipping_charged_minor - o.shipping_discount_minor end,
      o.shipping_tax_minor
    from orders o where o.vat_scheme is not null`.execute(db);

  return {
    report_vat_daily: normalise('report_vat_daily', vat.rows),
    report_sales_daily: normalise('report_sales_daily', [
      ...placed.rows,
      ...backordered.rows,
      ...shipped.rows,
    ]),
    report_orders_daily: normalise('report_orders_daily', orders.rows),
    report_orders_base_daily: normalise('report_orders_base_daily', base.rows),
    report_fulfilment_daily: normalise(
      'report_fulfilment_daily',
      shipments.rows.map((s) => ({
        day: s.day,
        warehouse_code: s.warehouse_code,
        channel_code: s.channel_code,
        lead_hours: Math.max(0, Math.floor(Number(s.lead_ms) / 3_600_000)),
        shipments: 1,
        with_promise: s.promised === null ? 0 : 1,
        on_time:
          s.promised !== null && estimateDeliveryDate(s.day, s.transit_days ?? 0) <= s.promised
            ? 1
            : 0,
      })),
    ),
    report_returns_daily: normalise('report_returns_daily', returns.rows),
    report_refunds_daily: normalise('report_refunds_daily', refunds.rows),
  };
}
