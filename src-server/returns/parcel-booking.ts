// One parcel of an RMA, accepted: what it is worth given what earlier parcels took (units per line,
// the shipping charge once per order, never above what is left of the paid amount), and what it
// books: units received per line, its own refund (issued once), the RMA's next state, the events.
import type { Transaction } from 'kysely';
import { movesAfterParcel, type ReturnReason } from '../../shared/returns/rma-state';
import type { ReturnReceiptDoc } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import { appendOrderEvents } from '../orders/order-writes';
import { appendOutboxEvents } from '../outbox/outbox';
import type { StationIdentity } from '../stations/stations';
import { computeRefund, type RefundBreakdown, type RefundOutcome } from './refund-amount';
import { issueRefund, recordRefund, refundDetail, rmaStanding } from './refund-issue';
import { returnsRuntime } from './returns-runtime';
import { publishRmas } from './rma-projection';
import { moveRmaThrough, noteRma, type LockedRma } from './rma-writes';

type Trx = Transaction<Database>;

export interface PricedParcel {
  outcome: RefundOutcome;
  currency: string;
}

/** Prices the parcel against the (locked) RMA; locks the order, whose refunds share one paid amount. */
export async function priceParcel(
  trx: Trx,
  rma: LockedRma,
  receipt: ReturnReceiptDoc,
): Promise<PricedParcel> {
  const { config } = returnsRuntime();
  const order = await trx
    .selectFrom('orders')
    .select(['total_minor', 'shipping_charged_minor', 'currency'])
    .where('id', '=', rma.order_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const lines = await trx
    .selectFrom('rma_lines')
    .select(['id', 'sku', 'quantity', 'received_quantity', 'unit_price_minor'])
    .where('rma_id', '=', rma.id)
    .orderBy('id')
    .execute();
  // Every refund of the order counts, failed ones too: they are owed and may be retried.
  const earlier = await trx
    .selectFrom('refunds')
    .select(['amount_minor', 'shipping_minor'])
    .where('order_id', '=', rma.order_id)
    .execute();
  const currency = order.currency.trim();
  const outcome = computeRefund({
    lines: lines.map((l) => ({
      rmaLineId: l.id,
      sku: l.sku,
      authorised: l.quantity,
      open: l.quantity - l.received_quantity,
      unitPriceMinor: l.unit_price_minor,
    })),
    items: receipt.items,
    reason: rma.reason as ReturnReason,
    feePercent: config.restockingFeePercent,
    shippingRefundReasons: config.shippingRefundReasons,
    shippingChargedMinor: order.shipping_charged_minor,
    shippingAlreadyRefunded: earlier.some((r) => r.shipping_minor > 0),
    paidMinor: order.total_minor,
    refundedBeforeMinor: earlier.reduce((n, r) => n + r.amount_minor, 0),
    currency,
  });
  return { outcome, currency };
}

export type ParcelItems = {
  sku: string;
  quantity: number;
  grade: string;
  disposition: string;
  match: string;
}[];

/** Books the accepted parcel on its (locked) RMA; returns the parcel's refund in minor units. */
export async function bookParcel(
  trx: Trx,
  station: StationIdentity,
  rma: LockedRma,
  receipt: ReturnReceiptDoc,
  priced: { refund: RefundBreakdown; currency: string },
  items: ParcelItems,
): Promise<number> {
  const { refund, currency } = priced;
  const actor = `station:${station.stationName}`;
  let unitsReceived = 0;
  for (const [lineId, quantity] of Object.entries(refund.receivedPerLine)) {
    unitsReceived += quantity;
    await trx
      .updateTable('rma_lines')
      .set((eb) => ({ received_quantity: eb('received_quantity', '+', quantity) }))
      .where('id', '=', lineId)
      .execute();
  }
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
        refundMinor: refund.totalMinor,
        currency,
      },
    },
  ]);

  const issued =
    refund.totalMinor > 0
      ? await issueRefund(
          trx,
          rma,
          await recordRefund(trx, {
            rmaId: rma.id,
            receiptId: receipt.id,
            orderId: rma.order_id,
            method: rma.refund_method,
            amountMinor: refund.totalMinor,
            currency,
            breakdown: refund,
          }),
        )
      : null;

  const standing = await rmaStanding(trx, rma.id, unitsReceived);
  const path = movesAfterParcel(rma.status, standing);
  const detail = {
    receiptId: receipt.id,
    stationId: station.stationId,
    operatorId: receipt.operatorId,
    items,
    refundMinor: refund.totalMinor,
    ...(issued?.status === 'issued' ? refundDetail(issued) : {}),
    ...(path.at(-1) === 'closed' ? { note: 'Nothing to refund after grading.' } : {}),
  };
  if (path.length === 0) await noteRma(trx, rma, actor, detail);
  else await moveRmaThrough(trx, rma, path, actor, detail);
  await publishRmas(trx, [rma.id]);
  return refund.totalMinor;
}
