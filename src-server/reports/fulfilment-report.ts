// Fulfilment from the rollups: shipments, placed → shipped p50/p90 (hours, from the hour
// histogram), on time against the promised delivery date, units shipped, short and backordered.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { checkPeriod, comparedReport, periodQuery, ratio, type Period } from './report-period';

export const FULFILMENT_GROUPS = ['total', 'warehouse', 'channel', 'day'] as const;
export type FulfilmentGroup = (typeof FULFILMENT_GROUPS)[number];

export const fulfilmentQuery = periodQuery
  .extend({ groupBy: z.enum(FULFILMENT_GROUPS).default('warehouse') })
  .superRefine(checkPeriod);

const COLUMN: Record<FulfilmentGroup, RawBuilder<string>> = {
  total: sql<string>`''`,
  warehouse: sql<string>`warehouse_code`,
  channel: sql<string>`channel_code`,
  day: sql<string>`day::text`,
};

/** The smallest value with at least `q` of the weight at or below it. */
export function histogramQuantile(buckets: readonly { value: number; count: number }[], q: number) {
  const sorted = [...buckets].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const b of sorted) {
    seen += b.count;
    if (seen >= q * total) return b.value;
  }
  return sorted[sorted.length - 1]!.value;
}

async function fetch(db: Kysely<Database>, groupBy: FulfilmentGroup, p: Period) {
  const [histogram, units] = await Promise.all([
    sql<{
      g: string;
      lead_hours: number;
      shipments: string;
      with_promise: string;
      on_time: string;
    }>`
      select ${COLUMN[groupBy]} as g, lead_hours, sum(shipments) as shipments,
        sum(with_promise) as with_promise, sum(on_time) as on_time
      from report_fulfilment_daily where day between ${p.from} and ${p.to}
      group by 1, 2`.execute(db),
    sql<{ g: string; shipped: string; short: string; backordered: string }>`
      select ${COLUMN[groupBy]} as g, sum(units_shipped) as shipped, sum(units_short) as short,
        sum(units_backordered) as backordered
      from report_sales_daily where day between ${p.from} and ${p.to}
      group by 1`.execute(db),
  ]);
  const groups = new Map<
    string,
    { value: number; count: number; promised: number; onTime: number }[]
  >();
  for (const r of histogram.rows) {
    const list = groups.get(r.g) ?? [];
    list.push({
      value: r.lead_hours,
      count: Number(r.shipments),
      promised: Number(r.with_promise),
      onTime: Number(r.on_time),
    });
    groups.set(r.g, list);
  }
  const unitsOf = new Map(units.rows.map((r) => [r.g, r]));
  const keys = new Set([...groups.keys(), ...unitsOf.keys()]);
  return [...keys].map((g) => {
    const buckets = groups.get(g) ?? [];
    const sum = (f: (b: (typeof buckets)[number]) => number) =>
      buckets.reduce((s, b) => s + f(b), 0);
    const u = unitsOf.get(g);
    const shipped = Number(u?.shipped ?? 0);
    const short = Number(u?.short ?? 0);
    return {
      key: { [groupBy]: g },
      metrics: {
        shipments: sum((b) => b.count),
        leadHoursP50: histogramQuantile(buckets, 0.5),
        leadHoursP90: histogramQuantile(buckets, 0.9),
        withPromise: sum((b) => b.promised),
        onTimeRate: ratio(
          sum((b) => b.onTime),
          sum((b) => b.promised),
        ),
        unitsShipped: shipped,
        unitsShort: short,
        shortPickRate: ratio(short, shipped + short),
        unitsBackordered: Number(u?.backordered ?? 0),
      },
    };
  });
}

export function fulfilmentReport(db: Kysely<Database>, query: z.infer<typeof fulfilmentQuery>) {
  return comparedReport('fulfilment', query.groupBy, query, (p) => fetch(db, query.groupBy, p));
}
