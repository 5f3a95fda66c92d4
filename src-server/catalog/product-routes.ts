// The product API: master data for sourcing, shipping, customs and the stations' scan checks.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { allow, ANY_PERSON } from '../access/route-rules';
import { auditedBy } from '../audit/audit';
import type { Database } from '../db/schema';
import { notFound } from '../http/api-error';
import { adminSecurity, channelOrAdminSecurity, errorResponses } from '../http/route-schemas';
import { getProduct, productInputSchema, productViewSchema, upsertProduct } from './upsert-product';

// A SKU in a path is an identifier: exactly as written, never trimmed.
const skuParams = z.object({
  sku: z
    .string()
    .regex(
      /^[A-Za-z0-9._-]{1,64}$/,
      'must be 1 to 64 letters, digits, dots, dashes or underscores',
    ),
});

/** The product as the audit log keeps it, read under a lock on its row. */
async function productSnapshot(trx: Transaction<Database>, sku: string) {
  await trx.selectFrom('products').select('sku').where('sku', '=', sku).forUpdate().execute();
  return getProduct(trx, sku);
}

export function productRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.put('/v1/products/:sku', {
      config: { access: allow('admin', 'purchasing', 'admin_token') },
      schema: {
        tags: ['catalogue'],
        summary:
          'Create or replace a product; the stations of warehouses that stock it get it at once',
        security: adminSecurity,
        params: skuParams,
        body: productInputSchema,
        response: { 200: productViewSchema, 201: productViewSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const { sku } = request.params;
        const { created } = await auditedBy(request, db)(
          { objectType: 'product', objectId: sku, action: 'saved', snapshot: productSnapshot },
          (trx) => upsertProduct(trx, sku, request.body),
        );
        const view = await getProduct(db, request.params.sku);
        return reply.status(created ? 201 : 200).send(view!);
      },
    });

    app.get('/v1/products/:sku', {
      config: { access: allow(...ANY_PERSON, 'channel', 'admin_token') },
      schema: {
        tags: ['catalogue'],
        summary: 'One product with its GTINs, prices and the warehouses that stock it',
        security: channelOrAdminSecurity,
        params: skuParams,
        response: { 200: productViewSchema, ...errorResponses },
      },
      handler: async (request) => {
        const view = await getProduct(db, request.params.sku);
        if (!view) throw notFound(`Product ${request.params.sku}`);
        return view;
      },
    });
  };
}
