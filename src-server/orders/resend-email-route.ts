// POST /v1/orders/:id/emails/resend: customer service sends a customer e-mail of the order
// again, with a reason (audit entry and timeline event), for the same callers as other order actions.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { optionalText, storableText } from '../../shared/validation/text';
import { actorOf } from '../access/access';
import { allow } from '../access/route-rules';
import { auditedBy } from '../audit/audit';
import { orderSnapshot } from '../audit/snapshots';
import type { Database } from '../db/schema';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import { actionReason } from './order-routes';
import { resendOrderEmailIn } from './resend-email';
import type { ResendEmailOutcome } from './resend-email';

export const resendEmailBodySchema = z.object({
  kind: storableText(64).describe(
    'The e-mail to send again, as the timeline names it (order_shipped, …).',
  ),
  reason: optionalText(500),
});

const resendEmailResponseSchema = z.object({
  orderId: z.string(),
  kind: z.string(),
  eventId: z.string(),
  resendOf: z.string(),
}) satisfies z.ZodType<ResendEmailOutcome>;

export function resendEmailRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.post('/v1/orders/:id/emails/resend', {
      config: { access: allow('admin', 'customer_service', 'admin_token') },
      schema: {
        tags: ['orders'],
        summary:
          'Send a customer e-mail of the order again, composed from current data (409 when that e-mail was never sent; 422 for a kind that is not a customer e-mail)',
        security: adminSecurity,
        params: z.object({ id: z.uuid('must be an order id (UUID)') }),
        body: resendEmailBodySchema,
        response: { 202: resendEmailResponseSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const reason = actionReason(request.principal, request.body);
        const result = await auditedBy(request, db)(
          {
            objectType: 'order',
            objectId: request.params.id,
            action: 'email_resent',
            snapshot: orderSnapshot,
            reason,
          },
          (trx) =>
            resendOrderEmailIn(trx, {
              orderId: request.params.id,
              kind: request.body.kind,
              actor: actorOf(request.principal!),
              reason,
            }),
        );
        return reply.status(202).send(result);
      },
    });
  };
}
