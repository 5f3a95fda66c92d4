// Receiving against a purchase order by scan: the packer scans the PO number, then each item
// (GTIN or SKU) with a quantity into a bin. Each scan is stored once under its id (a retried
// scan changes nothing), raises on hand in the bin with a stock movement, and counts against the
// PO line: beyond the ordered quantity it is recorded as over, a SKU not on the PO as unexpected.
import { sql, type Kysely } from 'kysely';
import type { AuditActor } from '../audit/audit';
import type { Database } from '../db/schema';
import { moveStock } from '../inventory/movements';
import { ApiError } from '../http/api-error';
import { readPurchaseOrder } from './purchase-orders';

export interface ReceivingScan {
  scanId: string;
  code: string;
  quantity: number;
  binCode: string;
  lot?: string | undefined;
  expiry?: string | undefined;
}

const RECEIVABLE = new Set(['approved', 'sent', 'receiving']);

export async function receiveScan(
  db: Kysely<Database>,
  poNumber: string,
  scan: ReceivingScan,
  actor: AuditActor,
) {
  const po = await readPurchaseOrder(db, { number: poNumber });
  if (!RECEIVABLE.has(po.status))
    throw new ApiError(
      409,
      'not_receivable',
      `Purchase order ${po.number} is ${po.status}: nothing to receive.`,
      'poNumber',
    );
  return db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('purchase_orders')
      .select(['id', 'warehouse_code', 'status'])
      .where('id', '=', po.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const replay = await trx
      .selectFrom('receiving_scans')
      .select(['purchase_order_id', 'sku', 'quantity', 'match'])
      .where('id', '=', scan.scanId)
      .executeTakeFirst();
    if (replay) {
      if (replay.purchase_order_id !== po.id)
        throw new ApiError(
          409,
          'scan_id_taken',
          `Scan ${scan.scanId} belongs to another purchase order.`,
          'scanId',
        );
      return { sku: replay.sku, quantity: replay.quantity, match: replay.match, replayed: true };
    }
    const product = await trx
      .selectFrom('products')
      .leftJoin('product_gtins', 'product_gtins.sku', 'products.sku')
      .select('products.sku')
      .where((eb) =>
        eb.or([eb('products.sku', '=', scan.code), eb('product_gtins.gtin', '=', scan.code)]),
      )
      .executeTakeFirst();
    if (!product)
      throw new ApiError(
        422,
        'unknown_item',
        `${scan.code} is not a product we know: set it aside.`,
        'code',
      );
    const bin = await trx
      .selectFrom('bins')
      .select('code')
      .where('warehouse_code', '=', locked.warehouse_code)
      .where('code', '=', scan.binCode)
      .executeTakeFirst();
    if (!bin)
      throw new ApiError(
        422,
        'unknown_bin',
        `Bin ${scan.binCode} is not a bin of ${locked.warehouse_code}.`,
        'binCode',
      );
    const line = po.lines.find((l) => l.sku === product.sku);
    const open = line ? Math.max(0, line.quantity - line.receivedQuantity) : 0;
    const match = !line ? 'unexpected' : scan.quantity > open ? 'over' : 'expected';
    await trx
      .insertInto('receiving_scans')
      .values({
        id: scan.scanId,
        purchase_order_id: po.id,
        sku: product.sku,
        quantity: scan.quantity,
        bin_code: scan.binCode,
        match,
        lot: scan.lot ?? null,
        expiry: scan.expiry ?? null,
      })
      .execute();
    if (line) {
      await trx
        .updateTable('purchase_order_lines')
        .set((eb) => ({ received_quantity: eb('received_quantity', '+', scan.quantity) }))
        .where('purchase_order_id', '=', po.id)
        .where('sku', '=', product.sku)
        .execute();
    }
    await moveStock(
      trx,
      [
        {
          warehouseCode: locked.warehouse_code,
          binCode: scan.binCode,
          sku: product.sku,
          quantity: scan.quantity,
        },
      ],
      {
        reason: 'purchase_receipt',
        referenceKind: 'purchase_order',
        referenceId: po.number,
        note: `scan ${scan.scanId}`,
        actor,
      },
    );
    const { rows } = await sql<{ open: string }>`
      select count(*) as open from purchase_order_lines
      where purchase_order_id = ${po.id} and received_quantity < quantity`.execute(trx);
    await trx
      .updateTable('purchase_orders')
      .set({
        status: Number(rows[0]!.open) === 0 ? 'received' : 'receiving',
        updated_at: new Date(),
      })
      .where('id', '=', po.id)
      .execute();
    return { sku: product.sku, quantity: scan.quantity, match, replayed: false };
  });
}
