// Transfers between warehouses. Creating one takes the units off the source's bins at once
// (transfer_out, only what is available: never stock reserved for orders) and makes them inbound
// at the destination, where they are received by scan into bins (transfer_in), each scan stored
// once under its id, never more than was sent. Sent and received units are movements, so the
// ledger holds across warehouses too.
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { AuditActor } from '../audit/audit';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';
import { moveStock, type BinChange } from './movements';
import { assertBin, assertWarehouse, lockSkuStock, skuOf } from './stock-checks';

type Trx = Transaction<Database>;
const code = z.string().trim().min(1).max(64);

export const transferBody = z.object({
  warehouseCode: code.describe('The source warehouse: the units leave it'),
  toWarehouseCode: code.describe('The destination warehouse: the units arrive there'),
  lines: z
    .array(z.object({ sku: code, quantity: z.number().int().min(1).max(1_000_000) }))
    .min(1)
    .max(200),
  note: z.string().trim().max(500).optional(),
});
export type TransferRequest = z.infer<typeof transferBody>;

export const transferReceiptBody = z.object({
  scanId: z.uuid(),
  code: code.describe('The scanned GTIN or SKU'),
  quantity: z.number().int().min(1).max(100_000),
  binCode: code,
});
export type TransferReceipt = z.infer<typeof transferReceiptBody>;

export const transferSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  fromWarehouseCode: z.string(),
  toWarehouseCode: z.string(),
  status: z.enum(['in_transit', 'received']),
  note: z.string().nullable(),
  createdAt: z.string(),
  lines: z.array(
    z.object({
      sku: z.string(),
      quantity: z.number().int(),
      receivedQuantity: z.number().int(),
    }),
  ),
});
export type Transfer = z.infer<typeof transferSchema>;

export async function readTransfer(trx: Trx, number: string): Promise<Transfer> {
  const transfer = await trx
    .selectFrom('stock_transfers')
    .selectAll()
    .where('number', '=', number)
    .executeTakeFirst();
  if (!transfer) throw notFound(`Transfer ${number}`);
  const lines = await trx
    .selectFrom('stock_transfer_lines')
    .select(['sku', 'quantity', 'received_quantity'])
    .where('transfer_id', '=', transfer.id)
    .orderBy('sku')
    .execute();
  return {
    id: transfer.id,
    number: transfer.number,
    fromWarehouseCode: transfer.from_warehouse_code,
    toWarehouseCode: transfer.to_warehouse_code,
    status: transfer.status,
    note: transfer.note,
    createdAt: new Date(transfer.created_at).toISOString(),
    lines: lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      receivedQuantity: l.received_quantity,
    })),
  };
}

export async function createTransfer(
  trx: Trx,
  request: TransferRequest,
  actor: AuditActor,
): Promise<Transfer> {
  const from = request.warehouseCode;
  const to = request.toWarehouseCode;
  if (from === to)
    throw new ApiError(
      422,
      'same_warehouse',
      `A transfer goes from one warehouse to another; both are ${from}.`,
      'toWarehouseCode',
    );
  await assertWarehouse(trx, from, 'warehouseCode');
  await assertWarehouse(trx, to, 'toWarehouseCode');
  const seen = new Set<string>();
  for (const [i, line] of request.lines.entries()) {
    if (seen.has(line.sku))
      throw new ApiError(
        422,
        'duplicate_sku',
        `${line.sku} is on the transfer twice.`,
        `lines[${i}].sku`,
      );
    seen.add(line.sku);
  }
  const known = new Set(
    (
      await trx
        .selectFrom('products')
        .select('sku')
        .where('sku', 'in', [...seen])
        .execute()
    ).map((p) => p.sku),
  );
  const unknown = request.lines.findIndex((l) => !known.has(l.sku));
  if (unknown >= 0)
    throw new ApiError(
      422,
      'unknown_sku',
      `There is no product ${request.lines[unknown]!.sku}.`,
      `lines[${unknown}].sku`,
    );

  const { rows } = await sql<{
    n: string;
  }>`select nextval('stock_transfer_numbers')::text as n`.execute(trx);
  const number = `TR-${rows[0]!.n.padStart(6, '0')}`;
  const changes: BinChange[] = [];
  // Locked SKU by SKU in sorted order: the same order intake takes them in.
  const ordered = request.lines
    .map((line, index) => ({ ...line, index }))
    .sort((a, b) => (a.sku < b.sku ? -1 : 1));
  for (const line of ordered) {
    const stock = await lockSkuStock(trx, from, line.sku);
    const available = stock.onHand - stock.reserved;
    if (available < line.quantity)
      throw new ApiError(
        409,
        'not_available',
        `Only ${Math.max(0, available)} × ${line.sku} are available in ${from} (on hand ${stock.onHand}, reserved ${stock.reserved}); the transfer asks ${line.quantity}.`,
        `lines[${line.index}].quantity`,
      );
    let remaining = line.quantity;
    for (const bin of [...stock.bins].sort(
      (a, b) => a.walkSequence - b.walkSequence || (a.binCode < b.binCode ? -1 : 1),
    )) {
      if (remaining === 0) break;
      const take = Math.min(remaining, bin.onHand);
      if (take > 0)
        changes.push({ warehouseCode: from, binCode: bin.binCode, sku: line.sku, quantity: -take });
      remaining -= take;
    }
  }
  const id = randomUUID();
  await trx
    .insertInto('stock_transfers')
    .values({
      id,
      number,
      from_warehouse_code: from,
      to_warehouse_code: to,
      status: 'in_transit',
      note: request.note ?? null,
    })
    .execute();
  await trx
    .insertInto('stock_transfer_lines')
    .values(request.lines.map((l) => ({ transfer_id: id, sku: l.sku, quantity: l.quantity })))
    .execute();
  await moveStock(trx, changes, {
    reason: 'transfer_out',
    referenceKind: 'transfer',
    referenceId: number,
    note: `to ${to}`,
    actor,
  });
  return readTransfer(trx, number);
}

export async function receiveTransferScan(
  trx: Trx,
  number: string,
  scan: TransferReceipt,
  actor: AuditActor,
): Promise<{ sku: string; quantity: number; replayed: boolean; transfer: Transfer }> {
  const transfer = await trx
    .selectFrom('stock_transfers')
    .select(['id', 'number', 'from_warehouse_code', 'to_warehouse_code', 'status'])
    .where('number', '=', number)
    .forUpdate()
    .executeTakeFirst();
  if (!transfer) throw notFound(`Transfer ${number}`);
  const replay = await trx
    .selectFrom('stock_transfer_receipts')
    .select(['transfer_id', 'sku', 'quantity'])
    .where('id', '=', scan.scanId)
    .executeTakeFirst();
  if (replay) {
    if (replay.transfer_id !== transfer.id)
      throw new ApiError(
        409,
        'scan_id_taken',
        `Scan ${scan.scanId} belongs to another transfer.`,
        'scanId',
      );
    return {
      sku: replay.sku,
      quantity: replay.quantity,
      replayed: true,
      transfer: await readTransfer(trx, number),
    };
  }
  if (transfer.status !== 'in_transit')
    throw new ApiError(
      409,
      'not_receivable',
      `Transfer ${number} is ${transfer.status}: nothing to receive.`,
      'number',
    );
  const sku = await skuOf(trx, scan.code);
  if (!sku)
    throw new ApiError(
      422,
      'unknown_item',
      `${scan.code} is not a product we know: set it aside.`,
      'code',
    );
  await assertBin(trx, transfer.to_warehouse_code, scan.binCode, 'binCode');
  const line = await trx
    .selectFrom('stock_transfer_lines')
    .select(['quantity', 'received_quantity'])
    .where('transfer_id', '=', transfer.id)
    .where('sku', '=', sku)
    .executeTakeFirst();
  if (!line)
    throw new ApiError(
      422,
      'not_on_transfer',
      `${sku} is not on transfer ${number}: set it aside and tell your lead.`,
      'code',
    );
  const open = line.quantity - line.received_quantity;
  if (scan.quantity > open)
    throw new ApiError(
      422,
      'over_received',
      `Transfer ${number} sent ${line.quantity} × ${sku}, ${line.received_quantity} already received: at most ${open} more.`,
      'quantity',
    );
  await trx
    .insertInto('stock_transfer_receipts')
    .values({
      id: scan.scanId,
      transfer_id: transfer.id,
      sku,
      quantity: scan.quantity,
      bin_code: scan.binCode,
    })
    .execute();
  await trx
    .updateTable('stock_transfer_lines')
    .set((eb) => ({ received_quantity: eb('received_quantity', '+', scan.quantity) }))
    .where('transfer_id', '=', transfer.id)
    .where('sku', '=', sku)
    .execute();
  await moveStock(
    trx,
    [
      {
        warehouseCode: transfer.to_warehouse_code,
        binCode: scan.binCode,
        sku,
        quantity: scan.quantity,
      },
    ],
    {
      reason: 'transfer_in',
      referenceKind: 'transfer',
      referenceId: number,
      note: `from ${transfer.from_warehouse_code}`,
      actor,
    },
  );
  const { rows } = await sql<{ open: number }>`
    select count(*)::int as open from stock_transfer_lines
    where transfer_id = ${transfer.id} and received_quantity < quantity`.execute(trx);
  if (rows[0]!.open === 0)
    await trx
      .updateTable('stock_transfers')
      .set({ status: 'received', updated_at: new Date() })
      .where('id', '=', transfer.id)
      .execute();
  return {
    sku,
    quantity: scan.quantity,
    replayed: false,
    transfer: await readTransfer(trx, number),
  };
}
