// Held work for warehouse leads (the admin token for now): what each station holds and since when
// it last made progress, and a release that gives a fulfillment back to every station's queue.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf } from '../access/access';
import { allow, warehouseInParams } from '../access/route-rules';
import type { Database } from '../db/schema';
import { warehouseOrThrow } from './warehouse-lookup';
import { ApiError } from '../http/api-error';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import { storableText } from '../../shared/orders/order-schema';
import { heldWorkSchema, listHeldWork, releaseHeldWork } from '../sync/held-work';
import type { WorkHoldConfig } from '../sync/work-hold-config';

const warehouseParams = z.object({ code: z.string().min(1).max(64) });

/** Warehouse leads release their own warehouse's held work; admins any. */
const leads = {
  ...allow('admin', 'warehouse_lead', 'admin_token'),
  warehouseOf: warehouseInParams(),
};

export function heldWorkRoutes(db: Kysely<Database>, config: WorkHoldConfig) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/warehouses/:code/held-work', {
      config: { access: leads },
      schema: {
        tags: ['warehouses'],
        summary:
          'Work the stations of a warehouse hold, longest without progress first, and when each is released',
        security: adminSecurity,
        params: warehouseParams,
        response: {
          200: z.object({
            warehouseCode: z.string(),
            timeoutMinutes: z.number(),
            heldWork: z.array(heldWorkSchema),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        const warehouseCode = (await warehouseOrThrow(db, request.params.code)).code;
        return {
          warehouseCode,
          timeoutMinutes: config.timeoutMinutes,
          heldWork: await listHeldWork(db, warehouseCode, config),
        };
      },
    });

    app.post('/v1/warehouses/:code/held-work/:fulfillmentId/release', {
      config: { access: leads },
      schema: {
        tags: ['warehouses'],
        summary:
          'Release held work: the fulfillment goes back to every station’s queue and the station that held it is told',
        security: adminSecurity,
        params: warehouseParams.extend({
          fulfillmentId: z.uuid('must be a fulfillment order id (UUID)'),
        }),
        body: z
          .object({
            /** Only this station's hold; every station's when absent. */
            stationId: z.uuid('must be a station id (UUID)').optional(),
            /** Shown to the packer whose work it was. */
            note: storableText(500).optional(),
          })
          .nullish(),
        response: {
          200: z.object({ released: z.array(heldWorkSchema) }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        const warehouseCode = (await warehouseOrThrow(db, request.params.code)).code;
        const released = await releaseHeldWork(
          db,
          {
            warehouseCode,
            fulfillmentId: request.params.fulfillmentId,
            stationId: request.body?.stationId,
            by: 'lead',
            note: request.body?.note ?? null,
            actor: actorOf(request.principal!),
          },
          config,
        );
        if (released.length === 0)
          throw new ApiError(
            404,
            'not_held',
            `No station of warehouse ${warehouseCode} holds fulfillment ${request.params.fulfillmentId}${request.body?.stationId ? ` at station ${request.body.stationId}` : ''}.`,
            'fulfillmentId',
          );
        return { released };
      },
    });
  };
}
