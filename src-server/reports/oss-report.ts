// The one-stop-shop return: VAT charged per destination country and rate in a calendar quarter,
// from the VAT rollup (migration 0860). By default the sales declared through the OSS (scheme
// `oss`); `scheme` picks another scheme, or `all`.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { ppmToPercent } from '../../shared/orders/order-money-schema';
import type { Database } from '../db/schema';
import { comparedReport } from './report-period';
import { NO_RATE } from './rollup-writes';

const SCHEMES = ['domestic', 'distance_sale_origin', 'oss', 'reverse_charge', 'export'] as const;

export const ossQuery = z.object({
  quarter: z
    .string()
    .regex(/^(20\d\d)-Q[1-4]$/, 'quarter must be a calendar quarter such as 2026-Q2')
    .describe('The calendar quarter of the return, e.g. 2026-Q2'),
  scheme: z.enum([...SCHEMES, 'all']).default('oss'),
});
export type OssQuery = z.infer<typeof ossQuery>;

/** The quarter's first and last day (UTC calendar days). */
export function quarterDays(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(-1));
  const from = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const to = new Date(Date.UTC(year, q * 3, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** `21` for 210000 ppm, `none` for tax a channel sent without a rate. */
const rateKey = (ppm: number) => (ppm === NO_RATE ? 'none' : String(ppmToPercent(ppm)));

export function ossReport(db: Kysely<Database>, query: OssQuery) {
  const period = quarterDays(query.quarter);
  const all = query.scheme === 'all';
  return comparedReport(
    'oss',
    all ? 'country_rate_scheme' : 'country_rate',
    { ...period, compare: 'none' },
    async (p) => {
      const { rows } = await sql<{
        country: string;
        scheme: string;
        rate_ppm: number;
        currency: string;
        net: string;
        tax: string;
      }>`
      select country, ${all ? sql`vat_scheme` : sql`''`} as scheme, rate_ppm, currency,
        sum(net_minor) as net, sum(tax_minor) as tax
      from report_vat_daily
      where day between ${p.from} and ${p.to}
        ${all ? sql`` : sql`and vat_scheme = ${query.scheme}`}
      group by 1, 2, 3, 4`.execute(db);
      return rows.map((r) => ({
        key: {
          country: r.country.trim(),
          ratePercent: rateKey(Number(r.rate_ppm)),
          currency: r.currency.trim(),
          ...(all ? { scheme: r.scheme } : {}),
        },
        metrics: { netMinor: Number(r.net), taxMinor: Number(r.tax) },
      }));
    },
  );
}
