// Issues each parcel's refund exactly once. A refunds row is keyed by the receipt (unique) and
// carries the idempotency key `refund:receipt:<receiptId>` the provider sees, so a replayed receipt, a
// retry after a crash or a second click all end at the same single refund of that parcel. A
// provider failure leaves the refund `failed` with its reason (retry: POST /v1/rmas/:id/refund);
// it never undoes the receipt.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { settledMoves, type RmaStanding } from '../../shared/returns/rma-state';
import type { Database } from '../db/schema';
import { ledgerProvider } from '../payments/ledger-provider';
import { appendOutboxEvents } from '../outbox/outbox';
import { PaymentProviderError } from '../payments/payment-provider';
import type { RefundBreakdown } from './refund-amount';
import { returnsRuntime } from './returns-runtime';
import { moveRmaThrough, type LockedRma } from './rma-writes';

type Trx = Transaction<Database>;

/** Its own namespace: a station names its receipts, and refunds before 0730 used `refund:<rmaId>`. */
export const refundKey = (receiptId: string) => `refund:receipt:${receiptId}`;

export interface RefundRecord {
  id: string;
  receiptId: string;
  status: 'pending' | 'issued' | 'failed';
  amountMinor: number;
  currency: string;
  provider: string;
  providerReference: string | null;
  lastError: string | null;
  /** False when this call found the refund already issued (a replay). */
  issuedNow: boolean;
}

/** Records the parcel's refund (once per receipt) and returns its id. */
export async function recordRefund(
  trx: Trx,
  input: {
    rmaId: string;
    receiptId: string;
    orderId: string;
    method: string;
    amountMinor: number;
    currency: string;
    breakdown: RefundBreakdown;
  },
): Promise<string> {
  const provider =
    input.method === 'store_credit' ? ledgerProvider.name : returnsRuntime().provider.name;
  await trx
    .insertInto('refunds')
    .values({
      id: randomUUID(),
      rma_id: input.rmaId,
      receipt_id: input.receiptId,
      order_id: input.orderId,
      idempotency_key: refundKey(input.receiptId),
      method: input.method,
      provider,
      amount_minor: input.amountMinor,
      currency: input.currency,
      breakdown: JSON.stringify(input.breakdown),
      shipping_minor: input.breakdown.shippingMinor,
      status: 'pending',
    })
    .onConflict((oc) => oc.column('receipt_id').doNothing())
    .execute();
  const { id } = await trx
    .selectFrom('refunds')
    .select('id')
    .where('receipt_id', '=', input.receiptId)
    .executeTakeFirstOrThrow();
  return id;
}

/** Sends the recorded refund to its provider unless it was issued already. */
export async function sendRefund(trx: Trx, refundId: string): Promise<RefundRecord> {
  const refund = await trx
    .selectFrom('refunds')
    .selectAll()
    .where('id', '=', refundId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const record = (over: Partial<RefundRecord>): RefundRecord => ({
    id: refund.id,
    receiptId: refund.receipt_id,
    status: refund.status,
    amountMinor: refund.amount_minor,
    currency: refund.currency.trim(),
    provider: refund.provider,
    providerReference: refund.provider_reference,
    lastError: refund.last_error,
    issuedNow: false,
    ...over,
  });
  if (refund.status === 'issued') return record({});
  const provider =
    refund.provider === ledgerProvider.name ? ledgerProvider : returnsRuntime().provider;
  const rma = await trx
    .selectFrom('rmas')
    .select('code')
    .where('id', '=', refund.rma_id)
    .executeTakeFirstOrThrow();
  const payment = await trx
    .selectFrom('order_payments')
    .select('payment_reference')
    .where('order_id', '=', refund.order_id)
    .executeTakeFirst();
  try {
    const issued = await provider.issueRefund({
      idempotencyKey: refund.idempotency_key,
      orderId: refund.order_id,
      paymentReference: payment?.payment_reference ?? null,
      amountMinor: refund.amount_minor,
      currency: refund.currency.trim(),
      description: `Refund for return ${rma.code}`,
    });
    await trx
      .updateTable('refunds')
      .set({
        status: 'issued',
        provider_reference: issued.reference,
        last_error: null,
        issued_at: new Date(),
      })
      .where('id', '=', refund.id)
      .execute();
    return record({
      status: 'issued',
      providerReference: issued.reference,
      lastError: null,
      issuedNow: true,
    });
  } catch (error) {
    if (!(error instanceof PaymentProviderError)) throw error;
    await trx
      .updateTable('refunds')
      .set({ status: 'failed', last_error: error.message })
      .where('id', '=', refund.id)
      .execute();
    return record({ status: 'failed', lastError: error.message });
  }
}

/** Sends one of the (locked) RMA's refunds; a refund issued now is told as refund.issued. */
export async function issueRefund(
  trx: Trx,
  rma: LockedRma,
  refundId: string,
): Promise<RefundRecord> {
  const refund = await sendRefund(trx, refundId);
  if (refund.issuedNow) {
    await appendOutboxEvents(trx, [
      {
        type: 'refund.issued',
        aggregateType: 'order',
        aggregateId: rma.order_id,
        payload: {
          orderId: rma.order_id,
          rmaId: rma.id,
          rmaCode: rma.code,
          receiptId: refund.receiptId,
          method: rma.refund_method,
          ...refundDetail(refund),
        },
      },
    ]);
  }
  return refund;
}

export function refundDetail(refund: RefundRecord) {
  return {
    refundId: refund.id,
    amountMinor: refund.amountMinor,
    currency: refund.currency,
    provider: refund.provider,
    providerReference: refund.providerReference,
  };
}

/** Where the RMA stands: all units in, and whether any parcel's refund is still owed. */
export async function rmaStanding(
  trx: Trx,
  rmaId: string,
  unitsReceived: number,
): Promise<RmaStanding> {
  const lines = await trx
    .selectFrom('rma_lines')
    .select(['quantity', 'received_quantity'])
    .where('rma_id', '=', rmaId)
    .execute();
  const refunds = await trx
    .selectFrom('refunds')
    .select(['status', 'amount_minor'])
    .where('rma_id', '=', rmaId)
    .execute();
  return {
    unitsReceived,
    complete: lines.every((l) => l.received_quantity >= l.quantity),
    refundOutstanding: refunds.some((r) => r.status !== 'issued'),
    refundedMinor: refunds.reduce((n, r) => n + r.amount_minor, 0),
  };
}

/**
 * Sends every refund of the (locked) RMA not issued yet, oldest first, then moves the RMA on if
 * nothing is owed any more (partially received → partially refunded, inspected → refunded).
 */
export async function retryRefunds(
  trx: Trx,
  rma: LockedRma,
  actor: string,
): Promise<RefundRecord[]> {
  const owed = await trx
    .selectFrom('refunds')
    .select('id')
    .where('rma_id', '=', rma.id)
    .where('status', '!=', 'issued')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const sent: RefundRecord[] = [];
  for (const { id } of owed) sent.push(await issueRefund(trx, rma, id));
  const standing = await rmaStanding(trx, rma.id, 0);
  const last = sent.findLast((r) => r.issuedNow);
  await moveRmaThrough(
    trx,
    rma,
    settledMoves(rma.status, standing),
    actor,
    last ? refundDetail(last) : {},
  );
  return sent;
}
