// Channel platform connectors. Shopify posts `orders/create` webhooks signed with the channel's
// webhook secret (no API key: Shopify cannot send one); Adobe Commerce orders are pushed with the
// channel's API key. Both become canonical orders and go through the same intake.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf } from '../access/access';
import { allow, PUBLIC } from '../access/route-rules';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { channelOrAdminSecurity, errorResponses } from '../http/route-schemas';
import { orderPlacedSchema } from '../orders/order-contracts';
import { resolveIntakeChannel } from '../orders/order-routes';
import type { OrderIntake } from '../orders/intake-queue';
import { validateMappedOrder } from './canonical';
import { MAGENTO_TOTAL_FIELDS, mapMagentoOrder } from './magento/magento-order';
import { verifyShopifyHmac } from './shopify/shopify-hmac';
import { mapShopifyOrder, SHOPIFY_TOTAL_FIELDS } from './shopify/shopify-order';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: Buffer | undefined;
  }
}

const platformBody = z.record(z.string(), z.unknown());

export function connectorRoutes(db: Kysely<Database>, intake: OrderIntake) {
  return async (plain: FastifyInstance) => {
    // Webhook signatures cover the exact bytes sent, so keep them (this plugin's routes only).
    plain.decorateRequest('rawBody', undefined);
    plain.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      request.rawBody = body as Buffer;
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post('/v1/connectors/shopify/:channel/orders-create', {
      // No credential: Shopify signs the body with the channel's webhook secret (checked below).
      config: { access: PUBLIC },
      schema: {
        tags: ['connectors'],
        summary:
          'Shopify orders/create webhook (verified by X-Shopify-Hmac-Sha256 with the channel webhook secret)',
        description:
          'X-Shopify-Topic is required (a request without it is not a Shopify webhook: 400). The order is refused (422) when its lines, discounts, shipping and tax do not add up to total_price to the cent.',
        params: z.object({ channel: z.string().min(1).max(64) }),
        headers: z.looseObject({
          'x-shopify-hmac-sha256': z.string().max(200).optional(),
          'x-shopify-topic': z.string().max(100).optional(),
        }),
        body: platformBody,
        response: { 201: orderPlacedSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const topic = request.headers['x-shopify-topic'];
        if (topic === undefined || topic === '') {
          throw new ApiError(
            400,
            'not_a_shopify_webhook',
            'This is not a Shopify webhook: the X-Shopify-Topic header is missing.',
            'x-shopify-topic',
          );
        }
        const channel = await db
          .selectFrom('channels')
          .select(['code', 'platform', 'webhook_secret'])
          .where('code', '=', request.params.channel)
          .executeTakeFirst();
        const secret = channel?.platform === 'shopify' ? channel.webhook_secret : null;
        if (
          !channel ||
          !secret ||
          !request.rawBody ||
          !verifyShopifyHmac(request.rawBody, secret, request.headers['x-shopify-hmac-sha256'])
        ) {
          throw new ApiError(
            401,
            'invalid_signature',
            'The webhook signature (X-Shopify-Hmac-Sha256) does not verify.',
          );
        }
        if (topic !== 'orders/create') {
          throw new ApiError(
            422,
            'unsupported_topic',
            `This endpoint takes orders/create, not ${topic}.`,
            'x-shopify-topic',
          );
        }
        const order = validateMappedOrder(
          'Shopify',
          mapShopifyOrder(request.body),
          SHOPIFY_TOTAL_FIELDS,
        );
        const shopifyId = (request.body as { id: number }).id;
        const result = await intake.place({
          channelCode: channel.code,
          order,
          idempotencyKey: `shopify-order:${shopifyId}`,
          actor: `channel:${channel.code}`,
        });
        return reply.status(201).send(result.body);
      },
    });

    app.post('/v1/connectors/magento/orders', {
      config: { access: allow('channel', 'admin_token') },
      schema: {
        tags: ['connectors'],
        summary: 'An Adobe Commerce (Magento 2) order as GET /V1/orders/{id} returns it',
        security: channelOrAdminSecurity,
        headers: z.looseObject({ 'x-channel-code': z.string().min(1).max(64).optional() }),
        body: platformBody,
        response: { 201: orderPlacedSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const principal = request.principal!;
        const channelCode = await resolveIntakeChannel(
          db,
          principal,
          request.headers['x-channel-code'],
        );
        const channel = await db
          .selectFrom('channels')
          .select('platform')
          .where('code', '=', channelCode)
          .executeTakeFirstOrThrow();
        if (channel.platform !== 'magento') {
          throw new ApiError(
            403,
            'forbidden',
            `Channel ${channelCode} is not an Adobe Commerce channel.`,
          );
        }
        const order = validateMappedOrder(
          'Adobe Commerce',
          mapMagentoOrder(request.body),
          MAGENTO_TOTAL_FIELDS,
        );
        const entityId = (request.body as { entity_id: number }).entity_id;
        const result = await intake.place({
          channelCode,
          order,
          idempotencyKey: `magento-order:${entityId}`,
          actor: actorOf(principal),
        });
        return reply.status(201).send(result.body);
      },
    });
  };
}
