// The order API: intake, reading, paging, cancelling and holds. Channel keys see only their channel.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { canonicalOrderSchema, postalAddressSchema } from '../../shared/orders/order-schema';
import { optionalText, storableText } from '../../shared/validation/text';
import { orderStatusSchema } from '../../shared/orders/order-state';
import { actorOf, assertMayReadChannel } from '../access/access';
import type { Principal } from '../access/access';
import { allow } from '../access/route-rules';
import { auditedBy } from '../audit/audit';
import { orderSnapshot, shipToSnapshot } from '../audit/snapshots';
import { backOfficeRead } from '../db/read-replica';
import type { BackOfficeReads } from '../db/read-replica';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';
import { adminSecurity, channelOrAdminSecurity, errorResponses } from '../http/route-schemas';
import { cancelOrder } from './cancel-order';
import { changeShipTo } from './change-ship-to';
import { setOrderHold } from './hold-order';
import { orderPageSchema, orderPlacedSchema, orderViewSchema } from './order-contracts';
import { getOrderView } from './order-queries';
import { orderSearchQuerySchema, searchOrders } from './order-search';
import type { OrderIntake } from './intake-queue';

const intakeHeaders = z.looseObject({
  'idempotency-key': storableText(255).describe(
    'Unique per order attempt; a replay returns the first response.',
  ),
  'x-channel-code': storableText(64)
    .optional()
    .describe('Admin only: the channel the order is placed for.'),
});
const orderIdParams = z.object({ id: z.uuid('must be an order id (UUID)') });

const placers = allow('admin', 'customer_service', 'sales_rep', 'channel', 'admin_token');
const readers = allow(
  'admin',
  'customer_service',
  'sales_rep',
  'finance',
  'channel',
  'admin_token',
);
const orderDesk = allow('admin', 'customer_service', 'admin_token');

/** The reason for an order action: a person must give one (it goes to the timeline and audit). */
export function actionReason(
  principal: Principal | null,
  body: { reason?: string } | null | undefined,
) {
  const reason = body?.reason?.trim() || undefined;
  if (reason === undefined && principal?.kind === 'person')
    throw new ApiError(400, 'reason_required', 'Say why: give a reason for this action.', 'reason');
  return reason;
}

export async function resolveIntakeChannel(
  db: Kysely<Database>,
  principal: Principal,
  requested: string | undefined,
) {
  if (principal.kind === 'channel') {
    if (requested !== undefined && requested !== principal.channelCode) {
      throw new ApiError(
        403,
        'forbidden',
        'A channel key places orders for its own channel only.',
        'x-channel-code',
      );
    }
    return principal.channelCode;
  }
  if (requested === undefined) {
    throw new ApiError(
      400,
      'channel_required',
      'The admin token must name the channel in X-Channel-Code.',
      'x-channel-code',
    );
  }
  const channel = await db
    .selectFrom('channels')
    .select('code')
    .where('code', '=', requested)
    .executeTakeFirst();
  if (!channel)
    throw new ApiError(
      422,
      'unknown_channel',
      `No channel has code "${requested}".`,
      'x-channel-code',
    );
  return channel.code;
}

export function orderRoutes(db: Kysely<Database>, intake: OrderIntake, reads: BackOfficeReads) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post('/v1/orders', {
      config: { access: placers },
      schema: {
        tags: ['orders'],
        summary: 'Place an order (sourced, reserved and released to warehouses at once)',
        security: channelOrAdminSecurity,
        headers: intakeHeaders,
        body: canonicalOrderSchema,
        response: { 201: orderPlacedSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const principal = request.principal!;
        const channelCode = await resolveIntakeChannel(
          db,
          principal,
          request.headers['x-channel-code'],
        );
        const result = await intake.place({
          channelCode,
          order: request.body,
          idempotencyKey: request.headers['idempotency-key'],
          actor: actorOf(principal),
        });
        if (result.replayed) void reply.header('idempotent-replayed', 'true');
        return reply.status(201).send(result.body);
      },
    });

    app.get('/v1/orders/:id', {
      config: { access: readers },
      schema: {
        tags: ['orders'],
        summary: 'One order with its lines, fulfillment orders and event trail',
        security: channelOrAdminSecurity,
        params: orderIdParams,
        response: { 200: orderViewSchema, ...errorResponses },
      },
      handler: async (request) => {
        const view = await getOrderView(db, request.params.id);
        if (!view) throw notFound(`Order ${request.params.id}`);
        assertMayReadChannel(request.principal, view.channel);
        return view;
      },
    });

    app.get('/v1/orders', {
      config: { access: readers },
      schema: {
        tags: ['orders'],
        summary:
          'Search orders: by order number, channel reference, customer e-mail or name, SKU, PO number, tracking number, SSCC, date range, status, channel and warehouse; sorted, keyset-paged (a channel key sees its own channel only)',
        security: channelOrAdminSecurity,
        querystring: orderSearchQuerySchema,
        response: { 200: orderPageSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const principal = request.principal!;
        if (
          principal.kind === 'channel' &&
          request.query.channel !== undefined &&
          request.query.channel !== principal.channelCode
        ) {
          throw new ApiError(
            403,
            'forbidden',
            "A channel key lists its own channel's orders only.",
            'channel',
          );
        }
        const channelCode =
          principal.kind === 'channel' ? principal.channelCode : request.query.channel;
        // A search: the replica may serve it. One order by id reads the primary (read your writes).
        return backOfficeRead(reads, reply, (from) =>
          searchOrders(from, { ...request.query, channelCode }),
        );
      },
    });

    app.post('/v1/orders/:id/cancel', {
      config: { access: orderDesk },
      schema: {
        tags: ['orders'],
        summary: 'Cancel an order: releases its reservations and flags its fulfillment orders',
        security: adminSecurity,
        params: orderIdParams,
        body: z.object({ reason: optionalText(500) }).nullish(),
        response: {
          200: z.object({
            orderId: z.string(),
            status: orderStatusSchema,
            releasedUnits: z.number().int(),
            flaggedFulfillments: z.array(z.string()),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        const reason = actionReason(request.principal, request.body);
        return auditedBy(request, db)(
          {
            objectType: 'order',
            objectId: request.params.id,
            action: 'cancelled',
            snapshot: orderSnapshot,
            reason,
          },
          (trx) =>
            cancelOrder(trx, {
              orderId: request.params.id,
              actor: actorOf(request.principal!),
              reason,
            }),
        );
      },
    });

    const holdResponse = z.object({
      orderId: z.string(),
      status: orderStatusSchema,
      fulfillments: z.array(z.string()),
    });
    app.post('/v1/orders/:id/hold', {
      config: { access: orderDesk },
      schema: {
        tags: ['orders'],
        summary:
          'Put an order on hold: its open fulfillment orders stop at the warehouse; stock stays reserved',
        security: adminSecurity,
        params: orderIdParams,
        body: z.object({ reason: optionalText(500) }).nullish(),
        response: { 200: holdResponse, ...errorResponses },
      },
      handler: async (request) => {
        const reason = actionReason(request.principal, request.body);
        return auditedBy(request, db)(
          {
            objectType: 'order',
            objectId: request.params.id,
            action: 'held',
            snapshot: orderSnapshot,
            reason,
          },
          (trx) =>
            setOrderHold(trx, {
              orderId: request.params.id,
              actor: actorOf(request.principal!),
              hold: true,
              reason,
            }),
        );
      },
    });

    app.post('/v1/orders/:id/release-hold', {
      config: { access: orderDesk },
      schema: {
        tags: ['orders'],
        summary: 'Release a hold: the order and its fulfillment orders return to where they were',
        security: adminSecurity,
        params: orderIdParams,
        body: z.object({ reason: optionalText(500) }).nullish(),
        response: { 200: holdResponse, ...errorResponses },
      },
      handler: async (request) => {
        const reason = actionReason(request.principal, request.body);
        return auditedBy(request, db)(
          {
            objectType: 'order',
            objectId: request.params.id,
            action: 'hold_released',
            snapshot: orderSnapshot,
            reason,
          },
          (trx) =>
            setOrderHold(trx, {
              orderId: request.params.id,
              actor: actorOf(request.principal!),
              hold: false,
              reason,
            }),
        );
      },
    });

    app.post('/v1/orders/:id/ship-to', {
      config: { access: orderDesk },
      schema: {
        tags: ['orders'],
        summary:
          'Change the shipping address before picking starts (409 once a station is picking; same country only)',
        security: adminSecurity,
        params: orderIdParams,
        body: z.object({ shipTo: postalAddressSchema, reason: optionalText(500) }),
        response: {
          200: z.object({ orderId: z.string(), fulfillments: z.array(z.string()) }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        const reason = actionReason(request.principal, request.body);
        return auditedBy(request, db)(
          {
            objectType: 'order',
            objectId: request.params.id,
            action: 'ship_to_changed',
            snapshot: shipToSnapshot,
            reason,
          },
          (trx) =>
            changeShipTo(trx, {
              orderId: request.params.id,
              actor: actorOf(request.principal!),
              shipTo: request.body.shipTo,
              reason,
            }),
        );
      },
    });
  };
}
