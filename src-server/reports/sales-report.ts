// Sales from the rollups: orders, units, revenue per currency and average order value by channel,
// ship-to country or day (order rollup); units, revenue and backorders by warehouse or SKU (the
// line rollup, since an order is not additive over SKUs).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { checkPeriod, comparedReport, periodQuery, ratio, type Period } from './report-period';

export const SALES_GROUPS = ['total', 'channel', 'country', 'day', 'warehouse', 'sku'] as const;
export type SalesGroup = (typeof SALES_GROUPS)[number];

export const salesQuery = periodQuery
  .extend({ groupBy: z.enum(SALES_GROUPS).default('total') })
  .superRefine(checkPeriod);

const COLUMN: Record<SalesGroup, RawBuilder<string>> = {
  total: sql<string>`''`,
  channel: sql<string>`channel_code`,
  country: sql<string>`country`,
  day: sql<string>`day::text`,
  warehouse: sql<string>`warehouse_code`,
  sku: sql<string>`sku`,
};

interface Row {
  group_value: string;
  currency: string;
  [metric: string]: string | number;
}

async function fromOrders(db: Kysely<Database>, groupBy: SalesGroup, p: Period) {
  const { rows } = await sql<Row>`
    select ${COLUMN[groupBy]} as group_value, currency, sum(orders) as orders,
      sum(units) as units, sum(subtotal_minor) as revenue_minor, sum(total_minor) as total_minor
    from report_orders_daily where day between ${p.from} and ${p.to}
    group by 1, 2`.execute(db);
  return rows.map((r) => ({
    key: { [groupBy]: r.group_value, currency: r.currency.trim() },
    metrics: {
      orders: Number(r.orders),
      units: Number(r.units),
      revenueMinor: Number(r.revenue_minor),
      totalMinor: Number(r.total_minor),
      averageOrderValueMinor:
        Number(r.orders) === 0 ? null : Math.round(Number(r.revenue_minor) / Number(r.orders)),
    },
  }));
}

async function fromLines(db: Kysely<Database>, groupBy: SalesGroup, p: Period) {
  const { rows } = await sql<Row>`
    select ${COLUMN[groupBy]} as group_value, currency, sum(order_lines) as order_lines,
      sum(units_ordered) as units, sum(revenue_minor) as revenue_minor,
      sum(units_backordered) as units_backordered, sum(units_shipped) as units_shipped
    from report_sales_daily where day between ${p.from} and ${p.to}
    group by 1, 2`.execute(db);
  return rows.map((r) => ({
    key: { [groupBy]: r.group_value, currency: r.currency.trim() },
    metrics: {
      orderLines: Number(r.order_lines),
      units: Number(r.units),
      revenueMinor: Number(r.revenue_minor),
      unitsBackordered: Number(r.units_backordered),
      unitsShipped: Number(r.units_shipped),
      backorderRate: ratio(Number(r.units_backordered), Number(r.units)),
    },
  }));
}

export function salesReport(db: Kysely<Database>, query: z.infer<typeof salesQuery>) {
  const fetch = ['warehouse', 'sku'].includes(query.groupBy) ? fromLines : fromOrders;
  return comparedReport('sales', query.groupBy, query, (p) => fetch(db, query.groupBy, p));
}
