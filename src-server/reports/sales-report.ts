// Sales from the rollups: orders, units, revenue per currency and average order value by channel,
// ship-to country or day (order rollup), with revenue in the base currency at each order's own
// rate and, per group, a row over all currencies (currency `*`) in the base currency; units,
// revenue and backorders by warehouse or SKU (the line rollup, since an order is not additive over
// SKUs; per currency only).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import {
  checkPeriod,
  comparedReport,
  periodQuery,
  ratio,
  type Period,
  type Report,
} from './report-period';

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

/** The key of a group's row over all its currencies, in the base currency only. */
export const ALL_CURRENCIES = '*';

async function fromOrders(db: Kysely<Database>, groupBy: SalesGroup, p: Period, base: string) {
  const [{ rows }, { rows: baseRows }] = await Promise.all([
    sql<Row>`
      select ${COLUMN[groupBy]} as group_value, currency, sum(orders) as orders,
        sum(units) as units, sum(subtotal_minor) as revenue_minor, sum(total_minor) as total_minor
      from report_orders_daily where day between ${p.from} and ${p.to}
      group by 1, 2`.execute(db),
    sql<Row>`
      select ${COLUMN[groupBy]} as group_value, currency, sum(converted_orders) as converted,
        sum(base_subtotal_minor) as revenue_base_minor, sum(base_total_minor) as total_base_minor
      from report_orders_base_daily
      where day between ${p.from} and ${p.to} and base_currency = ${base}
      group by 1, 2`.execute(db),
  ]);
  const converted = new Map(baseRows.map((r) => [`${r.group_value}\u0000${r.currency.trim()}`, r]));
  const perCurrency = rows.map((r) => {
    const inBase = converted.get(`${r.group_value}\u0000${r.currency.trim()}`);
    return {
      group: r.group_value,
      key: { [groupBy]: r.group_value, currency: r.currency.trim() },
      metrics: {
        orders: Number(r.orders),
        units: Number(r.units),
        revenueMinor: Number(r.revenue_minor),
        totalMinor: Number(r.total_minor),
        averageOrderValueMinor:
          Number(r.orders) === 0 ? null : Math.round(Number(r.revenue_minor) / Number(r.orders)),
        revenueBaseMinor: Number(inBase?.revenue_base_minor ?? 0),
        totalBaseMinor: Number(inBase?.total_base_minor ?? 0),
        ordersWithoutRate: Number(r.orders) - Number(inBase?.converted ?? 0),
      } as Record<string, number | null>,
    };
  });
  // Money in the order currencies does not add up across them; counts and base amounts do.
  const all = new Map<string, Record<string, number | null>>();
  for (const { group, metrics } of perCurrency) {
    const sum = all.get(group) ?? {
      orders: 0,
      units: 0,
      revenueMinor: null,
      totalMinor: null,
      averageOrderValueMinor: null,
      revenueBaseMinor: 0,
      totalBaseMinor: 0,
      ordersWithoutRate: 0,
    };
    for (const m of ['orders', 'units', 'revenueBaseMinor', 'totalBaseMinor', 'ordersWithoutRate'])
      sum[m] = sum[m]! + metrics[m]!;
    all.set(group, sum);
  }
  return [
    ...perCurrency.map(({ key, metrics }) => ({ key, metrics })),
    ...[...all].map(([group, metrics]) => ({
      key: { [groupBy]: group, currency: ALL_CURRENCIES },
      metrics,
    })),
  ];
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

/** The latest day any exchange rate was imported for: how current the conversions can be. */
async function latestRateDate(db: Kysely<Database>): Promise<string | null> {
  const { rows } = await sql<{ day: string | null }>`
    select max(rate_date)::text as day from exchange_rates`.execute(db);
  return rows[0]?.day ?? null;
}

export async function salesReport(
  db: Kysely<Database>,
  query: z.infer<typeof salesQuery>,
  { baseCurrency }: { baseCurrency: string },
): Promise<Report> {
  const byLine = ['warehouse', 'sku'].includes(query.groupBy);
  const [report, ratesThrough] = await Promise.all([
    comparedReport('sales', query.groupBy, query, (p) =>
      byLine ? fromLines(db, query.groupBy, p) : fromOrders(db, query.groupBy, p, baseCurrency),
    ),
    latestRateDate(db),
  ]);
  return { ...report, baseCurrency, latestRateDate: ratesThrough };
}
