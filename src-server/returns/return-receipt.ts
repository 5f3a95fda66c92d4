// A station took a parcel in. The central OMS decides, in the push transaction: checks, stock per
// disposition (restock raises on hand in the scanned bin; quarantine, scrap and return to vendor
// do not), the RMA received → inspected, the refund computed and issued once, events recorded.
// A refused receipt moves nothing and tells the station why; an accepted one is final.
import { sql, type Transaction } from 'kysely';
import type { ReturnReason } from '../../shared/returns/rma-state';
import type { ReturnReceiptDoc } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import { appendOrderEvents } from '../orders/order-writes';
import { appendOutboxEvents } from '../outbox/outbox';
import type { StationIdentity } from '../stations/stations';
import { rollUpReturn } from '../reports/rollup-writes';
import { foreignDocument } from '../sync/push-checks';
import { checkReceipt } from './receipt-checks';
import { computeRefund } from './refund-amount';
import { recordRefund, refundRma } from './refund-issue';
import { returnsRuntime } from './returns-runtime';
import { publishRmas } from './rma-projection';
import { isUuid, moveRma, type LockedRma } from './rma-writes';

type Trx = Transaction<Database>;
type Verdict = Pick<ReturnReceiptDoc, 'status' | 'refusalReason' | 'refundMinor'>;

export async function applyReturnReceipt(
  trx: Trx,
  station: StationIdentity,
  receipt: ReturnReceiptDoc,
  previous: ReturnReceiptDoc | null,
): Promise<ReturnReceiptDoc> {
  // Accepted is final: later station edits never change what was booked; the station gets the master back.
  if (previous?.status === 'accepted') return previous;
  if (receipt.status === 'open') return { ...receipt, refusalReason: null, refundMinor: null };
  if (receipt.status === 'refused' && previous?.status === 'refused')
    return { ...receipt, refusalReason: previous.refusalReason, refundMinor: null };

  // Two pushes of one receipt (two tabs, a retry racing the first) decide one after the other.
  await sql`select pg_advisory_xact_lock(hashtext(${`return-receipt:${receipt.id}`}))`.execute(trx);
  const recorded = await trx
    .selectFrom('return_receipts')
    .select(['status', 'rma_id'])
    .where('id', '=', receipt.id)
    .where('station_id', '=', station.stationId)
    .executeTakeFirst();
  if (recorded?.status === 'accepted')
    return { ...receipt, ...(await acceptedVerdict(trx, recorded.rma_id)) };

  return { ...receipt, ...(await decide(trx, station, receipt)) };
}

async function acceptedVerdict(trx: Trx, rmaId: string | null): Promise<Verdict> {
  const refund = rmaId
    ? await trx
        .selectFrom('refunds')
        .select('amount_minor')
        .where('rma_id', '=', rmaId)
        .executeTakeFirst()
    : undefined;
  return {
    status: 'accepted',
    refusalReason: null,
    refundMinor: rmaId ? (refund?.amount_minor ?? 0) : null,
  };
}

async function decide(
  trx: Trx,
  station: StationIdentity,
  receipt: ReturnReceiptDoc,
): Promise<Verdict> {
  const check = await checkReceipt(trx, station, receipt);
  if (!check.ok) return refuse(trx, station, receipt, check.reason);
  const rma = check.rma;
  const actor = `station:${station.stationName}`;

  let refund: ReturnType<typeof computeRefund> | null = null;
  let currency = 'EUR';
  if (rma) {
    const prepared = await prepareRefund(trx, rma, receipt);
    refund = prepared.outcome;
    currency = prepared.currency;
    if (!refund.ok) return refuse(trx, station, receipt, refund.message);
  }

  await storeReceipt(trx, station, receipt, rma?.id ?? null, 'accepted', null);
  await trx
    .insertInto('return_items')
    .values(
      receipt.items.map((i) => ({
        receipt_id: receipt.id,
        item_id: i.id,
        sku: i.sku,
        quantity: i.quantity,
        grade: i.grade,
        disposition: i.disposition,
        bin_code: i.disposition === 'restock' ? i.binCode : null,
        match: i.match,
        note: i.note,
      })),
    )
    .execute();
  await restock(trx, station.warehouseCode, receipt);
  await rollUpReturn(trx, {
    orderId: rma?.order_id ?? null,
    reason: rma?.reason ?? null,
    warehouseCode: station.warehouseCode,
    receivedAt: receipt.receivedAt,
    items: receipt.items,
  });

  const items = receipt.items.map((i) => ({
    sku: i.sku,
    quantity: i.quantity,
    grade: i.grade,
    disposition: i.disposition,
    match: i.match,
  }));
  if (!rma || !refund?.ok) {
    await appendOutboxEvents(trx, [
      {
        type: 'return.received',
        aggregateType: 'return',
        aggregateId: receipt.id,
        payload: {
          receiptId: receipt.id,
          rmaId: null,
          unexpected: true,
          warehouseCode: station.warehouseCode,
          items,
        },
      },
    ]);
    return { status: 'accepted', refusalReason: null, refundMinor: null };
  }

  const breakdown = refund.refund;
  for (const [lineId, quantity] of Object.entries(breakdown.receivedPerLine)) {
    await trx
      .updateTable('rma_lines')
      .set((eb) => ({ received_quantity: eb('received_quantity', '+', quantity) }))
      .where('id', '=', lineId)
      .execute();
  }
  await moveRma(trx, rma, 'received', actor, {
    receiptId: receipt.id,
    stationId: station.stationId,
    operatorId: receipt.operatorId,
  });
  await moveRma(trx, rma, 'inspected', actor, {
    receiptId: receipt.id,
    items,
    refundMinor: breakdown.totalMinor,
  });
  await appendOrderEvents(trx, rma.order_id, actor, [
    {
      type: 'return_received',
      detail: { rmaId: rma.id, rmaCode: rma.code, receiptId: receipt.id, items },
    },
  ]);
  await appendOutboxEvents(trx, [
    {
      type: 'return.received',
      aggregateType: 'order',
      aggregateId: rma.order_id,
      payload: {
        orderId: rma.order_id,
        rmaId: rma.id,
        rmaCode: rma.code,
        receiptId: receipt.id,
        unexpected: false,
        warehouseCode: station.warehouseCode,
        items,
        refundMinor: breakdown.totalMinor,
        currency,
      },
    },
  ]);
  if (breakdown.totalMinor > 0) {
    await recordRefund(trx, {
      rmaId: rma.id,
      orderId: rma.order_id,
      method: rma.refund_method,
      amountMinor: breakdown.totalMinor,
      currency,
      breakdown,
    });
    await refundRma(trx, rma, actor);
  } else {
    await moveRma(trx, rma, 'closed', actor, { note: 'Nothing to refund after grading.' });
  }
  await publishRmas(trx, [rma.id]);
  return { status: 'accepted', refusalReason: null, refundMinor: breakdown.totalMinor };
}

async function prepareRefund(trx: Trx, rma: LockedRma, receipt: ReturnReceiptDoc) {
  const { config } = returnsRuntime();
  const order = await trx
    .selectFrom('orders')
    .select(['total_minor', 'shipping_charged_minor', 'currency'])
    .where('id', '=', rma.order_id)
    .executeTakeFirstOrThrow();
  const lines = await trx
    .selectFrom('rma_lines')
    .select(['id', 'sku', 'quantity', 'received_quantity', 'unit_price_minor'])
    .where('rma_id', '=', rma.id)
    .orderBy('id')
    .execute();
  const earlier = await trx
    .selectFrom('refunds')
    .select(['amount_minor', 'breakdown'])
    .where('order_id', '=', rma.order_id)
    .where('status', '!=', 'failed')
    .execute();
  const outcome = computeRefund({
    lines: lines.map((l) => ({
      rmaLineId: l.id,
      sku: l.sku,
      open: l.quantity - l.received_quantity,
      unitPriceMinor: l.unit_price_minor,
    })),
    items: receipt.items,
    reason: rma.reason as ReturnReason,
    feePercent: config.restockingFeePercent,
    shippingRefundReasons: config.shippingRefundReasons,
    shippingChargedMinor: order.shipping_charged_minor,
    shippingAlreadyRefunded: earlier.some((r) => Number(r.breakdown.shippingMinor ?? 0) > 0),
    paidMinor: order.total_minor,
    refundedBeforeMinor: earlier.reduce((n, r) => n + r.amount_minor, 0),
    currency: order.currency.trim(),
  });
  return { outcome, currency: order.currency.trim() };
}

/** Restocked units go back on hand in the scanned bin (a new stock row if the bin held none). */
async function restock(trx: Trx, warehouseCode: string, receipt: ReturnReceiptDoc): Promise<void> {
  const perBin = new Map<string, { sku: string; bin: string; quantity: number }>();
  for (const item of receipt.items.filter((i) => i.disposition === 'restock')) {
    const key = `${item.sku}\u0000${item.binCode}`;
    const entry = perBin.get(key) ?? { sku: item.sku, bin: item.binCode!, quantity: 0 };
    entry.quantity += item.quantity;
    perBin.set(key, entry);
  }
  // A fixed order of row locks: two receipts restocking the same bins cannot deadlock.
  for (const entry of [...perBin.values()].sort((a, b) =>
    a.sku + a.bin < b.sku + b.bin ? -1 : 1,
  )) {
    await trx
      .insertInto('stock')
      .values({
        warehouse_code: warehouseCode,
        sku: entry.sku,
        bin_code: entry.bin,
        on_hand: entry.quantity,
      })
      .onConflict((oc) =>
        oc.columns(['sku', 'warehouse_code', 'bin_code']).doUpdateSet((eb) => ({
          on_hand: eb('stock.on_hand', '+', entry.quantity),
          updated_at: new Date(),
        })),
      )
      .execute();
  }
}

async function storeReceipt(
  trx: Trx,
  station: StationIdentity,
  receipt: ReturnReceiptDoc,
  rmaId: string | null,
  status: 'accepted' | 'refused',
  reason: string | null,
) {
  const row = {
    rma_id: rmaId,
    warehouse_code: station.warehouseCode,
    station_id: station.stationId,
    operator_id: receipt.operatorId,
    status,
    refusal_reason: reason,
    needs_review:
      status === 'accepted' &&
      (rmaId === null || receipt.items.some((i) => i.match !== 'expected')),
    note: receipt.note,
    received_at: receipt.receivedAt,
  };
  // Only the station's own receipt, and only one not yet accepted, takes a new verdict.
  const stored = await trx
    .insertInto('return_receipts')
    .values({ id: receipt.id, ...row })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet(row)
        .where('return_receipts.station_id', '=', station.stationId)
        .where('return_receipts.status', '<>', 'accepted'),
    )
    .returning('id')
    .executeTakeFirst();
  if (!stored) throw foreignDocument('returns', receipt.id);
}

async function refuse(
  trx: Trx,
  station: StationIdentity,
  receipt: ReturnReceiptDoc,
  reason: string,
): Promise<Verdict> {
  const rma =
    receipt.rmaId && isUuid(receipt.rmaId)
      ? await trx.selectFrom('rmas').select('id').where('id', '=', receipt.rmaId).executeTakeFirst()
      : undefined;
  await storeReceipt(trx, station, receipt, rma?.id ?? null, 'refused', reason);
  return { status: 'refused', refusalReason: reason, refundMinor: null };
}
