// The B2B API: companies with buyers and price lists, quotes (draft → send → accept), approvals
// and payments. Reps and admins run accounts and quotes; finance records payments; buyers accept
// and approvers decide through the links they are e-mailed (public routes that need the token).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { storableText } from '../../shared/validation/text';
import { actorOf } from '../access/access';
import { allow, PUBLIC } from '../access/route-rules';
import { auditedBy } from '../audit/audit';
import { rowSnapshot } from '../audit/snapshots';
import type { Database } from '../db/schema';
import { notFound } from '../http/api-error';
import { errorResponses } from '../http/route-schemas';
import type { OrderIntake } from '../orders/intake-queue';
import type { VatSettings } from '../tax/vat-settings';
import { addBuyer, createCompany, createPriceList, getCompanyView } from './companies/companies';
import {
  companyViewSchema,
  newBuyerSchema,
  newCompanySchema,
  newPriceListSchema,
} from './companies/company-schemas';
import { decideApproval, recordPayment } from './credit/order-holds';
import { loadInvoiceDocument } from './invoices/invoice-document';
import { renderInvoicePdf } from './invoices/invoice-pdf';
import { renderInvoiceUbl } from './invoices/invoice-ubl';
import { issueInvoice } from './invoices/invoices';
import type { SellerConfig } from './invoices/seller-config';
import { quoteAcceptPath, quoteOfLink } from './quotes/quote-links';
import type { QuoteLinkSettings } from './quotes/quote-links';
import { acceptQuote } from './quotes/quote-accept';
import { reorder } from './reorders/reorder';
import {
  acceptanceSchema,
  newQuoteSchema,
  quoteRevisionSchema,
  quoteViewSchema,
  vatRowView,
} from './quotes/quote-schemas';
import { createQuote, getQuoteView, reviseQuote, sendQuote } from './quotes/quotes';

const accounts = allow('admin', 'sales_rep', 'admin_token');
const readers = allow('admin', 'sales_rep', 'finance', 'customer_service', 'admin_token');
const money = allow('admin', 'finance', 'admin_token');
const idParams = z.object({ id: z.uuid('must be an id (UUID)') });
const tokenParams = z.object({ token: storableText(100) });
const acceptedSchema = z.object({
  orderId: z.string(),
  status: z.string(),
  holds: z.array(z.string()),
});
const tags = ['b2b'];

export function b2bRoutes(
  db: Kysely<Database>,
  intake: OrderIntake,
  vat: VatSettings,
  seller: SellerConfig,
  links: QuoteLinkSettings,
) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post('/v1/b2b/price-lists', {
      config: { access: accounts },
      schema: {
        tags,
        summary: 'Create a contract price list with quantity breaks',
        body: newPriceListSchema,
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
      handler: async (request, reply) => {
        const id = await auditedBy(request, db)(
          {
            objectType: 'b2b_price_list',
            action: 'created',
            objectId: (r: string) => r,
            snapshot: rowSnapshot('b2b_price_lists', 'id'),
          },
          (trx) => createPriceList(trx, request.body),
        );
        return reply.status(201).send({ id });
      },
    });

    app.post('/v1/b2b/companies', {
      config: { access: accounts },
      schema: {
        tags,
        summary: 'Create a company account',
        body: newCompanySchema,
        response: { 201: companyViewSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const id = await auditedBy(request, db)(
          {
            objectType: 'b2b_company',
            action: 'created',
            objectId: (r: string) => r,
            snapshot: rowSnapshot('b2b_companies', 'customer_id'),
          },
          (trx) => createCompany(trx, request.body),
        );
        return reply.status(201).send((await getCompanyView(db, id))!);
      },
    });

    app.get('/v1/b2b/companies/:id', {
      config: { access: readers },
      schema: {
        tags,
        summary: 'A company with its buyers and open balance',
        params: idParams,
        response: { 200: companyViewSchema, ...errorResponses },
      },
      handler: async (request) => {
        const view = await getCompanyView(db, request.params.id);
        if (!view) throw notFound(`Company ${request.params.id}`);
        return view;
      },
    });

    app.post('/v1/b2b/companies/:id/buyers', {
      config: { access: accounts },
      schema: {
        tags,
        summary: 'Add (or change) a buyer of a company',
        params: idParams,
        body: newBuyerSchema,
        response: { 201: companyViewSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        if (!(await getCompanyView(db, request.params.id)))
          throw notFound(`Company ${request.params.id}`);
        await auditedBy(request, db)(
          {
            objectType: 'b2b_buyer',
            action: 'saved',
            objectId: (r: string) => r,
            snapshot: rowSnapshot('b2b_buyers', 'id'),
          },
          (trx) => addBuyer(trx, request.params.id, request.body),
        );
        return reply.status(201).send((await getCompanyView(db, request.params.id))!);
      },
    });

    for (const [path, kind] of [
      ['payments', 'payment'],
      ['credit-notes', 'credit_note'],
    ] as const)
      app.post(`/v1/b2b/companies/:id/${path}`, {
        config: { access: money },
        schema: {
          tags,
          summary: `Record a ${kind === 'payment' ? 'payment' : 'credit note'}; releases the credit holds it makes room for`,
          params: idParams,
          body: z.object({
            amountMinor: z.number().int().min(1).max(2_000_000_000),
            reference: storableText(100),
          }),
          response: {
            201: z.object({
              openBalanceMinor: z.number().int(),
              releasedOrders: z.array(z.string()),
            }),
            ...errorResponses,
          },
        },
        handler: async (request, reply) => {
          const result = await recordPayment(db, {
            companyId: request.params.id,
            ...request.body,
            actor: actorOf(request.principal!),
            kind,
          });
          return reply.status(201).send(result);
        },
      });

    app.post('/v1/b2b/quotes', {
      config: { access: accounts },
      schema: {
        tags,
        summary: 'Draft a quote from a request for quote (lines or CSV)',
        body: newQuoteSchema,
        response: { 201: quoteViewSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request.principal!);
        const id = await auditedBy(request, db)(
          {
            objectType: 'b2b_quote',
            action: 'drafted',
            objectId: (r: string) => r,
            snapshot: rowSnapshot('b2b_quotes', 'id'),
          },
          (trx) => createQuote(trx, request.body, actor, vat),
        );
        return reply.status(201).send((await getQuoteView(db, id))!);
      },
    });

    app.get('/v1/b2b/companies', {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Company accounts by name (for pickers)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(200) }),
        response: {
          200: z.object({
            companies: z.array(z.object({ id: z.string(), legalName: z.string() })),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        const rows = await db
          .selectFrom('b2b_companies')
          .select(['customer_id', 'legal_name'])
          .orderBy('legal_name')
          .orderBy('customer_id')
          .limit(request.query.limit)
          .execute();
        return { companies: rows.map((r) => ({ id: r.customer_id, legalName: r.legal_name })) };
      },
    });

    app.get('/v1/b2b/quotes', {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Quotes by number, a page at a time',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: storableText(64).optional().describe('The last number of the previous page'),
        }),
        response: {
          200: z.object({
            quotes: z.array(
              z.object({
                id: z.string(),
                number: z.string(),
                company: z.string(),
                status: z.string(),
                currentVersion: z.number().int(),
                totalMinor: z.number().int(),
                currency: z.string(),
                validUntil: z.string(),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        const { limit, cursor } = request.query;
        let select = db
          .selectFrom('b2b_quotes as q')
          .innerJoin('b2b_companies as c', 'c.customer_id', 'q.company_id')
          .innerJoin('b2b_quote_versions as v', (j) =>
            j.onRef('v.quote_id', '=', 'q.id').onRef('v.version', '=', 'q.current_version'),
          )
          .select([
            'q.id',
            'q.number',
            'c.legal_name',
            'q.status',
            'q.current_version',
            'v.total_minor',
            'v.currency',
            'v.valid_until',
          ])
          .orderBy('q.number')
          .limit(limit + 1);
        if (cursor !== undefined) select = select.where('q.number', '>', cursor);
        const rows = await select.execute();
        const page = rows.slice(0, limit);
        return {
          quotes: page.map((r) => ({
            id: r.id,
            number: r.number,
            company: r.legal_name,
            status: r.status,
            currentVersion: r.current_version,
            totalMinor: r.total_minor,
            currency: r.currency,
            validUntil: r.valid_until,
          })),
          nextCursor: rows.length > limit ? page[page.length - 1]!.number : null,
        };
      },
    });

    app.get('/v1/b2b/quotes/:id', {
      config: { access: readers },
      schema: {
        tags,
        summary: 'A quote with every version',
        params: idParams,
        response: { 200: quoteViewSchema, ...errorResponses },
      },
      handler: async (request) => {
        const view = await getQuoteView(db, request.params.id);
        if (!view) throw notFound(`Quote ${request.params.id}`);
        return view;
      },
    });

    app.patch('/v1/b2b/quotes/:id', {
      config: { access: accounts },
      schema: {
        tags,
        summary: 'Revise a quote (a sent quote gets a new version)',
        params: idParams,
        body: quoteRevisionSchema,
        response: { 200: quoteViewSchema, ...errorResponses },
      },
      handler: async (request) => {
        await auditedBy(request, db)(
          {
            objectType: 'b2b_quote',
            action: 'revised',
            objectId: request.params.id,
            snapshot: rowSnapshot('b2b_quotes', 'id'),
          },
          (trx) => reviseQuote(trx, request.params.id, request.body, vat),
        );
        return (await getQuoteView(db, request.params.id))!;
      },
    });

    app.post('/v1/b2b/quotes/:id/send', {
      config: { access: accounts },
      schema: {
        tags,
        summary: "Send the quote: its version is frozen; answers the buyer's accept link",
        params: idParams,
        response: { 200: z.object({ acceptPath: z.string() }), ...errorResponses },
      },
      handler: async (request) => {
        const token = await auditedBy(request, db)(
          {
            objectType: 'b2b_quote',
            action: 'sent',
            objectId: request.params.id,
            snapshot: rowSnapshot('b2b_quotes', 'id'),
          },
          (trx) => sendQuote(trx, request.params.id, links.secret),
        );
        return { acceptPath: quoteAcceptPath(token) };
      },
    });

    app.post('/v1/b2b/quotes/:id/accept', {
      config: { access: accounts },
      schema: {
        tags,
        summary: "Accept for the buyer, with the buyer's PO number",
        params: idParams,
        body: acceptanceSchema,
        response: { 201: acceptedSchema, ...errorResponses },
      },
      handler: async (request, reply) =>
        reply.status(201).send(
          await acceptQuote(
            db,
            intake,
            {
              quoteId: request.params.id,
              poNumber: request.body.poNumber,
              actor: actorOf(request.principal!),
            },
            vat,
          ),
        ),
    });

    app.post('/v1/b2b/quote-links/:token/accept', {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'The buyer accepts through the e-mailed link',
        params: tokenParams,
        body: acceptanceSchema,
        response: { 201: acceptedSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const quote = await quoteOfLink(db, links.secret, request.params.token);
        return reply.status(201).send(
          await acceptQuote(
            db,
            intake,
            {
              quoteId: quote.id,
              poNumber: request.body.poNumber,
              actor: 'buyer:link',
            },
            vat,
          ),
        );
      },
    });

    const invoiceView = z.object({
      id: z.string(),
      number: z.string(),
      orderId: z.string(),
      fulfillmentId: z.string(),
      poNumber: z.string().nullable(),
      currency: z.string(),
      issuedOn: z.string(),
      dueOn: z.string(),
      lines: z.array(
        z.object({
          sku: z.string(),
          name: z.string(),
          quantity: z.number().int(),
          unitPriceMinor: z.number().int(),
          netMinor: z.number().int(),
          vatCategory: vatRowView.shape.category,
          vatRatePercent: z.number().optional(),
        }),
      ),
      netMinor: z.number().int(),
      taxMinor: z.number().int(),
      totalMinor: z.number().int(),
      vat: z.array(vatRowView),
    });
    app.post('/v1/b2b/fulfillments/:id/invoice', {
      config: { access: money },
      schema: {
        tags,
        summary: 'Invoice a shipment (numbered without gaps per legal entity and year)',
        params: idParams,
        response: { 201: invoiceView, ...errorResponses },
      },
      handler: async (request, reply) => {
        const id = await issueInvoice(db, request.params.id);
        const row = await db
          .selectFrom('b2b_invoices')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return reply.status(201).send({
          id: row.id,
          number: row.number,
          orderId: row.order_id,
          fulfillmentId: row.fulfillment_id,
          poNumber: row.po_number,
          currency: row.currency,
          issuedOn: row.issued_on,
          dueOn: row.due_on,
          lines: row.lines,
          netMinor: row.net_minor,
          taxMinor: row.tax_minor,
          totalMinor: row.total_minor,
          vat: row.vat,
        });
      },
    });

    for (const [format, summary] of [
      ['pdf', 'The invoice as a PDF, in the company language'],
      ['ubl', 'The invoice as UBL 2.1 XML (Peppol BIS Billing 3.0, EN 16931)'],
    ] as const)
      app.get(`/v1/b2b/invoices/:id/${format}`, {
        config: { access: readers },
        schema: { tags, summary, params: idParams },
        handler: async (request, reply) => {
          const invoice = await loadInvoiceDocument(db, request.params.id, seller);
          if (!invoice) throw notFound(`Invoice ${request.params.id}`);
          const file = `${invoice.number}.${format === 'pdf' ? 'pdf' : 'xml'}`;
          reply.header('content-disposition', `attachment; filename="${file}"`);
          if (format === 'pdf')
            return reply.type('application/pdf').send(Buffer.from(await renderInvoicePdf(invoice)));
          return reply.type('application/xml; charset=utf-8').send(renderInvoiceUbl(invoice));
        },
      });

    app.post('/v1/b2b/orders/:id/reorder', {
      config: { access: allow('admin', 'sales_rep', 'customer_service', 'admin_token') },
      schema: {
        tags,
        summary: "Re-order a past company order at today's prices; names what is no longer sold",
        params: idParams,
        headers: z.looseObject({ 'idempotency-key': storableText(200) }),
        body: acceptanceSchema,
        response: {
          201: z.object({
            orderId: z.string(),
            channelOrderRef: z.string(),
            totalMinor: z.number().int(),
            notSold: z.array(
              z.object({
                sku: z.string(),
                quantity: z.number().int(),
                reason: z.enum(['unknown_product', 'no_price']),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
      handler: async (request, reply) =>
        reply.status(201).send(
          await reorder(db, intake, {
            orderId: request.params.id,
            idempotencyKey: request.headers['idempotency-key'],
            actor: actorOf(request.principal!),
            poNumber: request.body.poNumber,
          }),
        ),
    });

    const decision = z.object({ approve: z.boolean() });
    const decided = z.object({ orderId: z.string(), status: z.string() });
    app.get('/v1/b2b/approvals', {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Orders waiting for an approver, oldest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: {
          200: z.object({
            approvals: z.array(
              z.object({
                id: z.string(),
                orderId: z.string(),
                companyId: z.string(),
                reason: z.string(),
                createdAt: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        const rows = await db
          .selectFrom('b2b_approvals')
          .select(['id', 'order_id', 'company_id', 'reason', 'created_at'])
          .where('status', '=', 'pending')
          .orderBy('created_at')
          .orderBy('id')
          .limit(request.query.limit)
          .execute();
        return {
          approvals: rows.map((r) => ({
            id: r.id,
            orderId: r.order_id,
            companyId: r.company_id,
            reason: r.reason,
            createdAt: new Date(r.created_at).toISOString(),
          })),
        };
      },
    });

    app.post('/v1/b2b/approvals/:id/decision', {
      config: { access: accounts },
      schema: {
        tags,
        summary: 'Approve or reject an order waiting for approval',
        params: idParams,
        body: decision,
        response: { 200: decided, ...errorResponses },
      },
      handler: async (request) =>
        decideApproval(
          db,
          { id: request.params.id },
          request.body.approve,
          actorOf(request.principal!),
        ),
    });

    app.post('/v1/b2b/approval-links/:token/decision', {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'The approver decides through the e-mailed link',
        params: tokenParams,
        body: decision,
        response: { 200: decided, ...errorResponses },
      },
      handler: async (request) =>
        decideApproval(db, { token: request.params.token }, request.body.approve, 'approver:link'),
    });
  };
}
