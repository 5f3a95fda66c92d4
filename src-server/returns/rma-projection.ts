// Publishes RMAs to the stations of the warehouse their goods went out from (the `rmas`
// collection), in the transaction that created or moved them, so a returns desk can match a
// parcel offline by RMA code, order number, tracking number or SSCC, and count what arrived:
// the units received with the accepted receipts they came in.
import type { Transaction } from 'kysely';
import type { RmaStatus, RefundMethod, ReturnReason } from '../../shared/returns/rma-state';
import type { RmaDoc } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import { writeSyncDocuments } from '../sync/document-store';
import { outboundCartons } from './shipped-units';

export async function publishRmas(
  trx: Transaction<Database>,
  rmaIds: readonly string[],
): Promise<void> {
  if (rmaIds.length === 0) return;
  const heads = await trx
    .selectFrom('rmas as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .select([
      'r.id',
      'r.code',
      'r.order_id',
      'r.warehouse_code',
      'r.status',
      'r.reason',
      'r.reason_text',
      'r.refund_method',
      'r.created_at',
      'r.expires_at',
      'o.channel_order_ref',
      'o.ship_to',
    ])
    .where('r.id', 'in', rmaIds)
    .execute();
  const lines = await trx
    .selectFrom('rma_lines as l')
    .innerJoin('order_lines as ol', 'ol.id', 'l.order_line_id')
    .select([
      'l.id',
      'l.rma_id',
      'l.order_line_id',
      'l.sku',
      'l.quantity',
      'l.received_quantity',
      'ol.name',
      'ol.line_no',
    ])
    .where('l.rma_id', 'in', rmaIds)
    .orderBy('ol.line_no')
    .execute();
  const receipts = await trx
    .selectFrom('return_receipts')
    .select(['id', 'rma_id'])
    .where('rma_id', 'in', rmaIds)
    .where('status', '=', 'accepted')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byWarehouse = new Map<string, RmaDoc[]>();
  for (const r of heads) {
    const cartons = await outboundCartons(trx, r.order_id, r.warehouse_code);
    const doc: RmaDoc = {
      id: r.id,
      code: r.code,
      orderId: r.order_id,
      orderNumber: r.channel_order_ref,
      warehouseCode: r.warehouse_code,
      status: r.status as RmaStatus,
      reason: r.reason as ReturnReason,
      reasonText: r.reason_text,
      refundMethod: r.refund_method as RefundMethod,
      customerName: r.ship_to.name,
      trackingNumbers: cartons.flatMap((c) => (c.trackingNumber ? [c.trackingNumber] : [])),
      ssccs: cartons.map((c) => c.sscc),
      lines: lines
        .filter((l) => l.rma_id === r.id)
        .map((l) => ({
          rmaLineId: l.id,
          orderLineId: l.order_line_id,
          sku: l.sku,
          name: l.name,
          quantity: l.quantity,
          receivedQuantity: l.received_quantity,
        })),
      receiptIds: receipts.filter((x) => x.rma_id === r.id).map((x) => x.id),
      createdAt: new Date(r.created_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      updatedAt: 0,
    };
    byWarehouse.set(r.warehouse_code, [...(byWarehouse.get(r.warehouse_code) ?? []), doc]);
  }
  for (const [warehouse, docs] of byWarehouse)
    await writeSyncDocuments(trx, warehouse, 'rmas', docs);
}
