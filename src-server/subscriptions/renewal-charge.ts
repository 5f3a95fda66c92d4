// Charging renewals whose order is placed and held, on their renewal date and on each dunning
// retry. No transaction is held across a provider call: a batch is claimed (FOR UPDATE SKIP LOCKED,
// then a lease and a `sending` row per charge attempt are committed), the providers are called
// with one idempotency key per attempt, and the answers are recorded in one transaction that only
// touches rows still under this claim's lease. A process killed between the call and the record
// loses its lease; whoever claims next repeats the call with the same key (and, if the provider
// may have forgotten it, looks the charge up first), so a renewal is charged once.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { PaymentProviderError } from '../payments/payment-provider';
import type { PaymentMandate, RecurringChargeResult } from '../payments/recurring-provider';
import { chargeIdempotencyKey, todayOf } from './renewal-context';
import type { RenewalContext } from './renewal-context';
import { recordChargeResults } from './renewal-settle';
import type { ChargeResult, ClaimedCharge } from './renewal-settle';

export interface ChargeOutcome {
  claimed: number;
  paid: number;
  pending: number;
  failed: number;
  unpaid: number;
  cancelled: number;
  /** The provider could not be reached: tried again when the lease ends. */
  deferred: number;
}

async function claim(ctx: RenewalContext): Promise<{ token: string; rows: ClaimedCharge[] }> {
  const token = randomUUID();
  const today = todayOf(ctx);
  const rows = await ctx.db.transaction().execute(async (trx) => {
    const { rows: due } = await sql<ClaimedCharge>`
      select r.subscription_id as "subscriptionId", r.cycle_no as "cycleNo", r.status,
        r.attempts, r.amount_minor as "amountMinor", r.currency, r.charge_kind as "chargeKind",
        r.order_id as "orderId", r.renewal_date::text as "renewalDate", s.payment, s.reference,
        o.status as "orderStatus",
        c.status as "openChargeStatus", c.provider_reference as "openChargeReference"
      from subscription_renewals r
      join subscriptions s on s.id = r.subscription_id
      join orders o on o.id = r.order_id
      left join recurring_charges c on c.subscription_id = r.subscription_id
        and c.cycle_no = r.cycle_no and c.attempt = r.attempts + 1
      where r.status in ('awaiting_payment', 'payment_pending', 'payment_failed')
        and r.next_attempt_on <= ${today}::date
        and (r.lease_until is null or r.lease_until < now())
      order by r.next_attempt_on, r.subscription_id, r.cycle_no
      limit ${ctx.settings.batchSize}
      for update of r skip locked`.execute(trx);
    if (due.length === 0) return [];
    await sql`
      update subscription_renewals set lease_token = ${token}::uuid,
        lease_until = now() + make_interval(secs => ${ctx.settings.leaseMs / 1000}), updated_at = now()
      where (subscription_id, cycle_no) in (select * from unnest(
        ${due.map((d) => d.subscriptionId)}::uuid[], ${due.map((d) => d.cycleNo)}::int[]))`.execute(
      trx,
    );
    // The attempt is on record before the provider hears of it.
    const sending = due.filter(
      (d) =>
        d.chargeKind === 'charge' && d.openChargeStatus === null && d.orderStatus !== 'cancelled',
    );
    if (sending.length > 0) {
      await trx
        .insertInto('recurring_charges')
        .values(
          sending.map((d) => ({
            id: randomUUID(),
            idempotency_key: chargeIdempotencyKey(d.subscriptionId, d.cycleNo, d.attempts + 1),
            subscription_id: d.subscriptionId,
            cycle_no: d.cycleNo,
            attempt: d.attempts + 1,
            provider: (d.payment as PaymentMandate).provider,
            amount_minor: d.amountMinor,
            currency: d.currency,
            status: 'sending' as const,
          })),
        )
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .execute();
    }
    return due;
  });
  return { token, rows };
}

async function askProvider(ctx: RenewalContext, charge: ClaimedCharge): Promise<ChargeResult> {
  if (charge.orderStatus === 'cancelled') return { kind: 'order_cancelled' };
  if (charge.chargeKind === 'prepaid')
    return { kind: 'answered', answer: { status: 'paid', reference: 'prepaid' } };
  const mandate = charge.payment;
  const provider = ctx.providers[mandate.provider];
  if (!provider)
    return { kind: 'deferred', reason: `No ${mandate.provider} provider is configured.` };
  try {
    let answer: RecurringChargeResult;
    if (charge.openChargeStatus === 'pending' && charge.openChargeReference) {
      answer = await provider.status(charge.openChargeReference, mandate);
    } else {
      const attempt = charge.attempts + 1;
      answer = await provider.charge({
        idempotencyKey: chargeIdempotencyKey(charge.subscriptionId, charge.cycleNo, attempt),
        mandate,
        amountMinor: charge.amountMinor,
        currency: charge.currency,
        description: `Subscription ${charge.reference}, delivery ${charge.cycleNo}`,
        metadata: { subscriptionId: charge.subscriptionId, cycleNo: charge.cycleNo, attempt },
        mayExist: charge.openChargeStatus === 'sending',
      });
    }
    return { kind: 'answered', answer };
  } catch (error) {
    if (error instanceof PaymentProviderError && error.retryable)
      return { kind: 'deferred', reason: error.message };
    if (error instanceof PaymentProviderError)
      return {
        kind: 'answered',
        answer: { status: 'failed', reference: null, reason: error.message },
      };
    throw error;
  }
}

/** Claims a batch of due charges, asks the providers, records what they answered. */
export async function chargeDueBatch(ctx: RenewalContext): Promise<ChargeOutcome> {
  const { token, rows } = await claim(ctx);
  const outcome: ChargeOutcome = {
    claimed: rows.length,
    paid: 0,
    pending: 0,
    failed: 0,
    unpaid: 0,
    cancelled: 0,
    deferred: 0,
  };
  if (rows.length === 0) return outcome;
  const results: ChargeResult[] = new Array(rows.length);
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const i = next++;
      results[i] = await askProvider(ctx, rows[i]!);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(ctx.settings.chargeConcurrency, rows.length) }, worker),
  );
  const counts = await recordChargeResults(ctx, token, rows, results);
  return { ...outcome, ...counts };
}
