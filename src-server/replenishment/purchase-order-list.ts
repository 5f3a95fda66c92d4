// The purchase orders purchasing works through: newest first, keyset-paged by the last PO
// number of the page (its (created_at, number) position, compared in the database at full
// precision), filtered by status, supplier or warehouse.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';

export const PURCHASE_ORDER_STATUSES = [
  'draft',
  'approved',
  'sent',
  'receiving',
  'received',
  'cancelled',
] as const;

const code = z.string().min(1).max(64);

export const purchaseOrderListQuery = z.object({
  status: z.enum(PURCHASE_ORDER_STATUSES).optional(),
  supplierCode: code.optional(),
  warehouseCode: code.optional(),
  cursor: code.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const purchaseOrderSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  supplierCode: z.string(),
  supplierName: z.string(),
  warehouseCode: z.string(),
  status: z.enum(PURCHASE_ORDER_STATUSES),
  currency: z.string(),
  expectedDate: z.string().nullable(),
  createdAt: z.string(),
  lines: z.number().int(),
  units: z.number().int(),
  totalMinor: z.number().int(),
});

export async function listPurchaseOrders(
  db: Kysely<Database>,
  query: z.infer<typeof purchaseOrderListQuery>,
) {
  let select = db
    .selectFrom('purchase_orders as po')
    .innerJoin('suppliers as s', 's.code', 'po.supplier_code')
    .select([
      'po.id',
      'po.number',
      'po.supplier_code',
      's.name as supplier_name',
      'po.warehouse_code',
      'po.status',
      'po.currency',
      'po.expected_date',
      'po.created_at',
    ]);
  if (query.status) select = select.where('po.status', '=', query.status);
  if (query.supplierCode) select = select.where('po.supplier_code', '=', query.supplierCode);
  if (query.warehouseCode) select = select.where('po.warehouse_code', '=', query.warehouseCode);
  if (query.cursor) {
    const after = await db
      .selectFrom('purchase_orders')
      .select('number')
      .where('number', '=', query.cursor)
      .executeTakeFirst();
    if (!after)
      throw new ApiError(
        400,
        'invalid_cursor',
        'The cursor is not one this API gave out.',
        'cursor',
      );
    select = select.where(
      sql<boolean>`(po.created_at, po.number) < (select created_at, number from purchase_orders where number = ${query.cursor})`,
    );
  }
  const rows = await select
    .orderBy('po.created_at', 'desc')
    .orderBy('po.number', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const totals = page.length
    ? await db
        .selectFrom('purchase_order_lines')
        .select((eb) => [
          'purchase_order_id',
          eb.fn.countAll<string>().as('lines'),
          eb.fn.sum<string>('quantity').as('units'),
          sql<string>`sum(quantity::bigint * unit_cost_minor)`.as('total_minor'),
        ])
        .where(
          'purchase_order_id',
          'in',
          page.map((r) => r.id),
        )
        .groupBy('purchase_order_id')
        .execute()
    : [];
  const totalOf = new Map(totals.map((t) => [t.purchase_order_id, t]));
  return {
    purchaseOrders: page.map((r) => {
      const t = totalOf.get(r.id);
      return {
        id: r.id,
        number: r.number,
        supplierCode: r.supplier_code,
        supplierName: r.supplier_name,
        warehouseCode: r.warehouse_code,
        status: r.status,
        currency: r.currency.trim(),
        expectedDate: r.expected_date,
        createdAt: new Date(r.created_at).toISOString(),
        lines: Number(t?.lines ?? 0),
        units: Number(t?.units ?? 0),
        totalMinor: Number(t?.total_minor ?? 0),
      };
    }),
    nextCursor: rows.length > query.limit ? page.at(-1)!.number : null,
  };
}
