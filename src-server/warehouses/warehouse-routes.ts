// Warehouse work over HTTP. Stations get the same data by sync (its own issue); this is the admin view.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { fulfillmentStatusSchema } from '../../shared/orders/fulfillment-state';
import { allow, warehouseInParams } from '../access/route-rules';
import type { Database } from '../db/schema';
import { warehouseOrThrow } from './warehouse-lookup';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import { storableText } from '../../shared/orders/order-schema';
import { stockPageSchema, warehouseStock } from '../inventory/stock-levels';
import { fulfillmentQueueSchema, listWarehouseFulfillments } from './fulfillment-queue';

export function warehouseRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/warehouses/:code/fulfillments', {
      config: {
        access: {
          ...allow('admin', 'customer_service', 'warehouse_lead', 'admin_token'),
          warehouseOf: warehouseInParams(),
        },
      },
      schema: {
        tags: ['warehouses'],
        summary:
          "A warehouse's fulfillment orders with pick lines in walk order (released by default)",
        security: adminSecurity,
        params: z.object({ code: z.string().min(1).max(64) }),
        querystring: z.object({
          status: fulfillmentStatusSchema.default('released'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: fulfillmentQueueSchema, ...errorResponses },
      },
      handler: async (request) => {
        const warehouse = await warehouseOrThrow(db, request.params.code);
        return listWarehouseFulfillments(db, { warehouseCode: warehouse.code, ...request.query });
      },
    });

    app.get('/v1/warehouses', {
      config: {
        access: allow(
          'admin',
          'customer_service',
          'sales_rep',
          'purchasing',
          'finance',
          'warehouse_lead',
          'admin_token',
        ),
      },
      schema: {
        tags: ['warehouses'],
        summary: 'The warehouses, by code',
        response: {
          200: z.object({
            warehouses: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                country: z.string(),
                active: z.boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
      handler: async () => ({
        warehouses: await db
          .selectFrom('warehouses')
          .select(['code', 'name', 'country', 'active'])
          .orderBy('code')
          .execute(),
      }),
    });

    app.get('/v1/warehouses/:code/stock', {
      config: {
        access: {
          ...allow(
            'admin',
            'purchasing',
            'customer_service',
            'sales_rep',
            'warehouse_lead',
            'admin_token',
          ),
          warehouseOf: warehouseInParams(),
        },
      },
      schema: {
        tags: ['warehouses', 'inventory'],
        summary:
          "A warehouse's stock per SKU: on hand, reserved, available, and per bin (paged by SKU)",
        params: z.object({ code: z.string().min(1).max(64) }),
        querystring: z.object({
          sku: storableText(64).optional().describe('SKUs starting with this'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          cursor: storableText(64).optional().describe('The last SKU of the previous page'),
        }),
        response: { 200: stockPageSchema, ...errorResponses },
      },
      handler: async (request) => {
        const warehouse = await warehouseOrThrow(db, request.params.code);
        return warehouseStock(db, { warehouseCode: warehouse.code, ...request.query });
      },
    });
  };
}
