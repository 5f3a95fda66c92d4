// Issues an RMA's refund exactly once. The refunds row is keyed by RMA (unique) and carries the
// idempotency key `refund:<rmaId>` the provider sees, so a replayed receipt, a retry after a crash
// or a second click all end at the same single refund. A provider failure leaves the refund
// `failed` with its reason (retry: POST /v1/rmas/:id/refund); it never undoes the receipt.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { ledgerProvider } from '../payments/ledger-provider';
import { appendOutboxEvents } from '../outbox/outbox';
import { PaymentProviderError } from '../payments/payment-provider';
import type { RefundBreakdown } from './refund-amount';
import { returnsRuntime } from './returns-runtime';
import { moveRma, type LockedRma } from './rma-writes';
import { rollUpRefund } from '../reports/rollup-writes';

type Trx = Transaction<Database>;

export const refundKey = (rmaId: string) => `refund:${rmaId}`;

export interface RefundRecord {
  id: string;
  status: 'pending' | 'issued' | 'failed';
  amountMinor: number;
  currency: string;
  provider: string;
  providerReference: string | null;
  lastError: string | null;
  /** False when this call found the refund already issued (a replay). */
  issuedNow: boolean;
}

export async function recordRefund(
  trx: Trx,
  input: {
    rmaId: string;
    orderId: string;
    method: string;
    amountMinor: number;
    currency: string;
    breakdown: RefundBreakdown;
  },
): Promise<void> {
  const provider =
    input.method === 'store_credit' ? ledgerProvider.name : returnsRuntime().provider.name;
  await trx
    .insertInto('refunds')
    .values({
      id: randomUUID(),
      rma_id: input.rmaId,
      order_id: input.orderId,
      idempotency_key: refundKey(input.rmaId),
      method: input.method,
      provider,
      amount_minor: input.amountMinor,
      currency: input.currency,
      breakdown: JSON.stringify(input.breakdown),
      status: 'pending',
    })
    .onConflict((oc) => oc.column('rma_id').doNothing())
    .execute();
}

/** Sends the RMA's recorded refund to its provider unless it was issued already. */
export async function sendRefund(trx: Trx, rmaId: string): Promise<RefundRecord | null> {
  const refund = await trx
    .selectFrom('refunds')
    .selectAll()
    .where('rma_id', '=', rmaId)
    .forUpdate()
    .executeTakeFirst();
  if (!refund) return null;
  const record = (over: Partial<RefundRecord>): RefundRecord => ({
    id: refund.id,
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
    .where('id', '=', rmaId)
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
    const issuedAt = new Date();
    await trx
      .updateTable('refunds')
      .set({
        status: 'issued',
        provider_reference: issued.reference,
        last_error: null,
        issued_at: issuedAt,
      })
      .where('id', '=', refund.id)
      .execute();
    await rollUpRefund(trx, {
      orderId: refund.order_id,
      currency: refund.currency,
      amountMinor: refund.amount_minor,
      issuedAt,
    });
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

/** Issues the (locked, inspected) RMA's refund; once issued the RMA is refunded and refund.issued recorded. */
export async function refundRma(
  trx: Trx,
  rma: LockedRma,
  actor: string,
): Promise<RefundRecord | null> {
  const refund = await sendRefund(trx, rma.id);
  if (refund?.status === 'issued' && rma.status === 'inspected') {
    const detail = {
      refundId: refund.id,
      amountMinor: refund.amountMinor,
      currency: refund.currency,
      provider: refund.provider,
      providerReference: refund.providerReference,
    };
    await moveRma(trx, rma, 'refunded', actor, detail);
    await appendOutboxEvents(trx, [
      {
        type: 'refund.issued',
        aggregateType: 'order',
        aggregateId: rma.order_id,
        payload: {
          orderId: rma.order_id,
          rmaId: rma.id,
          rmaCode: rma.code,
          method: rma.refund_method,
          ...detail,
        },
      },
    ]);
  }
  return refund;
}
