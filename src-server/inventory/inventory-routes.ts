// Inventory over HTTP: adjustments with a reason code, a warehouse's movements, transfers between
// warehouses and their receipt by scan at the destination, and the ledger check (on hand is the
// sum of movements). Purchasing and admins reach every warehouse, a warehouse lead their own.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Principal } from '../access/access';
import { allow, warehouseInBody, warehouseInParams } from '../access/route-rules';
import { auditActorOf, auditedBy } from '../audit/audit';
import { rowSnapshot } from '../audit/snapshots';
import type { Database } from '../db/schema';
import { warehouseOrThrow } from '../warehouses/warehouse-lookup';
import { ApiError } from '../http/api-error';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import { adjustmentBody, adjustmentResultSchema, adjustStock } from './adjustments';
import { listMovements, movementListQuery, movementPageSchema } from './movement-list';
import { ledgerDisagreements } from './movements';
import {
  createTransfer,
  readTransfer,
  receiveTransferScan,
  transferBody,
  transferReceiptBody,
  transferSchema,
} from './transfers';

const code = z.string().min(1).max(64);
const keepers = ['admin', 'purchasing', 'warehouse_lead', 'admin_token'] as const;

/** A SKU's bins in a warehouse, locked in intake's order: the before and after of an adjustment. */
async function skuStockSnapshot(trx: Transaction<Database>, warehouseCode: string, sku: string) {
  const bins = await trx
    .selectFrom('stock')
    .select(['bin_code', 'on_hand'])
    .where('warehouse_code', '=', warehouseCode)
    .where('sku', '=', sku)
    .orderBy('sku')
    .orderBy('warehouse_code')
    .orderBy('bin_code')
    .forUpdate()
    .execute();
  return bins.length === 0 ? null : { bins };
}

/** A station, or a lead without a wider role, works only at its own warehouses. */
function ownWarehouses(principal: Principal | null): string[] | null {
  if (principal?.kind === 'station') return [principal.station.warehouseCode];
  if (
    principal?.kind === 'person' &&
    !principal.person.roles.some((r) => r === 'admin' || r === 'purchasing')
  )
    return principal.person.leadWarehouses;
  return null;
}

export function inventoryRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const schema = (summary: string) => ({ tags: ['inventory'], summary, security: adminSecurity });

    app.post('/v1/inventory/adjustments', {
      config: { access: { ...allow(...keepers), warehouseOf: warehouseInBody } },
      schema: {
        ...schema(
          'Adjust stock in one bin with a reason code: by a signed quantity, or to the counted quantity',
        ),
        body: adjustmentBody,
        response: { 201: adjustmentResultSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const body = request.body;
        const result = await auditedBy(request, db)(
          {
            objectType: 'stock',
            objectId: `${body.warehouseCode}/${body.binCode}/${body.sku}`,
            action: 'adjusted',
            snapshot: (trx) => skuStockSnapshot(trx, body.warehouseCode, body.sku),
            reason: body.note ? `${body.reason}: ${body.note}` : body.reason,
          },
          (trx) => adjustStock(trx, body, auditActorOf(request.principal)),
        );
        return reply.code(201).send(result);
      },
    });

    app.get('/v1/warehouses/:code/movements', {
      config: { access: { ...allow(...keepers), warehouseOf: warehouseInParams() } },
      schema: {
        ...schema(
          "A warehouse's inventory movements, newest first (keyset-paged; by SKU, reason, time)",
        ),
        params: z.object({ code }),
        querystring: movementListQuery,
        response: { 200: movementPageSchema, ...errorResponses },
      },
      handler: async (request) => {
        const warehouse = await warehouseOrThrow(db, request.params.code);
        return listMovements(db, warehouse.code, request.query);
      },
    });

    app.post('/v1/inventory/transfers', {
      config: { access: { ...allow(...keepers), warehouseOf: warehouseInBody } },
      schema: {
        ...schema(
          'Transfer stock to another warehouse: it leaves the source bins now and is inbound at the destination until received by scan',
        ),
        body: transferBody,
        response: { 201: transferSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const transfer = await auditedBy(request, db)(
          {
            objectType: 'stock_transfer',
            objectId: (t: { number: string }) => t.number,
            action: 'created',
            snapshot: rowSnapshot('stock_transfers', 'number'),
          },
          (trx) => createTransfer(trx, request.body, auditActorOf(request.principal)),
        );
        return reply.code(201).send(transfer);
      },
    });

    const mayTouch = async (principal: Principal | null, number: string, side: 'to' | 'any') => {
      const own = ownWarehouses(principal);
      if (own === null) return;
      const transfer = await db
        .selectFrom('stock_transfers')
        .select(['from_warehouse_code', 'to_warehouse_code'])
        .where('number', '=', number)
        .executeTakeFirst();
      if (!transfer) return; // answered 404 by the handler
      const reach =
        side === 'to'
          ? [transfer.to_warehouse_code]
          : [transfer.from_warehouse_code, transfer.to_warehouse_code];
      if (!reach.some((w) => own.includes(w)))
        throw new ApiError(
          403,
          'other_warehouse',
          `Transfer ${number} arrives at ${transfer.to_warehouse_code}, not at your warehouse.`,
          'number',
        );
    };

    app.get('/v1/inventory/transfers/:number', {
      config: { access: allow(...keepers, 'station') },
      schema: {
        ...schema('Scan a transfer: what was sent and what is received so far'),
        params: z.object({ number: code }),
        response: { 200: transferSchema, ...errorResponses },
      },
      handler: async (request) => {
        await mayTouch(request.principal, request.params.number, 'any');
        return db.transaction().execute((trx) => readTransfer(trx, request.params.number));
      },
    });

    app.post('/v1/inventory/transfers/:number/receipts', {
      config: { access: allow(...keepers, 'station') },
      schema: {
        ...schema(
          'Receive a scanned item (GTIN or SKU) of a transfer into a bin at the destination; a retried scan id changes nothing',
        ),
        params: z.object({ number: code }),
        body: transferReceiptBody,
      },
      handler: async (request) => {
        await mayTouch(request.principal, request.params.number, 'to');
        return auditedBy(request, db)(
          {
            objectType: 'stock_transfer',
            objectId: request.params.number,
            action: 'received_scan',
            snapshot: rowSnapshot('stock_transfers', 'number'),
          },
          (trx) =>
            receiveTransferScan(
              trx,
              request.params.number,
              request.body,
              auditActorOf(request.principal),
            ),
        );
      },
    });

    app.get('/v1/inventory/ledger-check', {
      config: { access: allow('admin', 'admin_token') },
      schema: {
        ...schema(
          'Checks that on hand in every bin is the sum of its movements; lists those that are not',
        ),
        response: {
          200: z.object({
            agrees: z.boolean(),
            disagreements: z.array(
              z.object({
                warehouseCode: z.string(),
                binCode: z.string(),
                sku: z.string(),
                onHand: z.number().int(),
                movements: z.number().int(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
      handler: async () => {
        const disagreements = await ledgerDisagreements(db);
        return { agrees: disagreements.length === 0, disagreements };
      },
    });
  };
}
