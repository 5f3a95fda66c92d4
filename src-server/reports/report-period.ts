// A report's period ([from, to] as calendar days, UTC) and the previous period of the same
// length right before it; rows of the two are merged by their group key.
import { z } from 'zod';
import { acceptedDate } from '../../shared/validation/timestamps';
import { csvField } from '../payments/refund-ledger';

const DAY_MS = 86_400_000;
/** Ten years of days: a longer range is a mistake, not a report. */
export const MAX_PERIOD_DAYS = 3_660;

export interface Period {
  from: string;
  to: string;
}

export const periodQuery = z.object({
  from: acceptedDate(),
  to: acceptedDate(),
  compare: z.enum(['previous', 'none']).default('previous'),
});

/** Refines a query holding from/to: from ≤ to, and not longer than MAX_PERIOD_DAYS. */
export function checkPeriod(query: Period, ctx: z.RefinementCtx): void {
  const days = periodDays(query);
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if (days > MAX_PERIOD_DAYS)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `the period may span at most ${MAX_PERIOD_DAYS} days`,
    });
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function periodDays({ from, to }: Period): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS) + 1;
}

export function previousPeriod(period: Period): Period {
  const days = periodDays(period);
  return {
    from: dayOf(dayMs(period.from) - days * DAY_MS),
    to: dayOf(dayMs(period.from) - DAY_MS),
  };
}

export const reportRowSchema = z.object({
  key: z.record(z.string(), z.string()),
  current: z.record(z.string(), z.number().nullable()),
  previous: z.record(z.string(), z.number().nullable()).nullable(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportSchema = z.object({
  report: z.string(),
  groupBy: z.string(),
  from: z.string(),
  to: z.string(),
  previousFrom: z.string().nullable(),
  previousTo: z.string().nullable(),
  rows: z.array(reportRowSchema),
  /** Sales: the currency `…BaseMinor` figures are in, and the newest exchange rate imported. */
  baseCurrency: z.string().optional(),
  latestRateDate: z.string().nullable().optional(),
});
export type Report = z.infer<typeof reportSchema>;

export interface GroupedMetrics {
  key: Record<string, string>;
  metrics: Record<string, number | null>;
}

/** Runs `fetch` for the period (and the previous one) and merges rows by key, sorted by key. */
export async function comparedReport(
  report: string,
  groupBy: string,
  query: Period & { compare: 'previous' | 'none' },
  fetch: (period: Period) => Promise<GroupedMetrics[]>,
): Promise<Report> {
  const previous = query.compare === 'previous' ? previousPeriod(query) : null;
  const [now, before] = await Promise.all([fetch(query), previous ? fetch(previous) : []]);
  const id = (key: Record<string, string>) => JSON.stringify(Object.entries(key).sort());
  const rows = new Map<string, ReportRow>();
  for (const g of now) rows.set(id(g.key), { key: g.key, current: g.metrics, previous: null });
  const metricNames = Object.keys(now[0]?.metrics ?? before[0]?.metrics ?? {});
  const empty = () => Object.fromEntries(metricNames.map((m) => [m, 0]));
  for (const g of before) {
    const row = rows.get(id(g.key));
    if (row) row.previous = g.metrics;
    else rows.set(id(g.key), { key: g.key, current: empty(), previous: g.metrics });
  }
  if (previous) for (const row of rows.values()) row.previous ??= empty();
  return {
    report,
    groupBy,
    from: query.from,
    to: query.to,
    previousFrom: previous?.from ?? null,
    previousTo: previous?.to ?? null,
    rows: [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r),
  };
}

/** The report as a table: key columns, then each metric and its previous-period value. */
export function reportTable(report: Report): {
  header: string[];
  rows: (string | number | null)[][];
} {
  const keys = [...new Set(report.rows.flatMap((r) => Object.keys(r.key)))];
  const metrics = [...new Set(report.rows.flatMap((r) => Object.keys(r.current)))];
  const compared = report.previousFrom !== null;
  const header = [
    'from',
    'to',
    ...keys,
    ...metrics.flatMap((m) => (compared ? [m, `previous_${m}`] : [m])),
  ];
  const rows = report.rows.map((r) => [
    report.from,
    report.to,
    ...keys.map((k) => r.key[k] ?? ''),
    ...metrics.flatMap((m) =>
      compared ? [r.current[m] ?? null, r.previous?.[m] ?? null] : [r.current[m] ?? null],
    ),
  ]);
  return { header, rows };
}

/** One CSV line per row of reportTable; an empty field where a figure is null. */
export function reportCsv(report: Report): string {
  const { header, rows } = reportTable(report);
  const lines = rows.map((row) => row.map((v) => csvField(v === null ? '' : String(v))).join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

/** A ratio, or null when there is nothing to divide by. */
export const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
