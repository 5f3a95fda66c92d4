// The RMA API: authorise a return (admin or the order's channel), read RMAs, move them by hand
// (in transit, rejected), close one half-way with a reason (customer service), retry the refunds
// a provider did not take, and fetch the customer's return label.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { labelLocaleSchema } from '../../shared/labels/label-words';
import { renderReturnLabelZpl } from '../../shared/labels/return-label';
import { actorOf, channelScope } from '../access/access';
import { allow } from '../access/route-rules';
import { auditedBy } from '../audit/audit';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';
import { adminSecurity, channelOrAdminSecurity, errorResponses } from '../http/route-schemas';
import { retryRefunds } from './refund-issue';
import { renderReturnLabelPdf, returnLabelData } from './return-label-files';
import {
  newRmaSchema,
  rmaCloseSchema,
  rmaStatusChangeSchema,
  rmaViewSchema,
} from './rma-contracts';
import { createRma } from './rma-create';
import { publishRmas } from './rma-projection';
import { getRmaView, listRmaIds } from './rma-queries';
import { lockRma, lockRmaOrThrow, moveRma } from './rma-writes';

const rmaReaders = allow('admin', 'customer_service', 'finance', 'channel', 'admin_token');
const rmaDesk = allow('admin', 'customer_service', 'admin_token');

const idParams = z.object({ id: z.string().min(1).max(64) });

export function rmaRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const view = async (id: string, channel: string | null) => {
      const rma = await getRmaView(db, id);
      if (!rma || (channel !== null && rma.channel !== channel)) throw notFound(`RMA ${id}`);
      return rma;
    };

    app.post('/v1/rmas', {
      config: { access: allow('admin', 'customer_service', 'channel', 'admin_token') },
      schema: {
        tags: ['returns'],
        summary: "Authorise a return of an order's shipped lines",
        security: channelOrAdminSecurity,
        body: newRmaSchema,
        response: { 201: rmaViewSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const principal = request.principal!;
        const id = await auditedBy(request, db)(
          {
            objectType: 'rma',
            action: 'created',
            objectId: (rmaId: string) => rmaId,
            snapshot: lockRma,
          },
          (trx) =>
            createRma(trx, request.body, {
              actor: actorOf(principal),
              channelCode: channelScope(principal),
            }),
        );
        return reply.status(201).send(await view(id, null));
      },
    });

    app.get('/v1/rmas/:id', {
      config: { access: rmaReaders },
      schema: {
        tags: ['returns'],
        summary: 'One RMA with lines, event trail, receipts and refund',
        security: channelOrAdminSecurity,
        params: idParams,
        response: { 200: rmaViewSchema, ...errorResponses },
      },
      handler: async (request) => view(request.params.id, channelScope(request.principal)),
    });

    app.get('/v1/rmas', {
      config: { access: rmaReaders },
      schema: {
        tags: ['returns'],
        summary: 'RMAs, newest first (at most 200), optionally of one order',
        security: channelOrAdminSecurity,
        querystring: z.object({ orderId: z.uuid('must be an order id (UUID)').optional() }),
        response: { 200: z.object({ rmas: z.array(rmaViewSchema) }), ...errorResponses },
      },
      handler: async (request) => {
        const channelCode = channelScope(request.principal);
        const ids = await listRmaIds(db, { orderId: request.query.orderId, channelCode });
        return { rmas: await Promise.all(ids.map((id) => view(id, channelCode))) };
      },
    });

    app.post('/v1/rmas/:id/status', {
      config: { access: rmaDesk },
      schema: {
        tags: ['returns'],
        summary: 'Mark an RMA in transit, closed (with a note saying why) or rejected',
        security: adminSecurity,
        params: idParams,
        body: rmaStatusChangeSchema,
        response: { 200: rmaViewSchema, ...errorResponses },
      },
      handler: async (request) => {
        const audit = { objectType: 'rma', objectId: request.params.id, snapshot: lockRma };
        await auditedBy(request, db)({ ...audit, action: request.body.status }, async (trx) => {
          const rma = await lockRmaOrThrow(trx, request.params.id);
          await moveRma(
            trx,
            rma,
            request.body.status,
            actorOf(request.principal!),
            request.body.note ? { note: request.body.note } : {},
          );
          await publishRmas(trx, [rma.id]);
        });
        return view(request.params.id, null);
      },
    });

    app.post('/v1/rmas/:id/close', {
      config: { access: rmaDesk },
      schema: {
        tags: ['returns'],
        summary:
          'Close an RMA that still awaits goods (customer service): the parcels received so far stay booked and refunded, no parcel is taken any more',
        security: adminSecurity,
        params: idParams,
        body: rmaCloseSchema,
        response: { 200: rmaViewSchema, ...errorResponses },
      },
      handler: async (request) => {
        const audit = { objectType: 'rma', objectId: request.params.id, snapshot: lockRma };
        const reason = request.body.reason;
        await auditedBy(request, db)({ ...audit, action: 'closed', reason }, async (trx) => {
          const rma = await lockRmaOrThrow(trx, request.params.id);
          await moveRma(trx, rma, 'closed', actorOf(request.principal!), { note: reason });
          await publishRmas(trx, [rma.id]);
        });
        return view(request.params.id, null);
      },
    });

    app.post('/v1/rmas/:id/refund', {
      config: { access: allow('admin', 'finance', 'admin_token') },
      schema: {
        tags: ['returns'],
        summary: "Retry the RMA's parcel refunds that the provider did not take",
        security: adminSecurity,
        params: idParams,
        response: { 200: rmaViewSchema, ...errorResponses },
      },
      handler: async (request) => {
        const audit = { objectType: 'rma', objectId: request.params.id, snapshot: lockRma };
        await auditedBy(request, db)({ ...audit, action: 'refund_retried' }, async (trx) => {
          const rma = await lockRmaOrThrow(trx, request.params.id);
          const sent = await retryRefunds(trx, rma, actorOf(request.principal!));
          if (sent.length === 0)
            throw new ApiError(
              409,
              'no_refund',
              `RMA ${rma.code} has no refund waiting: every parcel's refund was issued.`,
            );
          await publishRmas(trx, [rma.id]);
        });
        return view(request.params.id, null);
      },
    });

    app.get('/v1/rmas/:id/label.zpl', {
      config: { access: rmaReaders },
      schema: {
        tags: ['returns'],
        summary: 'The 4×6 return label as ZPL',
        security: channelOrAdminSecurity,
        params: idParams,
        querystring: z.object({
          dpi: z.enum(['203', '300']).default('203'),
          lang: labelLocaleSchema.default('en'),
        }),
      },
      handler: async (request, reply) => {
        const label = await returnLabelData(db, request.params.id, channelScope(request.principal));
        const dpi = request.query.dpi === '300' ? 300 : 203;
        return reply
          .type('application/zpl; charset=utf-8')
          .send(renderReturnLabelZpl(label, dpi, request.query.lang));
      },
    });

    app.get('/v1/rmas/:id/label.pdf', {
      config: { access: rmaReaders },
      schema: {
        tags: ['returns'],
        summary: 'The return label as an A6 PDF',
        security: channelOrAdminSecurity,
        params: idParams,
        querystring: z.object({ lang: labelLocaleSchema.default('en') }),
      },
      handler: async (request, reply) => {
        const label = await returnLabelData(db, request.params.id, channelScope(request.principal));
        const pdf = await renderReturnLabelPdf(label, request.query.lang);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="return-${label.rmaId}.pdf"`)
          .send(Buffer.from(pdf));
      },
    });
  };
}
