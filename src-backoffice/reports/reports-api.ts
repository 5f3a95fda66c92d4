// The report API for the back office (GET /v1/reports/<report>[.csv|.xlsx]): which reports
// there are, how each may be grouped, and how a figure is shown (money, a rate, a count).
import { minorUnitDigits } from '../../shared/money/currencies';
import { api, queryString } from '../app/api';

export const REPORT_GROUPS = {
  sales: ['total', 'channel', 'country', 'day', 'warehouse', 'sku'],
  fulfilment: ['warehouse', 'total', 'channel', 'day'],
  returns: ['sku', 'total', 'reason', 'channel', 'warehouse'],
  refunds: ['total', 'channel', 'day'],
  stock: ['sku_warehouse'],
} as const;
export type ReportName = keyof typeof REPORT_GROUPS;
export const REPORT_NAMES = Object.keys(REPORT_GROUPS) as ReportName[];

export interface ReportRow {
  key: Record<string, string>;
  current: Record<string, number | null>;
  previous: Record<string, number | null> | null;
}

export interface Report {
  report: string;
  groupBy: string;
  from: string;
  to: string;
  previousFrom: string | null;
  previousTo: string | null;
  rows: ReportRow[];
  /** Sales: the currency of `…BaseMinor` figures and the newest exchange rate imported. */
  baseCurrency?: string;
  latestRateDate?: string | null;
}

export interface ReportAsk {
  report: ReportName;
  groupBy: string;
  from: string;
  to: string;
}

/** The query string of a report: the stock report has no grouping. */
const params = (ask: ReportAsk) =>
  queryString({
    from: ask.from,
    to: ask.to,
    groupBy: ask.report === 'stock' ? undefined : ask.groupBy,
  });

export const fetchReport = (ask: ReportAsk) =>
  api<Report>('GET', `/v1/reports/${ask.report}${params(ask)}`);

export const exportUrl = (ask: ReportAsk, format: 'csv' | 'xlsx') =>
  `/v1/reports/${ask.report}.${format}${params(ask)}`;

/** A row's group in words: its key's values ("web · EUR"), or "total" for the one total row. */
export const rowLabel = (key: Record<string, string>, total: string) =>
  Object.values(key)
    .filter((v) => v !== '')
    .join(' · ') || total;

/** YYYY-MM-DD of a UTC day `daysAgo` days before today. */
export const utcDay = (daysAgo: number, now = Date.now()) =>
  new Date(now - daysAgo * 86_400_000).toISOString().slice(0, 10);

export type FigureKind = 'money' | 'rate' | 'number';
export const figureKind = (metric: string): FigureKind =>
  metric.endsWith('Minor') ? 'money' : metric.endsWith('Rate') ? 'rate' : 'number';

/** A figure in the reader's language: money from minor units in the row's currency. */
export function formatFigure(
  metric: string,
  value: number | null | undefined,
  currency: string,
  language: string,
): string {
  if (value === null || value === undefined) return '—';
  switch (figureKind(metric)) {
    case 'money':
      // Minor units of the currency's own decimals: JPY has none, KWD three.
      return new Intl.NumberFormat(language, { style: 'currency', currency }).format(
        value / 10 ** minorUnitDigits(currency),
      );
    case 'rate':
      return new Intl.NumberFormat(language, {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(value);
    default:
      return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
  }
}

/** The change from the previous period as a fraction; null when there was nothing before. */
export function change(current: number | null, previous: number | null | undefined) {
  if (current === null || previous === null || previous === undefined || previous === 0)
    return null;
  return (current - previous) / Math.abs(previous);
}
