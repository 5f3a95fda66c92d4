// Reads RMAs for the API: head, lines, event trail, receipts (parcels) and their refunds.
import type { Kysely } from 'kysely';
import type { RefundMethod, ReturnReason, RmaStatus } from '../../shared/returns/rma-state';
import type { Database } from '../db/schema';
import type { RmaView } from './rma-contracts';
import { isUuid } from './rma-writes';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function getRmaView(db: Kysely<Database>, rmaId: string): Promise<RmaView | null> {
  if (!isUuid(rmaId)) return null;
  const r = await db
    .selectFrom('rmas as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .selectAll('r')
    .select(['o.channel_order_ref', 'o.channel_code'])
    .where('r.id', '=', rmaId)
    .executeTakeFirst();
  if (!r) return null;
  const [lines, events, receipts, refunds] = await Promise.all([
    db
      .selectFrom('rma_lines as l')
      .innerJoin('order_lines as ol', 'ol.id', 'l.order_line_id')
      .select([
        'l.id',
        'l.order_line_id',
        'l.sku',
        'l.quantity',
        'l.received_quantity',
        'l.unit_price_minor',
        'ol.name',
      ])
      .where('l.rma_id', '=', r.id)
      .orderBy('ol.line_no')
      .execute(),
    db.selectFrom('rma_events').selectAll().where('rma_id', '=', r.id).orderBy('id').execute(),
    db
      .selectFrom('return_receipts')
      .selectAll()
      .where('rma_id', '=', r.id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('refunds')
      .selectAll()
      .where('rma_id', '=', r.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  return {
    id: r.id,
    code: r.code,
    orderId: r.order_id,
    orderNumber: r.channel_order_ref,
    channel: r.channel_code,
    warehouseCode: r.warehouse_code,
    status: r.status as RmaStatus,
    reason: r.reason as ReturnReason,
    reasonText: r.reason_text,
    refundMethod: r.refund_method as RefundMethod,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    expiresAt: iso(r.expires_at)!,
    lines: lines.map((l) => ({
      id: l.id,
      orderLineId: l.order_line_id,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      receivedQuantity: l.received_quantity,
      unitPriceMinor: l.unit_price_minor,
    })),
    events: events.map((e) => ({
      fromStatus: e.from_status as RmaStatus | null,
      toStatus: e.to_status as RmaStatus,
      actor: e.actor,
      detail: e.detail,
      at: iso(e.created_at)!,
    })),
    receipts: receipts.map((x) => ({
      id: x.id,
      stationId: x.station_id,
      operatorId: x.operator_id,
      status: x.status,
      refusalReason: x.refusal_reason,
      needsReview: x.needs_review,
      receivedAt: iso(x.received_at)!,
    })),
    refunds: refunds.map((refund) => ({
      id: refund.id,
      receiptId: refund.receipt_id,
      status: refund.status,
      method: refund.method,
      provider: refund.provider,
      amountMinor: refund.amount_minor,
      currency: refund.currency.trim(),
      providerReference: refund.provider_reference,
      lastError: refund.last_error,
      breakdown: refund.breakdown,
      issuedAt: iso(refund.issued_at),
    })),
    refundedMinor: refunds.reduce((n, f) => n + f.amount_minor, 0),
    issuedMinor: refunds
      .filter((f) => f.status === 'issued')
      .reduce((n, f) => n + f.amount_minor, 0),
    labels: { zpl: `/v1/rmas/${r.id}/label.zpl`, pdf: `/v1/rmas/${r.id}/label.pdf` },
  };
}

export async function listRmaIds(
  db: Kysely<Database>,
  filter: { orderId?: string | undefined; channelCode: string | null },
): Promise<string[]> {
  let query = db
    .selectFrom('rmas as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .select('r.id')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(200);
  if (filter.orderId) query = query.where('r.order_id', '=', filter.orderId);
  if (filter.channelCode) query = query.where('o.channel_code', '=', filter.channelCode);
  return (await query.execute()).map((r) => r.id);
}
