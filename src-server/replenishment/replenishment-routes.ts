// Replenishment over HTTP (purchasing; receiving by stations and warehouse leads): suppliers and what they supply, suggestions with their
// reasons, purchase orders drafted from them and approved, and receiving by scan against a PO
// (the API a station's receiving screen uses: scan the PO, then each item into a bin).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { acceptedDate } from '../../shared/validation/timestamps';
import type { Principal } from '../access/access';
import { allow } from '../access/route-rules';
import { auditActorOf, auditedBy } from '../audit/audit';
import { rowSnapshot } from '../audit/snapshots';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import {
  approvePurchaseOrder,
  draftFromSuggestions,
  readPurchaseOrder,
  sendPurchaseOrder,
} from './purchase-orders';
import {
  listPurchaseOrders,
  purchaseOrderListQuery,
  purchaseOrderSummarySchema,
} from './purchase-order-list';
import { receiveScan } from './receiving';
import { replenishmentSuggestions } from './suggestions';

const code = z.string().min(1).max(64);
const count = (max: number) => z.number().int().min(1).max(max);

const supplierBody = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().nullable().default(null),
  locale: z.enum(['en', 'nl', 'de', 'fr']).default('en'),
});

const supplierProductBody = z.object({
  leadTimeDays: z.number().int().min(0).max(365),
  reviewDays: count(91).default(7),
  minimumOrderQuantity: count(1_000_000).default(1),
  packSize: count(100_000).default(1),
  unitCostMinor: z.number().int().min(0).max(100_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  serviceLevel: z.number().min(0.5).lt(1).default(0.95),
});

const scanBody = z.object({
  scanId: z.uuid(),
  code: z.string().trim().min(1).max(64),
  quantity: count(100_000),
  binCode: code,
  lot: z.string().trim().min(1).max(20).optional(),
  expiry: acceptedDate().optional(),
});

/** Purchasing keeps suppliers and orders stock; admins and systems (the admin token) may too. */
const buyers = allow('admin', 'purchasing', 'admin_token');
/** Goods come in at the warehouse: its stations scan them, its lead may too. */
const receivers = allow('station', 'warehouse_lead', 'purchasing', 'admin', 'admin_token');

const poSnapshot = rowSnapshot('purchase_orders', 'id');

/** A station receives only into its own warehouse, a warehouse lead only into theirs. */
async function assertMayReceive(
  db: Kysely<Database>,
  principal: Principal | null,
  poNumber: string,
): Promise<void> {
  const po = await db
    .selectFrom('purchase_orders')
    .select('warehouse_code')
    .where('number', '=', poNumber)
    .executeTakeFirst();
  if (!po) return; // the read or scan answers 404
  const own =
    principal?.kind === 'station'
      ? [principal.station.warehouseCode]
      : principal?.kind === 'person' &&
          !principal.person.roles.some((r) => r === 'admin' || r === 'purchasing')
        ? principal.person.leadWarehouses
        : null;
  if (own !== null && !own.includes(po.warehouse_code))
    throw new ApiError(
      403,
      'other_warehouse',
      `Purchase order ${poNumber} arrives at ${po.warehouse_code}, not at your warehouse.`,
      'poNumber',
    );
}

export function purchasingRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const common = { config: { access: buyers } };
    const schema = (summary: string) => ({
      tags: ['replenishment'],
      summary,
      security: adminSecurity,
    });

    app.put('/v1/suppliers/:code', {
      ...common,
      schema: {
        ...schema('Create or change a supplier'),
        params: z.object({ code }),
        body: supplierBody,
        response: { 204: z.null().describe('Stored.'), ...errorResponses },
      },
      handler: async (request, reply) => {
        const { name, email, locale } = request.body;
        await auditedBy(request, db)(
          {
            objectType: 'supplier',
            objectId: request.params.code,
            action: 'saved',
            snapshot: rowSnapshot('suppliers', 'code'),
          },
          (trx) =>
            trx
              .insertInto('suppliers')
              .values({ code: request.params.code, name, email, locale })
              .onConflict((oc) => oc.column('code').doUpdateSet({ name, email, locale }))
              .execute(),
        );
        return reply.code(204).send(null);
      },
    });

    app.put('/v1/suppliers/:code/products/:warehouseCode/:sku', {
      ...common,
      schema: {
        ...schema(
          'What a supplier supplies to a warehouse: lead time, minimum order, pack size, cost, target service level',
        ),
        params: z.object({ code, warehouseCode: code, sku: code }),
        body: supplierProductBody,
        response: { 204: z.null().describe('Stored.'), ...errorResponses },
      },
      handler: async (request, reply) => {
        const { code: supplier, warehouseCode, sku } = request.params;
        const b = request.body;
        const known = await db
          .selectFrom('suppliers')
          .select('code')
          .where('code', '=', supplier)
          .executeTakeFirst();
        if (!known) throw new ApiError(404, 'unknown_supplier', `No supplier ${supplier}.`, 'code');
        const [wh, product] = await Promise.all([
          db
            .selectFrom('warehouses')
            .select('code')
            .where('code', '=', warehouseCode)
            .executeTakeFirst(),
          db.selectFrom('products').select('sku').where('sku', '=', sku).executeTakeFirst(),
        ]);
        if (!wh)
          throw new ApiError(
            404,
            'unknown_warehouse',
            `No warehouse ${warehouseCode}.`,
            'warehouseCode',
          );
        if (!product) throw new ApiError(404, 'unknown_sku', `No product ${sku}.`, 'sku');
        const values = {
          lead_time_days: b.leadTimeDays,
          review_days: b.reviewDays,
          minimum_order_quantity: b.minimumOrderQuantity,
          pack_size: b.packSize,
          unit_cost_minor: b.unitCostMinor,
          currency: b.currency,
          service_level: b.serviceLevel,
        };
        await auditedBy(request, db)(
          {
            objectType: 'supplier_product',
            objectId: `${supplier}/${warehouseCode}/${sku}`,
            action: 'saved',
            snapshot: (trx) =>
              trx
                .selectFrom('supplier_products')
                .selectAll()
                .where('supplier_code', '=', supplier)
                .where('warehouse_code', '=', warehouseCode)
                .where('sku', '=', sku)
                .forUpdate()
                .executeTakeFirst()
                .then((row) => row ?? null),
          },
          (trx) =>
            trx
              .insertInto('supplier_products')
              .values({ supplier_code: supplier, warehouse_code: warehouseCode, sku, ...values })
              .onConflict((oc) =>
                oc.columns(['supplier_code', 'warehouse_code', 'sku']).doUpdateSet(values),
              )
              .execute(),
        );
        return reply.code(204).send(null);
      },
    });

    app.get('/v1/replenishment/suggestions', {
      ...common,
      schema: {
        ...schema(
          'Reorder point and quantity per SKU × warehouse from the forecast, lead time and service level, with the reason',
        ),
        querystring: z.object({ warehouseCode: code.optional(), sku: code.optional() }),
      },
      handler: async (request) => ({
        suggestions: await replenishmentSuggestions(db, request.query),
      }),
    });

    app.post('/v1/purchase-orders/from-suggestions', {
      ...common,
      schema: {
        ...schema(
          'Draft purchase orders for every suggestion that needs one, merged per supplier × warehouse',
        ),
        body: z.object({ warehouseCode: code.optional() }).default({}),
      },
      handler: async (request, reply) => {
        const purchaseOrders = await auditedBy(request, db)(
          {
            objectType: 'purchase_orders',
            objectId: (drafts: { number: string }[]) =>
              drafts.map((d) => d.number).join(',') || 'none',
            action: 'drafted_from_suggestions',
            snapshot: async () => null,
          },
          (trx) => draftFromSuggestions(trx, request.body),
        );
        return reply.code(201).send({ purchaseOrders });
      },
    });

    app.get('/v1/purchase-orders', {
      ...common,
      schema: {
        ...schema(
          'Purchase orders newest first, keyset-paged (cursor: the last number of a page), by status, supplier or warehouse',
        ),
        querystring: purchaseOrderListQuery,
        response: {
          200: z.object({
            purchaseOrders: z.array(purchaseOrderSummarySchema),
            nextCursor: z.string().nullable(),
          }),
          ...errorResponses,
        },
      },
      handler: (request) => listPurchaseOrders(db, request.query),
    });

    app.get('/v1/purchase-orders/:id', {
      ...common,
      schema: { ...schema('A purchase order with its lines'), params: z.object({ id: z.uuid() }) },
      handler: (request) => readPurchaseOrder(db, { id: request.params.id }),
    });

    app.post('/v1/purchase-orders/:id/approve', {
      ...common,
      schema: { ...schema('Approve a draft purchase order'), params: z.object({ id: z.uuid() }) },
      handler: (request) =>
        auditedBy(request, db)(
          {
            objectType: 'purchase_order',
            objectId: request.params.id,
            action: 'approved',
            snapshot: poSnapshot,
          },
          (trx) => approvePurchaseOrder(trx, request.params.id),
        ),
    });

    app.post('/v1/purchase-orders/:id/send', {
      ...common,
      schema: {
        ...schema(
          'Send an approved purchase order to its supplier (e-mail with PDF; webhook purchase_order.sent)',
        ),
        params: z.object({ id: z.uuid() }),
      },
      handler: (request) =>
        auditedBy(request, db)(
          {
            objectType: 'purchase_order',
            objectId: request.params.id,
            action: 'sent',
            snapshot: poSnapshot,
          },
          (trx) => sendPurchaseOrder(trx, request.params.id),
        ),
    });

    app.get('/v1/receiving/:poNumber', {
      config: { access: receivers },
      schema: {
        ...schema('Scan a purchase order: what is expected and what is received so far'),
        params: z.object({ poNumber: code }),
      },
      handler: async (request) => {
        await assertMayReceive(db, request.principal, request.params.poNumber);
        return readPurchaseOrder(db, { number: request.params.poNumber });
      },
    });

    app.post('/v1/receiving/:poNumber/scans', {
      config: { access: receivers },
      schema: {
        ...schema(
          'Receive a scanned item (GTIN or SKU) into a bin against the purchase order; a retried scan id changes nothing',
        ),
        params: z.object({ poNumber: code }),
        body: scanBody,
      },
      handler: async (request) => {
        await assertMayReceive(db, request.principal, request.params.poNumber);
        return auditedBy(request, db)(
          {
            objectType: 'purchase_order',
            objectId: request.params.poNumber,
            action: 'received_scan',
            snapshot: (trx, number) =>
              trx
                .selectFrom('purchase_orders')
                .select(['id', 'number', 'status'])
                .where('number', '=', number)
                .forUpdate()
                .executeTakeFirst()
                .then((row) => row ?? null),
          },
          (trx) =>
            receiveScan(
              trx,
              request.params.poNumber,
              request.body,
              auditActorOf(request.principal),
            ),
        );
      },
    });
  };
}
