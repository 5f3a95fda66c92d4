// Admin API of webhooks: subscribe business systems to event types, read the per-attempt
// delivery log, and replay a dead-lettered delivery.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { allow } from '../../access/route-rules';
import { auditedBy } from '../../audit/audit';
import { rowSnapshot } from '../../audit/snapshots';
import type { Database } from '../../db/schema';
import { ApiError, notFound } from '../../http/api-error';
import { adminSecurity, errorResponses } from '../../http/route-schemas';
import { replayDeadDelivery } from '../../outbox/delivery-store';
import { OUTBOX_CHANNEL } from '../../outbox/outbox';
import {
  createSubscription,
  deleteSubscription,
  listDeliveries,
  listSubscriptions,
  newWebhookSubscriptionSchema,
  subscriptionExists,
  webhookDeliverySchema,
  webhookSubscriptionSchema,
} from './webhook-store';

const idParams = z.object({ id: z.uuid('id must be a UUID') });
const tags = ['webhooks'];
const subscriptionSnapshot = rowSnapshot('webhook_subscriptions', 'id');

export function webhookRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.post('/v1/webhooks', {
      config: { access: allow('admin', 'admin_token') },
      schema: {
        tags,
        summary: 'Subscribe a URL to event types; the signing secret is shown only in this answer',
        security: adminSecurity,
        body: newWebhookSubscriptionSchema,
        response: {
          201: webhookSubscriptionSchema.extend({ secret: z.string() }),
          ...errorResponses,
        },
      },
      handler: async (request, reply) => {
        const created = await auditedBy(request, db)(
          {
            objectType: 'webhook_subscription',
            action: 'created',
            objectId: (subscription: { id: string }) => subscription.id,
            snapshot: subscriptionSnapshot,
          },
          (trx) => createSubscription(trx, request.body),
        );
        return reply.status(201).send(created);
      },
    });
    app.get('/v1/webhooks', {
      config: { access: allow('admin', 'admin_token') },
      schema: {
        tags,
        summary: 'Active webhook subscriptions',
        security: adminSecurity,
        response: {
          200: z.object({ subscriptions: z.array(webhookSubscriptionSchema) }),
          ...errorResponses,
        },
      },
      handler: async () => ({ subscriptions: await listSubscriptions(db) }),
    });
    app.delete('/v1/webhooks/:id', {
      config: { access: allow('admin', 'admin_token') },
      schema: {
        tags,
        summary: 'Stop a subscription; deliveries not yet made are skipped',
        security: adminSecurity,
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
      handler: async (request, reply) => {
        const deleted = await auditedBy(request, db)(
          {
            objectType: 'webhook_subscription',
            objectId: request.params.id,
            action: 'deleted',
            snapshot: subscriptionSnapshot,
          },
          (trx) => deleteSubscription(trx, request.params.id),
        );
        if (!deleted) throw notFound(`Webhook subscription ${request.params.id}`);
        return reply.status(204).send(null);
      },
    });
    app.get('/v1/webhooks/:id/deliveries', {
      config: { access: allow('admin', 'admin_token') },
      schema: {
        tags,
        summary: "A subscription's deliveries, newest first, each with its attempt log",
        security: adminSecurity,
        params: idParams,
        querystring: z.object({
          status: z.enum(['pending', 'delivered', 'skipped', 'dead']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({ deliveries: z.array(webhookDeliverySchema) }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        if (!(await subscriptionExists(db, request.params.id)))
          throw notFound(`Webhook subscription ${request.params.id}`);
        return { deliveries: await listDeliveries(db, request.params.id, request.query) };
      },
    });
    app.post('/v1/webhook-deliveries/:id/replay', {
      config: { access: allow('admin', 'admin_token') },
      schema: {
        tags,
        summary: 'Send a dead-lettered delivery again, with a fresh set of tries',
        security: adminSecurity,
        params: idParams,
        response: {
          202: z.object({ id: z.string(), status: z.literal('pending') }),
          ...errorResponses,
        },
      },
      handler: async (request, reply) => {
        const { id } = request.params;
        const audit = {
          objectType: 'webhook_delivery',
          objectId: id,
          action: 'replayed',
          snapshot: rowSnapshot('outbox_deliveries', 'id'),
        };
        const replayed = await auditedBy(request, db)(audit, async (trx) => {
          const ok = await replayDeadDelivery(trx, id);
          if (ok) await sql`select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(trx);
          return ok;
        });
        if (!replayed) {
          const known = await db
            .selectFrom('outbox_deliveries')
            .select('status')
            .where('id', '=', id)
            .executeTakeFirst();
          if (!known) throw notFound(`Delivery ${id}`);
          throw new ApiError(
            409,
            'delivery_not_dead',
            `Only a dead-lettered delivery can be replayed; this one is ${known.status}.`,
            'id',
          );
        }
        return reply.status(202).send({ id, status: 'pending' as const });
      },
    });
  };
}
