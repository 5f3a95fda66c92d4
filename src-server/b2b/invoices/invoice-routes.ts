// Invoices for finance: the list with what is open on each, one invoice with its credit notes and
// payments, credit notes against it (exactly once per Idempotency-Key) and their documents.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { storableText } from '../../../shared/validation/text';
import { actorOf } from '../../access/access';
import { allow } from '../../access/route-rules';
import { auditActorOf } from '../../audit/audit';
import type { Database } from '../../db/schema';
import { notFound } from '../../http/api-error';
import { errorResponses } from '../../http/route-schemas';
import { issueCreditNote } from '../credit-notes/credit-notes';
import { vatRowView } from '../quotes/quote-schemas';
import { today } from '../quotes/quotes';
import { loadCreditNoteDocument } from './invoice-document';
import { renderCreditNotePdf } from './invoice-pdf';
import { renderCreditNoteUbl } from './invoice-ubl';
import type { SellerConfig } from './seller-config';

const readers = allow('admin', 'sales_rep', 'finance', 'customer_service', 'admin_token');
const money = allow('admin', 'finance', 'admin_token');
const idParams = z.object({ id: z.uuid('must be an id (UUID)') });
const tags = ['b2b'];

const lineView = z.object({
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  netMinor: z.number().int(),
  vatCategory: vatRowView.shape.category,
  vatRatePercent: z.number().optional(),
});
const INVOICE_STATUSES = ['open', 'overdue', 'paid', 'credited'] as const;
const invoiceSummary = z.object({
  id: z.string(),
  number: z.string(),
  companyId: z.string(),
  company: z.string(),
  currency: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  totalMinor: z.number().int(),
  creditedMinor: z.number().int(),
  paidMinor: z.number().int(),
  openMinor: z.number().int(),
  status: z.enum(INVOICE_STATUSES),
});
const creditNoteView = z.object({
  id: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  reason: z.string(),
  lines: z.array(lineView),
  netMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  vat: z.array(vatRowView),
});

interface InvoiceAmounts {
  total_minor: number;
  credited_minor: number;
  paid_minor: number;
  due_on: string;
}
/** What is still owed on the invoice: never below nothing (a credit after payment is owed back). */
export const openMinorOf = (i: InvoiceAmounts) =>
  Math.max(0, i.total_minor - i.credited_minor - i.paid_minor);
export function invoiceStatusOf(i: InvoiceAmounts, day: string) {
  if (openMinorOf(i) > 0) return i.due_on < day ? 'overdue' : 'open';
  return i.credited_minor >= i.total_minor ? 'credited' : 'paid';
}

export function invoiceRoutes(db: Kysely<Database>, seller: SellerConfig) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const summaryOf = (
      r: InvoiceAmounts & {
        id: string;
        number: string;
        company_id: string;
        legal_name: string;
        currency: string;
        issued_on: string;
      },
    ): z.infer<typeof invoiceSummary> => ({
      id: r.id,
      number: r.number,
      companyId: r.company_id,
      company: r.legal_name,
      currency: r.currency,
      issuedOn: r.issued_on,
      dueOn: r.due_on,
      totalMinor: r.total_minor,
      creditedMinor: r.credited_minor,
      paidMinor: r.paid_minor,
      openMinor: openMinorOf(r),
      status: invoiceStatusOf(r, today()),
    });
    const invoiceRows = () =>
      db
        .selectFrom('b2b_invoices as i')
        .innerJoin('b2b_companies as c', 'c.customer_id', 'i.company_id')
        .select([
          'i.id',
          'i.number',
          'i.company_id',
          'c.legal_name',
          'i.currency',
          'i.issued_on',
          'i.due_on',
          'i.total_minor',
          'i.credited_minor',
          'i.paid_minor',
        ]);

    app.get('/v1/b2b/invoices', {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Invoices, newest number first, with what is open on each',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: storableText(64).optional().describe('The last number of the previous page'),
          open: z.enum(['true', 'false']).optional().describe('Only invoices with money open'),
        }),
        response: {
          200: z.object({ invoices: z.array(invoiceSummary), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        const { limit, cursor, open } = request.query;
        let select = invoiceRows()
          .orderBy('i.number', 'desc')
          .limit(limit + 1);
        if (cursor !== undefined) select = select.where('i.number', '<', cursor);
        if (open === 'true')
          select = select.whereRef('i.total_minor', '>', (eb) =>
            eb(eb.ref('i.credited_minor'), '+', eb.ref('i.paid_minor')),
          );
        const rows = await select.execute();
        const page = rows.slice(0, limit);
        return {
          invoices: page.map(summaryOf),
          nextCursor: rows.length > limit ? page[page.length - 1]!.number : null,
        };
      },
    });

    app.get('/v1/b2b/invoices/:id', {
      config: { access: readers },
      schema: {
        tags,
        summary: 'An invoice with its lines, credit notes and payments',
        params: idParams,
        response: {
          200: invoiceSummary.extend({
            poNumber: z.string().nullable(),
            lines: z.array(lineView),
            netMinor: z.number().int(),
            taxMinor: z.number().int(),
            vat: z.array(vatRowView),
            creditNotes: z.array(creditNoteView),
            payments: z.array(
              z.object({
                id: z.string(),
                bookedOn: z.string(),
                amountMinor: z.number().int(),
                counterparty: z.string(),
                remittance: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        const row = await invoiceRows()
          .select(['i.po_number', 'i.lines', 'i.net_minor', 'i.tax_minor', 'i.vat'])
          .where('i.id', '=', request.params.id)
          .executeTakeFirst();
        if (!row) throw notFound(`Invoice ${request.params.id}`);
        const notes = await db
          .selectFrom('b2b_credit_notes')
          .selectAll()
          .where('invoice_id', '=', row.id)
          .orderBy('seq')
          .execute();
        const payments = await db
          .selectFrom('b2b_bank_transactions')
          .select(['id', 'booked_on', 'amount_minor', 'counterparty', 'remittance'])
          .where('invoice_id', '=', row.id)
          .orderBy('booked_on')
          .execute();
        return {
          ...summaryOf(row),
          poNumber: row.po_number,
          lines: row.lines,
          netMinor: row.net_minor,
          taxMinor: row.tax_minor,
          vat: row.vat,
          creditNotes: notes.map((n) => ({
            id: n.id,
            number: n.number,
            issuedOn: n.issued_on,
            reason: n.reason,
            lines: n.lines,
            netMinor: n.net_minor,
            taxMinor: n.tax_minor,
            totalMinor: n.total_minor,
            vat: n.vat,
          })),
          payments: payments.map((p) => ({
            id: p.id,
            bookedOn: p.booked_on,
            amountMinor: p.amount_minor,
            counterparty: p.counterparty,
            remittance: p.remittance,
          })),
        };
      },
    });

    app.post('/v1/b2b/invoices/:id/credit-notes', {
      config: { access: money },
      schema: {
        tags,
        summary:
          'Credit some lines of an invoice (or, without lines, all that is left); once per Idempotency-Key',
        params: idParams,
        headers: z.looseObject({ 'idempotency-key': storableText(200) }),
        body: z.object({
          reason: storableText(500),
          lines: z
            .array(
              z.object({
                sku: storableText(100),
                quantity: z.number().int().min(1).max(1_000_000),
              }),
            )
            .min(1)
            .max(1000)
            .optional(),
        }),
        response: {
          200: z.object({ id: z.string(), number: z.string() }),
          201: z.object({ id: z.string(), number: z.string() }),
          ...errorResponses,
        },
      },
      handler: async (request, reply) => {
        const issued = await issueCreditNote(db, {
          invoiceId: request.params.id,
          idempotencyKey: request.headers['idempotency-key'],
          reason: request.body.reason,
          lines: request.body.lines ?? null,
          actor: actorOf(request.principal!),
          auditActor: auditActorOf(request.principal),
        });
        return reply
          .status(issued.created ? 201 : 200)
          .send({ id: issued.id, number: issued.number });
      },
    });

    for (const [format, summary] of [
      ['pdf', 'The credit note as a PDF, in the company language'],
      ['ubl', 'The credit note as a UBL 2.1 CreditNote (Peppol BIS Billing 3.0)'],
    ] as const)
      app.get(`/v1/b2b/credit-notes/:id/${format}`, {
        config: { access: readers },
        schema: { tags, summary, params: idParams },
        handler: async (request, reply) => {
          const note = await loadCreditNoteDocument(db, request.params.id, seller);
          if (!note) throw notFound(`Credit note ${request.params.id}`);
          const file = `${note.number}.${format === 'pdf' ? 'pdf' : 'xml'}`;
          reply.header('content-disposition', `attachment; filename="${file}"`);
          if (format === 'pdf')
            return reply.type('application/pdf').send(Buffer.from(await renderCreditNotePdf(note)));
          return reply.type('application/xml; charset=utf-8').send(renderCreditNoteUbl(note));
        },
      });
  };
}
