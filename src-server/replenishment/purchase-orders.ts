// Purchase orders: drafts made from the suggestions that need an order (merged per supplier ×
// warehouse, one line per SKU, with the suggestion's reason), approved by purchasing. Approved
// and later orders count as inbound supply for the next suggestions.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { appendOutboxEvents } from '../outbox/outbox';
import { addDays } from '../forecasting/days';
import type { PurchaseOrderStatus } from './purchasing-schema';
import { replenishmentSuggestions } from './suggestions';

export interface PurchaseOrderView {
  id: string;
  number: string;
  supplierCode: string;
  warehouseCode: string;
  status: PurchaseOrderStatus;
  currency: string;
  expectedDate: string | null;
  lines: {
    sku: string;
    quantity: number;
    receivedQuantity: number;
    unitCostMinor: number;
    reason: string | null;
  }[];
}

/** Drafts for every suggestion with an order quantity; returns the drafts made. */
export async function draftFromSuggestions(
  db: Kysely<Database>,
  filter: { warehouseCode?: string | undefined },
): Promise<PurchaseOrderView[]> {
  const needed = (await replenishmentSuggestions(db, filter)).filter((s) => s.orderQuantity > 0);
  const groups = new Map<string, typeof needed>();
  for (const s of needed) {
    const key = `${s.supplierCode}\u0000${s.warehouseCode}\u0000${s.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const ids: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const lines of groups.values()) {
      const first = lines[0]!;
      const id = randomUUID();
      const { rows } = await sql<{
        n: string;
      }>`select nextval('purchase_order_numbers') as n`.execute(trx);
      const leadTime = Math.max(...lines.map((l) => l.leadTimeDays));
      await trx
        .insertInto('purchase_orders')
        .values({
          id,
          number: `PO-${String(rows[0]!.n).padStart(6, '0')}`,
          supplier_code: first.supplierCode,
          warehouse_code: first.warehouseCode,
          status: 'draft',
          currency: first.currency,
          expected_date: addDays(new Date().toISOString().slice(0, 10), leadTime),
        })
        .execute();
      await trx
        .insertInto('purchase_order_lines')
        .values(
          lines.map((l) => ({
            id: randomUUID(),
            purchase_order_id: id,
            sku: l.sku,
            quantity: l.orderQuantity,
            unit_cost_minor: l.unitCostMinor,
            reason: l.reason,
          })),
        )
        .execute();
      ids.push(id);
    }
  });
  return Promise.all(ids.map((id) => readPurchaseOrder(db, { id })));
}

export async function readPurchaseOrder(
  db: Kysely<Database>,
  by: { id: string } | { number: string },
): Promise<PurchaseOrderView> {
  const po = await db
    .selectFrom('purchase_orders')
    .selectAll()
    .where((eb) => ('id' in by ? eb('id', '=', by.id) : eb('number', '=', by.number)))
    .executeTakeFirst();
  if (!po) {
    const [field, value] = 'id' in by ? ['id', by.id] : ['number', by.number];
    throw new ApiError(404, 'unknown_purchase_order', `No purchase order ${value}.`, field);
  }
  const lines = await db
    .selectFrom('purchase_order_lines')
    .selectAll()
    .where('purchase_order_id', '=', po.id)
    .orderBy('sku')
    .execute();
  return {
    id: po.id,
    number: po.number,
    supplierCode: po.supplier_code,
    warehouseCode: po.warehouse_code,
    status: po.status,
    currency: po.currency.trim(),
    expectedDate: po.expected_date,
    lines: lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      receivedQuantity: l.received_quantity,
      unitCostMinor: l.unit_cost_minor,
      reason: l.reason,
    })),
  };
}

/** draft → approved (purchasing signed it off; it now counts as inbound). */
export async function approvePurchaseOrder(db: Kysely<Database>, id: string) {
  const po = await readPurchaseOrder(db, { id });
  if (po.status !== 'draft')
    throw new ApiError(
      409,
      'not_a_draft',
      `Purchase order ${po.number} is ${po.status}, not a draft.`,
    );
  await db
    .updateTable('purchase_orders')
    .set({ status: 'approved', updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
  return readPurchaseOrder(db, { id });
}

/**
 * approved → sent: the supplier gets it by e-mail with a PDF (purchase-order-email.ts) and EDI
 * partners by webhook (`purchase_order.sent`), both from the outbox event written here.
 */
export async function sendPurchaseOrder(db: Kysely<Database>, id: string) {
  const po = await readPurchaseOrder(db, { id });
  if (po.status !== 'approved')
    throw new ApiError(
      409,
      'not_approved',
      `Purchase order ${po.number} is ${po.status}: approve it first.`,
    );
  const supplier = await db
    .selectFrom('suppliers')
    .select(['name', 'email', 'locale'])
    .where('code', '=', po.supplierCode)
    .executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('purchase_orders')
      .set({ status: 'sent', updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1)
      throw new ApiError(409, 'not_approved', `Purchase order ${po.number} was sent already.`);
    await appendOutboxEvents(trx, [
      {
        type: 'purchase_order.sent',
        aggregateType: 'purchase_order',
        aggregateId: id,
        payload: {
          purchaseOrderId: id,
          number: po.number,
          supplierCode: po.supplierCode,
          supplierName: supplier.name,
          supplierEmail: supplier.email,
          supplierLocale: supplier.locale,
          warehouseCode: po.warehouseCode,
          expectedDate: po.expectedDate,
          currency: po.currency,
          lines: po.lines.map((l) => ({
            sku: l.sku,
            quantity: l.quantity,
            unitCostMinor: l.unitCostMinor,
          })),
        },
      },
    ]);
  });
  return readPurchaseOrder(db, { id });
}
