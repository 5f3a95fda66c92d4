// GET /v1/reports/{sales,fulfilment,returns,refunds,stock,oss}: from the rollups only, for a date
// range with the previous period of the same length (oss: one calendar quarter), as JSON, CSV
// (…/<report>.csv) or XLSX (…/<report>.xlsx). Read from the back-office reads (a replica when
// configured).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { allow } from '../access/route-rules';
import { backOfficeRead } from '../db/read-replica';
import type { BackOfficeReads } from '../db/read-replica';
import type { Database } from '../db/schema';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import { fulfilmentQuery, fulfilmentReport } from './fulfilment-report';
import { ossQuery, ossReport } from './oss-report';
import { reportCsv, reportSchema, type Report } from './report-period';
import { refundsQuery, refundsReport, returnsQuery, returnsReport } from './returns-report';
import { reportXlsx } from './report-xlsx';
import { salesQuery, salesReport } from './sales-report';
import { stockQuery, stockReport } from './stock-report';

interface ReportRoute<Q extends z.ZodType> {
  name: string;
  summary: string;
  query: Q;
  run: (db: Kysely<Database>, query: z.infer<Q>, context: ReportContext) => Promise<Report>;
  /** `days` (default): [from, to] with the previous period; `quarter`: one calendar quarter. */
  period?: 'days' | 'quarter';
}

/** Who reads the business's figures: people who run it, and systems (BI tools) with the admin token. */
export const reportReaders = allow(
  'admin',
  'finance',
  'purchasing',
  'warehouse_lead',
  'admin_token',
);

/** What a report may need beyond its query: the base currency revenue is converted to. */
interface ReportContext {
  baseCurrency: string;
}

const route = <Q extends z.ZodType>(r: ReportRoute<Q>) => r;

const REPORTS = [
  route({
    name: 'sales',
    summary:
      "Orders, units, revenue per currency and in the base currency (at each order's own rate; currency `*`: all currencies of a group) and average order value by channel, country or day; units and revenue by warehouse or SKU",
    query: salesQuery,
    run: salesReport,
  }),
  route({
    name: 'fulfilment',
    summary:
      'Shipments, placed → shipped p50/p90 hours, on time against the promise, short picks and backorders',
    query: fulfilmentQuery,
    run: fulfilmentReport,
  }),
  route({
    name: 'returns',
    summary:
      'Units returned and restocked and the return rate by SKU, reason, channel or warehouse',
    query: returnsQuery,
    run: returnsReport,
  }),
  route({
    name: 'refunds',
    summary: 'Refunds issued per currency, by channel or day',
    query: refundsQuery,
    run: refundsReport,
  }),
  route({
    name: 'oss',
    summary:
      'The one-stop-shop VAT return: net and VAT per destination country, rate and currency in a calendar quarter (`quarter`, e.g. 2026-Q2; `scheme`, default oss)',
    query: ossQuery,
    run: ossReport,
    period: 'quarter',
  }),
  route({
    name: 'stock',
    summary:
      'On hand, demand per day, cover in days, days since the last sale, not selling for N days and dead stock value',
    query: stockQuery,
    run: stockReport,
  }),
];

export function reportRoutes(reads: BackOfficeReads, currencies: { baseCurrency: string }) {
  const context: ReportContext = { baseCurrency: currencies.baseCurrency };
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    for (const r of REPORTS) {
      const run = (db: Kysely<Database>, q: unknown) =>
        (r.run as (db: Kysely<Database>, q: unknown, c: ReportContext) => Promise<Report>)(
          db,
          q,
          context,
        );
      const summary =
        r.period === 'quarter'
          ? r.summary
          : `${r.summary}; [from, to] in UTC days, with the previous period of the same length`;
      app.get(`/v1/reports/${r.name}`, {
        config: { access: reportReaders },
        schema: {
          tags: ['reports'],
          summary,
          security: adminSecurity,
          querystring: r.query,
          response: { 200: reportSchema, ...errorResponses },
        },
        handler: (request, reply) => backOfficeRead(reads, reply, (db) => run(db, request.query)),
      });
      app.get(`/v1/reports/${r.name}.csv`, {
        config: { access: reportReaders },
        schema: {
          tags: ['reports'],
          summary: `${summary} (CSV)`,
          security: adminSecurity,
          querystring: r.query,
        },
        handler: async (request, reply) => {
          const report = await backOfficeRead(reads, reply, (db) => run(db, request.query));
          return reply
            .type('text/csv; charset=utf-8')
            .header(
              'content-disposition',
              `attachment; filename="${r.name}-${report.from}-${report.to}.csv"`,
            )
            .send(reportCsv(report));
        },
      });
      app.get(`/v1/reports/${r.name}.xlsx`, {
        config: { access: reportReaders },
        schema: {
          tags: ['reports'],
          summary: `${summary} (XLSX workbook)`,
          security: adminSecurity,
          querystring: r.query,
        },
        handler: async (request, reply) => {
          const report = await backOfficeRead(reads, reply, (db) => run(db, request.query));
          return reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header(
              'content-disposition',
              `attachment; filename="${r.name}-${report.from}-${report.to}.xlsx"`,
            )
            .send(await reportXlsx(report));
        },
      });
    }
  };
}
