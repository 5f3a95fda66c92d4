// Admin API for what the low-stock alert compares against: a product's reorder point, reorder
// quantity and supplier contact (products without one use the configured defaults).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { allow } from '../../access/route-rules';
import { auditedBy } from '../../audit/audit';
import { rowSnapshot } from '../../audit/snapshots';
import type { Database } from '../../db/schema';
import { notFound } from '../../http/api-error';
import { adminSecurity, errorResponses } from '../../http/route-schemas';

const replenishmentSchema = z.object({
  reorderPoint: z.number().int().min(0).max(1_000_000),
  reorderQuantity: z.number().int().min(1).max(1_000_000),
  supplierName: z.string().max(200).nullable().default(null),
  supplierEmail: z.email().nullable().default(null),
});

export function replenishmentRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.put('/v1/replenishment/:sku', {
      config: { access: allow('admin', 'purchasing', 'admin_token') },
      schema: {
        tags: ['alerts'],
        summary:
          "Set a product's reorder point, reorder quantity and supplier contact (low-stock alerts)",
        security: adminSecurity,
        params: z.object({ sku: z.string().min(1).max(64) }),
        body: replenishmentSchema,
        response: { 200: replenishmentSchema.extend({ sku: z.string() }), ...errorResponses },
      },
      handler: async (request) => {
        const { sku } = request.params;
        const product = await db
          .selectFrom('products')
          .select('sku')
          .where('sku', '=', sku)
          .executeTakeFirst();
        if (!product) throw notFound(`Product ${sku}`);
        const row = {
          reorder_point: request.body.reorderPoint,
          reorder_quantity: request.body.reorderQuantity,
          supplier_name: request.body.supplierName,
          supplier_email: request.body.supplierEmail,
          updated_at: new Date(),
        };
        await auditedBy(request, db)(
          {
            objectType: 'replenishment',
            objectId: sku,
            action: 'saved',
            snapshot: rowSnapshot('product_replenishment', 'sku'),
          },
          (trx) =>
            trx
              .insertInto('product_replenishment')
              .values({ sku, ...row })
              .onConflict((oc) => oc.column('sku').doUpdateSet(row))
              .execute(),
        );
        return { sku, ...request.body };
      },
    });
  };
}
