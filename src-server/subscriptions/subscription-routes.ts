// The subscription API: a channel's checkout creates subscriptions (like orders, with an
// Idempotency-Key); channels and customer service read and change them. Channel keys reach their
// own channel's subscriptions only; customer service (the back office) and the admin token all.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { storableText } from '../../shared/orders/order-schema';
import { actorOf, assertMayReadChannel } from '../access/access';
import type { Principal } from '../access/access';
import { allow } from '../access/route-rules';
import { auditActorOf, auditedBy } from '../audit/audit';
import { notFound } from '../http/api-error';
import { channelOrAdminSecurity, errorResponses } from '../http/route-schemas';
import { resolveIntakeChannel } from '../orders/order-routes';
import type { RenewalContext } from './renewal-context';
import { reasonOf, subscriptionChangeSchema } from './subscription-change-schema';
import { changeSubscription } from './subscription-changes';
import {
  subscriptionInputSchema,
  subscriptionListSchema,
  subscriptionViewSchema,
} from './subscription-contracts';
import { createSubscription } from './subscription-create';
import { getSubscriptionView, listSubscriptions } from './subscription-queries';
import { subscriptionSnapshot } from './subscription-snapshot';

const idParams = z.object({ id: z.uuid('must be a subscription id (UUID)') });

const changeActor = (principal: Principal) => (principal.kind === 'channel' ? 'channel' : 'staff');

/** Who signs customers up: their checkout (a channel), customer service and sales on the phone. */
const signers = allow('admin', 'customer_service', 'sales_rep', 'channel', 'admin_token');
/** Who reads subscriptions: as orders, finance included. */
const readers = allow(
  'admin',
  'customer_service',
  'sales_rep',
  'finance',
  'channel',
  'admin_token',
);
/** Who changes one for the customer: customer service, or the channel's own account pages. */
const changers = allow('admin', 'customer_service', 'channel', 'admin_token');

export function subscriptionRoutes(ctx: RenewalContext) {
  const { db } = ctx;
  const view = async (id: string, principal: Principal | null) => {
    const found = await getSubscriptionView(db, id, ctx.settings.reserveAheadDays);
    if (!found) throw notFound(`Subscription ${id}`);
    assertMayReadChannel(principal, found.channel);
    return found;
  };
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post('/v1/subscriptions', {
      config: { access: signers },
      schema: {
        tags: ['subscriptions'],
        summary: "Create a subscription (a channel's checkout posts it, like an order)",
        security: channelOrAdminSecurity,
        headers: z.looseObject({
          'idempotency-key': storableText(255).describe(
            'Unique per subscription attempt; a replay returns the first response.',
          ),
          'x-channel-code': storableText(64)
            .optional()
            .describe('Admin only: the channel the subscription belongs to.'),
        }),
        body: subscriptionInputSchema,
        response: { 201: subscriptionViewSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const principal = request.principal!;
        const channelCode = await resolveIntakeChannel(
          db,
          principal,
          request.headers['x-channel-code'],
        );
        const created = await createSubscription(ctx, {
          channelCode,
          input: request.body,
          idempotencyKey: request.headers['idempotency-key'],
          actor: actorOf(principal),
          auditActor: auditActorOf(principal),
        });
        if (created.replayed) void reply.header('idempotent-replayed', 'true');
        return reply.status(201).send(await view(created.id, principal));
      },
    });

    app.get('/v1/subscriptions/:id', {
      config: { access: readers },
      schema: {
        tags: ['subscriptions'],
        summary: 'One subscription with its lines, next renewal, renewals and history of changes',
        security: channelOrAdminSecurity,
        params: idParams,
        response: { 200: subscriptionViewSchema, ...errorResponses },
      },
      handler: async (request) => view(request.params.id, request.principal),
    });

    app.get('/v1/subscriptions', {
      config: { access: readers },
      schema: {
        tags: ['subscriptions'],
        summary: 'Subscriptions, newest first (a channel key sees its own channel only)',
        security: channelOrAdminSecurity,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
          state: z.enum(['active', 'paused', 'cancelled', 'expired']).optional(),
          channel: z.string().max(64).optional(),
          plan: z.string().max(64).optional().describe('A plan code'),
          q: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .optional()
            .describe("Part of the reference, the channel's id, the e-mail or the customer's name"),
        }),
        response: { 200: subscriptionListSchema, ...errorResponses },
      },
      handler: async (request) => {
        const principal = request.principal!;
        if (principal.kind === 'channel' && request.query.channel !== undefined)
          assertMayReadChannel(principal, request.query.channel);
        const channelCode =
          principal.kind === 'channel' ? principal.channelCode : request.query.channel;
        return listSubscriptions(db, { ...request.query, channelCode });
      },
    });

    app.post('/v1/subscriptions/:id/changes', {
      config: { access: changers },
      schema: {
        tags: ['subscriptions'],
        summary:
          'Change a subscription: skip the next delivery, pause, resume, cancel, move the date, change a quantity, swap a product, change the address or payment mandate',
        description:
          'A change made after the cut-off of the next renewal applies to the one after it. Each change is written to the audit log with who made it.',
        security: channelOrAdminSecurity,
        params: idParams,
        body: subscriptionChangeSchema,
        response: { 200: subscriptionViewSchema, ...errorResponses },
      },
      handler: async (request) => {
        const principal = request.principal!;
        const id = request.params.id;
        await auditedBy(request, db)(
          {
            objectType: 'subscription',
            objectId: id,
            action: `changed:${request.body.type}`,
            snapshot: subscriptionSnapshot,
            reason: reasonOf(request.body),
          },
          (trx) =>
            changeSubscription(
              { ...ctx, db: trx },
              {
                subscriptionId: id,
                change: request.body,
                actor: changeActor(principal),
                actorLabel: actorOf(principal),
                channelScope: principal.kind === 'channel' ? principal.channelCode : null,
              },
            ),
        );
        return view(request.params.id, principal);
      },
    });
  };
}
