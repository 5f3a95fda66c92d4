// POST /v1/orders/:id/lines/cancel: customer service takes units of lines off an order before
// they are packed, with a reason, under an Idempotency-Key (a replay answers the first response).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { optionalText, storableText } from '../../shared/validation/text';
import { actorOf } from '../access/access';
import { allow } from '../access/route-rules';
import { auditedBy } from '../audit/audit';
import { orderLinesSnapshot } from '../audit/snapshots';
import type { Database } from '../db/schema';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import { cancelLinesScope, cancelOrderLinesIn } from './cancel-lines';
import type { CancelLinesOutcome } from './cancel-lines';
import { findReplay, requestFingerprint } from './idempotency';
import { actionReason } from './order-routes';

export const cancelLinesBodySchema = z.object({
  lines: z
    .array(
      z.object({
        lineId: z.uuid('must be an order line id (UUID)'),
        quantity: z.number().int().min(1, 'must be at least 1').max(1_000_000),
      }),
    )
    .min(1, 'name at least one line')
    .max(500),
  reason: optionalText(500),
});

const cancelLinesResponseSchema = z.object({
  orderId: z.string(),
  lines: z.array(
    z.object({
      lineId: z.string(),
      lineNo: z.number().int(),
      sku: z.string(),
      cancelledQuantity: z.number().int(),
      quantity: z.number().int(),
      cancelledGrossMinor: z.number().int(),
      cancelledTaxMinor: z.number().int(),
    }),
  ),
  releasedUnits: z.number().int(),
  fulfillments: z.array(z.string()),
  cancelledFulfillments: z.array(z.string()),
  cancelledTotalMinor: z.number().int(),
  totalMinor: z.number().int(),
}) satisfies z.ZodType<CancelLinesOutcome>;

export function cancelLinesRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.post('/v1/orders/:id/lines/cancel', {
      config: { access: allow('admin', 'customer_service', 'admin_token') },
      schema: {
        tags: ['orders'],
        summary:
          'Cancel quantities of order lines before they are packed: releases their reservations, splits the money to the cent (shipping unchanged); 409 naming a line whose units are packed or shipped',
        security: adminSecurity,
        headers: z.looseObject({
          'idempotency-key': storableText(255).describe(
            'Unique per cancellation; a replay returns the first response.',
          ),
        }),
        params: z.object({ id: z.uuid('must be an order id (UUID)') }),
        body: cancelLinesBodySchema,
        response: { 200: cancelLinesResponseSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const reason = actionReason(request.principal, request.body);
        const orderId = request.params.id;
        const key = request.headers['idempotency-key'];
        const fingerprint = requestFingerprint(request.body);
        // The common replay is answered without opening a write (or an audit entry).
        const early = await findReplay(db, cancelLinesScope(orderId), key, fingerprint);
        if (early) {
          void reply.header('idempotent-replayed', 'true');
          return reply.status(early.statusCode).send(early.body as CancelLinesOutcome);
        }
        const result = await auditedBy(request, db)(
          {
            objectType: 'order',
            objectId: orderId,
            action: 'lines_cancelled',
            snapshot: orderLinesSnapshot,
            reason,
          },
          (trx) =>
            cancelOrderLinesIn(trx, {
              orderId,
              actor: actorOf(request.principal!),
              lines: request.body.lines,
              reason,
              idempotency: { key, fingerprint },
            }),
        );
        if (result.replayed) void reply.header('idempotent-replayed', 'true');
        return reply
          .status(result.response.statusCode)
          .send(result.response.body as CancelLinesOutcome);
      },
    });
  };
}
