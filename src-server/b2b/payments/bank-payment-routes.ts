// Bank statements for finance: import a CSV or CAMT.053 file of incoming payments (matched to
// invoices by the number in the remittance text), list what is left unmatched, match by hand.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { storableText } from '../../../shared/validation/text';
import { actorOf } from '../../access/access';
import { allow } from '../../access/route-rules';
import type { Database } from '../../db/schema';
import { ApiError } from '../../http/api-error';
import { errorResponses } from '../../http/route-schemas';
import { importBankPayments, matchBankPayment } from './bank-payments';
import { BankStatementError, parseBankCsv, parseCamt053 } from './bank-statement';

const finance = allow('admin', 'finance', 'admin_token');
const tags = ['b2b'];
const unmatched = z.object({
  id: z.string(),
  bookedOn: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  counterparty: z.string(),
  remittance: z.string(),
  note: z.string().nullable(),
});

export function bankPaymentRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post('/v1/b2b/bank-statements', {
      config: { access: finance },
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import a bank statement (CSV or CAMT.053) of incoming payments; the same file twice changes nothing',
        body: z.object({
          fileName: storableText(200),
          format: z.enum(['csv', 'camt053']),
          content: z.string().min(1).max(10_000_000),
        }),
        response: {
          201: z.object({
            imported: z.number().int(),
            duplicates: z.number().int(),
            matched: z.array(
              z.object({
                transactionId: z.string(),
                invoiceNumber: z.string(),
                amountMinor: z.number().int(),
              }),
            ),
            unmatched: z.array(unmatched),
          }),
          ...errorResponses,
        },
      },
      handler: async (request, reply) => {
        const { fileName, format, content } = request.body;
        let payments;
        try {
          payments = format === 'csv' ? parseBankCsv(content) : parseCamt053(content);
        } catch (error) {
          if (error instanceof BankStatementError)
            throw new ApiError(
              422,
              'bad_statement_row',
              error.message,
              `content[row ${error.row}].${error.column}`,
            );
          throw error;
        }
        const outcome = await importBankPayments(
          db,
          { name: fileName, payments },
          actorOf(request.principal!),
        );
        return reply.status(201).send(outcome);
      },
    });

    app.get('/v1/b2b/bank-transactions/unmatched', {
      config: { access: finance },
      schema: {
        tags,
        summary: 'Imported payments not matched to an invoice, oldest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) }),
        response: { 200: z.object({ payments: z.array(unmatched) }), ...errorResponses },
      },
      handler: async (request) => {
        const rows = await db
          .selectFrom('b2b_bank_transactions')
          .selectAll()
          .where('invoice_id', 'is', null)
          .orderBy('booked_on')
          .orderBy('id')
          .limit(request.query.limit)
          .execute();
        return {
          payments: rows.map((r) => ({
            id: r.id,
            bookedOn: r.booked_on,
            amountMinor: r.amount_minor,
            currency: r.currency,
            counterparty: r.counterparty,
            remittance: r.remittance,
            note: r.note,
          })),
        };
      },
    });

    app.post('/v1/b2b/bank-transactions/:id/match', {
      config: { access: finance },
      schema: {
        tags,
        summary: 'Match an imported payment to an invoice by hand',
        params: z.object({ id: z.uuid('must be an id (UUID)') }),
        body: z.object({ invoiceId: z.uuid('must be an id (UUID)') }),
        response: {
          200: z.object({ invoiceNumber: z.string(), openMinor: z.number().int() }),
          ...errorResponses,
        },
      },
      handler: async (request) =>
        matchBankPayment(
          db,
          request.params.id,
          request.body.invoiceId,
          actorOf(request.principal!),
        ),
    });
  };
}
