// Returns from the rollups: units returned and restocked, and the return rate against units
// shipped in the same period, by SKU, reason, channel or warehouse; refunds per currency.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { checkPeriod, comparedReport, periodQuery, ratio, type Period } from './report-period';

export const RETURNS_GROUPS = ['total', 'sku', 'reason', 'channel', 'warehouse'] as const;
export type ReturnsGroup = (typeof RETURNS_GROUPS)[number];

export const returnsQuery = periodQuery
  .extend({ groupBy: z.enum(RETURNS_GROUPS).default('sku') })
  .superRefine(checkPeriod);

const COLUMN: Record<ReturnsGroup, RawBuilder<string>> = {
  total: sql<string>`''`,
  sku: sql<string>`sku`,
  reason: sql<string>`reason`,
  channel: sql<string>`channel_code`,
  warehouse: sql<string>`warehouse_code`,
};

async function fetch(db: Kysely<Database>, groupBy: ReturnsGroup, p: Period) {
  const [returned, shipped] = await Promise.all([
    sql<{ g: string; returned: string; restocked: string }>`
      select ${COLUMN[groupBy]} as g, sum(units_returned) as returned,
        sum(units_restocked) as restocked
      from report_returns_daily where day between ${p.from} and ${p.to}
      group by 1`.execute(db),
    // A reason has no shipped units to compare with: its rate is against all units shipped.
    sql<{ g: string; shipped: string }>`
      select ${groupBy === 'reason' ? sql<string>`''` : COLUMN[groupBy]} as g,
        sum(units_shipped) as shipped
      from report_sales_daily where day between ${p.from} and ${p.to} and units_shipped > 0
      group by 1`.execute(db),
  ]);
  const shippedOf = new Map(shipped.rows.map((r) => [r.g, Number(r.shipped)]));
  const allShipped = [...shippedOf.values()].reduce((s, n) => s + n, 0);
  return returned.rows.map((r) => {
    const base = groupBy === 'reason' ? allShipped : (shippedOf.get(r.g) ?? 0);
    return {
      key: { [groupBy]: r.g },
      metrics: {
        unitsReturned: Number(r.returned),
        unitsRestocked: Number(r.restocked),
        unitsShipped: base,
        returnRate: ratio(Number(r.returned), base),
      },
    };
  });
}

export function returnsReport(db: Kysely<Database>, query: z.infer<typeof returnsQuery>) {
  return comparedReport('returns', query.groupBy, query, (p) => fetch(db, query.groupBy, p));
}

export const REFUND_GROUPS = ['total', 'channel', 'day'] as const;

export const refundsQuery = periodQuery
  .extend({ groupBy: z.enum(REFUND_GROUPS).default('total') })
  .superRefine(checkPeriod);

const REFUND_COLUMN: Record<(typeof REFUND_GROUPS)[number], RawBuilder<string>> = {
  total: sql<string>`''`,
  channel: sql<string>`channel_code`,
  day: sql<string>`day::text`,
};

export function refundsReport(db: Kysely<Database>, query: z.infer<typeof refundsQuery>) {
  return comparedReport('refunds', query.groupBy, query, async (p) => {
    const { rows } = await sql<{ g: string; currency: string; refunds: string; minor: string }>`
      select ${REFUND_COLUMN[query.groupBy]} as g, currency, sum(refunds) as refunds,
        sum(refund_minor) as minor
      from report_refunds_daily where day between ${p.from} and ${p.to}
      group by 1, 2`.execute(db);
    return rows.map((r) => ({
      key: { [query.groupBy]: r.g, currency: r.currency.trim() },
      metrics: { refunds: Number(r.refunds), refundMinor: Number(r.minor) },
    }));
  });
}
