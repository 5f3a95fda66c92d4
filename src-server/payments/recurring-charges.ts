// Finance's view of recurring charges: every renewal charge asked of a provider or recorded on the
// ledger, as CSV, oldest first, for a period. Ledger rows are what finance collects itself.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { formatAmount } from '../../shared/labels/label-format';
import { allow } from '../access/route-rules';
import type { Database } from '../db/schema';
import { adminSecurity } from '../http/route-schemas';
import { csvField } from './refund-ledger';

const COLUMNS = [
  'created_at',
  'settled_at',
  'subscription',
  'cycle',
  'attempt',
  'provider',
  'status',
  'currency',
  'amount',
  'provider_reference',
  'failure_reason',
  'idempotency_key',
];

export async function recurringChargesCsv(
  db: Kysely<Database>,
  range: { from?: Date | undefined; to?: Date | undefined },
): Promise<string> {
  let query = db
    .selectFrom('recurring_charges as c')
    .innerJoin('subscriptions as s', 's.id', 'c.subscription_id')
    .select([
      'c.created_at',
      'c.settled_at',
      's.reference',
      'c.cycle_no',
      'c.attempt',
      'c.provider',
      'c.status',
      'c.currency',
      'c.amount_minor',
      'c.provider_reference',
      'c.failure_reason',
      'c.idempotency_key',
    ])
    .orderBy('c.created_at')
    .orderBy('c.id');
  if (range.from) query = query.where('c.created_at', '>=', range.from);
  if (range.to) query = query.where('c.created_at', '<', range.to);
  const rows = await query.execute();
  const lines = rows.map((c) =>
    [
      new Date(c.created_at).toISOString(),
      c.settled_at ? new Date(c.settled_at).toISOString() : '',
      c.reference,
      String(c.cycle_no),
      String(c.attempt),
      c.provider,
      c.status,
      c.currency,
      formatAmount(c.amount_minor, c.currency),
      c.provider_reference ?? '',
      c.failure_reason ?? '',
      c.idempotency_key,
    ]
      .map((v) => csvField(v))
      .join(','),
  );
  return [COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

export function recurringChargeRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/recurring-charges.csv', {
      config: { access: allow('admin', 'finance', 'admin_token') },
      schema: {
        tags: ['subscriptions'],
        summary: 'Subscription renewal charges for finance as CSV (created in [from, to))',
        security: adminSecurity,
        querystring: z.object({ from: z.coerce.date().optional(), to: z.coerce.date().optional() }),
      },
      handler: async (request, reply) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="recurring-charges.csv"')
          .send(await recurringChargesCsv(db, request.query)),
    });
  };
}
