// Daily demand history per SKU × warehouse, read from the sales rollup (never the order
// tables): units ordered per day in the warehouse that was to ship them. Days on which the SKU
// was backordered (no warehouse could source it) count as stock-out days: their demand is
// censored, not zero.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { UNSOURCED } from '../reports/rollup-writes';
import { addDays, daysBetween } from './days';
import type { DemandSeries } from './series';

/** Two years of weekly seasons. */
export const HISTORY_DAYS = 728;

export interface SeriesId {
  sku: string;
  warehouseCode: string;
}

/** Every SKU × warehouse with demand in [from, to], in (sku, warehouse) order. */
export async function listDemandSeries(
  db: Kysely<Database>,
  from: string,
  to: string,
): Promise<SeriesId[]> {
  const { rows } = await sql<{ sku: string; warehouse_code: string }>`
    select distinct sku, warehouse_code from report_sales_daily
    where day between ${from} and ${to} and warehouse_code <> ${UNSOURCED} and units_ordered > 0
    order by sku, warehouse_code`.execute(db);
  return rows.map((r) => ({ sku: r.sku, warehouseCode: r.warehouse_code }));
}

/** The series' daily demand from their first day with demand up to `to`. */
export async function readDemandSeries(
  db: Kysely<Database>,
  ids: readonly SeriesId[],
  from: string,
  to: string,
): Promise<DemandSeries[]> {
  if (ids.length === 0) return [];
  const skus = ids.map((s) => s.sku);
  const warehouses = ids.map((s) => s.warehouseCode);
  const [sales, stockouts] = await Promise.all([
    sql<{ sku: string; warehouse_code: string; day: string; units: number }>`
      select d.sku, d.warehouse_code, d.day::text as day, sum(d.units_ordered)::int as units
      from report_sales_daily d
      join unnest(${skus}::text[], ${warehouses}::text[]) as s(sku, warehouse_code)
        on s.sku = d.sku and s.warehouse_code = d.warehouse_code
      where d.day between ${from} and ${to}
      group by 1, 2, 3`.execute(db),
    sql<{ sku: string; day: string }>`
      select distinct sku, day::text as day from report_sales_daily
      where warehouse_code = ${UNSOURCED} and units_backordered > 0
        and day between ${from} and ${to} and sku = any(${[...new Set(skus)]}::text[])`.execute(db),
  ]);
  const firstDay = new Map<string, string>();
  const key = (sku: string, wh: string) => `${sku}\u0000${wh}`;
  for (const r of sales.rows) {
    const k = key(r.sku, r.warehouse_code);
    const seen = firstDay.get(k);
    if (r.units > 0 && (!seen || r.day < seen)) firstDay.set(k, r.day);
  }
  const series = new Map<string, DemandSeries>();
  for (const id of ids) {
    const start = firstDay.get(key(id.sku, id.warehouseCode)) ?? from;
    const days = daysBetween(start, to) + 1;
    series.set(key(id.sku, id.warehouseCode), {
      sku: id.sku,
      warehouseCode: id.warehouseCode,
      start,
      demand: new Float64Array(days),
      observed: new Uint8Array(days).fill(1),
    });
  }
  for (const r of sales.rows) {
    const s = series.get(key(r.sku, r.warehouse_code));
    const t = s ? daysBetween(s.start, r.day) : -1;
    if (s && t >= 0) s.demand[t]! += r.units;
  }
  const outDays = new Map<string, string[]>();
  for (const r of stockouts.rows) outDays.set(r.sku, [...(outDays.get(r.sku) ?? []), r.day]);
  for (const s of series.values()) {
    for (const day of outDays.get(s.sku) ?? []) {
      const t = daysBetween(s.start, day);
      if (t >= 0 && t < s.demand.length) s.observed[t] = 0;
    }
  }
  return ids.map((id) => series.get(key(id.sku, id.warehouseCode))!);
}

/** The history window ending the day before `asOf`. */
export function historyWindow(asOf: string): { from: string; to: string } {
  return { from: addDays(asOf, -HISTORY_DAYS), to: addDays(asOf, -1) };
}
