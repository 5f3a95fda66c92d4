// Finance's view of refunds: every refund (any provider) as CSV, oldest first, for a period.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { acceptedInstant } from '../../shared/validation/timestamps';
import { formatAmount } from '../../shared/labels/label-format';
import { allow } from '../access/route-rules';
import { backOfficeRead } from '../db/read-replica';
import type { BackOfficeReads } from '../db/read-replica';
import type { Database } from '../db/schema';
import { adminSecurity } from '../http/route-schemas';

const COLUMNS = [
  'created_at',
  'issued_at',
  'refund_id',
  'rma_code',
  'order_id',
  'order_number',
  'method',
  'provider',
  'status',
  'currency',
  'amount',
  'items',
  'restocking_fees',
  'shipping',
  'provider_reference',
  'idempotency_key',
];

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
export function csvField(value: string): string {
  const defused = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

export async function refundsCsv(
  db: Kysely<Database>,
  range: { from?: Date | undefined; to?: Date | undefined },
): Promise<string> {
  let query = db
    .selectFrom('refunds as f')
    .innerJoin('rmas as r', 'r.id', 'f.rma_id')
    .innerJoin('orders as o', 'o.id', 'f.order_id')
    .select([
      'f.id',
      'f.created_at',
      'f.issued_at',
      'f.order_id',
      'f.method',
      'f.provider',
      'f.status',
      'f.currency',
      'f.amount_minor',
      'f.breakdown',
      'f.provider_reference',
      'f.idempotency_key',
      'r.code',
      'o.channel_order_ref',
    ])
    .orderBy('f.created_at')
    .orderBy('f.id');
  if (range.from) query = query.where('f.created_at', '>=', range.from);
  if (range.to) query = query.where('f.created_at', '<', range.to);
  const rows = await query.execute();
  const money = (minor: unknown, currency: string) => formatAmount(Number(minor ?? 0), currency);
  const lines = rows.map((f) => {
    const currency = f.currency.trim();
    return [
      new Date(f.created_at).toISOString(),
      f.issued_at ? new Date(f.issued_at).toISOString() : '',
      f.id,
      f.code,
      f.order_id,
      f.channel_order_ref,
      f.method,
      f.provider,
      f.status,
      currency,
      money(f.amount_minor, currency),
      money(f.breakdown.itemsMinor, currency),
      money(f.breakdown.feesMinor, currency),
      money(f.breakdown.shippingMinor, currency),
      f.provider_reference ?? '',
      f.idempotency_key,
    ]
      .map((v) => csvField(String(v)))
      .join(',');
  });
  return [COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

export function refundLedgerRoutes(reads: BackOfficeReads) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/refunds.csv', {
      config: { access: allow('admin', 'finance', 'admin_token') },
      schema: {
        tags: ['refunds'],
        summary: 'Refunds for finance as CSV (created in [from, to))',
        security: adminSecurity,
        querystring: z.object({
          from: acceptedInstant().optional(),
          to: acceptedInstant().optional(),
        }),
      },
      handler: async (request, reply) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="refunds.csv"')
          .send(await backOfficeRead(reads, reply, (db) => refundsCsv(db, request.query))),
    });
  };
}
