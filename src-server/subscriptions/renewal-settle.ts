// Recording what the payment providers answered for a claimed batch, in one transaction, only for
// renewals still under this claim's lease. Paid: the renewal completes and its order's hold is
// released (the warehouse ships it). Failed: dunning — the next try in `intervalDays`, the customer
// told (the notice before the last try says what happens then), and after the last try the order
// is cancelled (its stock released) and the subscription paused or cancelled.
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { cancelOrderIn } from '../orders/cancel-order';
import { setOrderHoldIn } from '../orders/hold-order';
import { appendOutboxEvents } from '../outbox/outbox';
import type { OutboxEvent } from '../outbox/outbox';
import type { RecurringChargeStatus } from '../payments/payments-schema';
import type { PaymentMandate, RecurringChargeResult } from '../payments/recurring-provider';
import { chargeIdempotencyKey, SCHEDULER_ACTOR, todayOf } from './renewal-context';
import type { RenewalContext } from './renewal-context';
import { addDays } from './subscription-calendar';
import type { ChargeKind, RenewalStatus } from './subscription-schema';
import { appendSubscriptionEvents } from './subscription-store';
import type { NewSubscriptionEvent } from './subscription-store';

export interface ClaimedCharge {
  subscriptionId: string;
  cycleNo: number;
  status: RenewalStatus;
  attempts: number;
  amountMinor: number;
  currency: string;
  chargeKind: ChargeKind;
  orderId: string;
  renewalDate: string;
  payment: PaymentMandate;
  reference: string;
  orderStatus: string;
  openChargeStatus: RecurringChargeStatus | null;
  openChargeReference: string | null;
}

export type ChargeResult =
  | { kind: 'answered'; answer: RecurringChargeResult }
  | { kind: 'deferred'; reason: string }
  | { kind: 'order_cancelled' };

type Trx = Transaction<Database>;

/** Moves a renewal still under `token`; false when another claim took it over meanwhile. */
async function moveRenewal(
  trx: Trx,
  token: string,
  charge: ClaimedCharge,
  set: {
    status: RenewalStatus;
    attempts?: number;
    next_attempt_on?: string | null;
    settled?: boolean;
    leaseSeconds?: number;
  },
): Promise<boolean> {
  const now = new Date();
  const result = await trx
    .updateTable('subscription_renewals')
    .set({
      status: set.status,
      ...(set.attempts !== undefined ? { attempts: set.attempts } : {}),
      ...(set.next_attempt_on !== undefined ? { next_attempt_on: set.next_attempt_on } : {}),
      ...(set.settled ? { settled_at: now } : {}),
      lease_token: null,
      lease_until: set.leaseSeconds
        ? sql<Date>`now() + make_interval(secs => ${set.leaseSeconds})`
        : null,
      updated_at: now,
    })
    .where('subscription_id', '=', charge.subscriptionId)
    .where('cycle_no', '=', charge.cycleNo)
    .where('lease_token', '=', token)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function markCharge(
  trx: Trx,
  charge: ClaimedCharge,
  answer: RecurringChargeResult,
): Promise<void> {
  if (charge.chargeKind !== 'charge') return;
  await trx
    .updateTable('recurring_charges')
    .set({
      status: answer.status,
      provider_reference: answer.reference,
      failure_reason: answer.status === 'failed' ? answer.reason.slice(0, 500) : null,
      settled_at: answer.status === 'pending' ? null : new Date(),
    })
    .where(
      'idempotency_key',
      '=',
      chargeIdempotencyKey(charge.subscriptionId, charge.cycleNo, charge.attempts + 1),
    )
    .execute();
}

/** The subscription after its last dunning try failed: paused or cancelled, the cycle not counted. */
async function endDunning(trx: Trx, ctx: RenewalContext, charge: ClaimedCharge): Promise<string> {
  const action = ctx.settings.dunning.finalAction;
  await trx
    .updateTable('subscriptions')
    .set((eb) => ({
      cycles_placed: eb.fn('greatest', [eb('cycles_placed', '-', 1), eb.lit(0)]),
      prepaid_remaining: 0,
      updated_at: new Date(),
    }))
    .where('id', '=', charge.subscriptionId)
    .execute();
  const moved = await trx
    .updateTable('subscriptions')
    .set(
      action === 'pause'
        ? { state: 'paused', paused_until: null, updated_at: new Date() }
        : {
            state: 'cancelled',
            paused_until: null,
            cancelled_at: new Date(),
            updated_at: new Date(),
          },
    )
    .where('id', '=', charge.subscriptionId)
    .where('state', 'in', ['active', 'paused'])
    .executeTakeFirst();
  return Number(moved.numUpdatedRows) === 1 ? action : 'none';
}

/**
 * Later cycles already placed (their cut-off passed) but not yet sent to a provider go with the
 * paused or cancelled subscription: never charged, their orders cancelled and stock released.
 */
async function withdrawLaterCycles(trx: Trx, charge: ClaimedCharge): Promise<number[]> {
  const { rows } = await sql<{ cycle_no: number; order_id: string }>`
    select r.cycle_no, r.order_id from subscription_renewals r
    where r.subscription_id = ${charge.subscriptionId}::uuid and r.cycle_no > ${charge.cycleNo}
      and r.status = 'awaiting_payment' and r.charge_kind = 'charge' and r.attempts = 0
      and (r.lease_until is null or r.lease_until < now())
      and not exists (select 1 from recurring_charges c
        where c.subscription_id = r.subscription_id and c.cycle_no = r.cycle_no)
    order by r.cycle_no
    for update of r`.execute(trx);
  for (const row of rows) {
    try {
      await cancelOrderIn(trx, {
        orderId: row.order_id,
        actor: SCHEDULER_ACTOR,
        reason: `subscription ${charge.reference}: an earlier renewal is unpaid`,
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }
  if (rows.length === 0) return [];
  const cycles = rows.map((r) => r.cycle_no);
  await trx
    .updateTable('subscription_renewals')
    .set({
      status: 'cancelled',
      next_attempt_on: null,
      settled_at: new Date(),
      updated_at: new Date(),
    })
    .where('subscription_id', '=', charge.subscriptionId)
    .where('cycle_no', 'in', cycles)
    .execute();
  await trx
    .updateTable('subscriptions')
    .set((eb) => ({
      cycles_placed: eb.fn('greatest', [eb('cycles_placed', '-', rows.length), eb.lit(0)]),
    }))
    .where('id', '=', charge.subscriptionId)
    .execute();
  return cycles;
}

export async function recordChargeResults(
  ctx: RenewalContext,
  token: string,
  rows: readonly ClaimedCharge[],
  results: readonly ChargeResult[],
) {
  const counts = { paid: 0, pending: 0, failed: 0, unpaid: 0, cancelled: 0, deferred: 0 };
  const today = todayOf(ctx);
  const dunning = ctx.settings.dunning;
  // Subscriptions in id order: two instances recording at once lock them in the same order.
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => (rows[a]!.subscriptionId < rows[b]!.subscriptionId ? -1 : 1));
  await ctx.db.transaction().execute(async (trx) => {
    const events: NewSubscriptionEvent[] = [];
    const outbox: OutboxEvent[] = [];
    for (const i of order) {
      const charge = rows[i]!;
      const result = results[i]!;
      const event = (type: string, detail: Record<string, unknown>) =>
        events.push({
          subscriptionId: charge.subscriptionId,
          cycleNo: charge.cycleNo,
          type,
          actor: SCHEDULER_ACTOR,
          detail,
        });
      const tell = (type: OutboxEvent['type'], payload: Record<string, unknown>) =>
        outbox.push({
          type,
          aggregateType: 'subscription',
          aggregateId: charge.subscriptionId,
          payload: {
            subscriptionId: charge.subscriptionId,
            reference: charge.reference,
            issuedOn: today,
            cycleNo: charge.cycleNo,
            renewalDate: charge.renewalDate,
            amountMinor: charge.amountMinor,
            currency: charge.currency,
            ...payload,
          },
        });
      if (result.kind === 'deferred') {
        counts.deferred += 1;
        continue;
      }
      if (result.kind === 'order_cancelled') {
        if (!(await moveRenewal(trx, token, charge, { status: 'cancelled', settled: true })))
          continue;
        counts.cancelled += 1;
        await trx
          .updateTable('subscriptions')
          .set((eb) => ({
            cycles_placed: eb.fn('greatest', [eb('cycles_placed', '-', 1), eb.lit(0)]),
          }))
          .where('id', '=', charge.subscriptionId)
          .execute();
        event('renewal_cancelled', { orderId: charge.orderId, reason: 'the order was cancelled' });
        continue;
      }
      const answer = result.answer;
      const attempt = charge.attempts + 1;
      if (answer.status === 'paid') {
        const moved = await moveRenewal(trx, token, charge, {
          status: 'completed',
          attempts: charge.chargeKind === 'charge' ? attempt : charge.attempts,
          next_attempt_on: null,
          settled: true,
        });
        if (!moved) continue;
        counts.paid += 1;
        await markCharge(trx, charge, answer);
        if (charge.orderStatus === 'on_hold') {
          try {
            await setOrderHoldIn(trx, {
              orderId: charge.orderId,
              actor: SCHEDULER_ACTOR,
              hold: false,
              reason: `subscription ${charge.reference} paid`,
            });
          } catch (error) {
            // Someone released the hold already: the order is on its way either way.
            if (!(error instanceof ApiError)) throw error;
          }
        }
        event('renewal_paid', { attempt, reference: answer.reference, recovered: attempt > 1 });
        tell('subscription.renewed', {
          orderId: charge.orderId,
          chargeKind: charge.chargeKind,
          attempt,
        });
      } else if (answer.status === 'pending') {
        // 0 asks again at the next round: no lease of a whole second regardless of the setting.
        const leaseSeconds = ctx.settings.pendingCheckMs / 1000;
        if (!(await moveRenewal(trx, token, charge, { status: 'payment_pending', leaseSeconds })))
          continue;
        counts.pending += 1;
        await markCharge(trx, charge, answer);
      } else {
        const final = attempt >= dunning.attempts;
        const nextAttemptOn = final ? null : addDays(today, dunning.intervalDays);
        const moved = await moveRenewal(trx, token, charge, {
          status: final ? 'unpaid' : 'payment_failed',
          attempts: attempt,
          next_attempt_on: nextAttemptOn,
          settled: final,
        });
        if (!moved) continue;
        await markCharge(trx, charge, answer);
        event('payment_failed', { attempt, reason: answer.reason, nextAttemptOn, final });
        if (!final) {
          counts.failed += 1;
          tell('subscription.payment_failed', {
            attempt,
            attemptsAllowed: dunning.attempts,
            nextAttemptOn,
            lastNotice: attempt + 1 === dunning.attempts,
            finalAction: dunning.finalAction,
            reason: answer.reason,
          });
          continue;
        }
        counts.unpaid += 1;
        try {
          await cancelOrderIn(trx, {
            orderId: charge.orderId,
            actor: SCHEDULER_ACTOR,
            reason: `subscription ${charge.reference}: renewal unpaid`,
          });
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
        }
        const action = await endDunning(trx, ctx, charge);
        const withdrawn = await withdrawLaterCycles(trx, charge);
        event('dunning_ended', { action, attempts: attempt, withdrawnCycles: withdrawn });
        tell('subscription.dunning_ended', { action, attempts: attempt, reason: answer.reason });
      }
    }
    await appendSubscriptionEvents(trx, events);
    await appendOutboxEvents(trx, outbox);
  });
  return counts;
}
