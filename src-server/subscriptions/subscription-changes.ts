// Applying a change (from the self-service page, customer service or a channel) in one transaction
// under the subscription's row lock. Cycles that closed before today and are not placed yet (the
// scheduler had not come round) are placed first, exactly as the scheduler would, so the change
// lands on the first cycle still open — the cut-off rule — whatever the scheduler's timing. A cycle
// waiting for stock stays open: a swap, a new quantity or address retries it at once.
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';
import { readCatalogue } from '../orders/priced-order';
import { appendOutboxEvents } from '../outbox/outbox';
import { resolveShipToLocation } from '../sourcing/ship-to-location';
import { todayOf } from './renewal-context';
import type { RenewalContext } from './renewal-context';
import { prepareLocked } from './renewal-prepare';
import { decideChange } from './subscription-change-rules';
import type { ChangeActor } from './subscription-change-rules';
import { reasonOf } from './subscription-change-schema';
import type { SubscriptionChange } from './subscription-change-schema';
import { isDue, leadDays } from './subscription-schedule';
import type { SubscriptionRow } from './subscription-schema';
import {
  appendSubscriptionEvents,
  loadLines,
  loadPlans,
  scheduleOf,
  updateSchedules,
} from './subscription-store';

export interface ChangeCommand {
  subscriptionId: string;
  change: SubscriptionChange;
  actor: ChangeActor;
  /** Recorded in the history: `customer`, `admin`, `channel:<code>`. */
  actorLabel: string;
  /** A channel key reaches only its own channel's subscriptions. */
  channelScope: string | null;
}

type Trx = Transaction<Database>;

const lock = (trx: Trx, id: string) =>
  trx.selectFrom('subscriptions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** The cycles that should have been placed by now are placed; answers the row as it is then. */
async function bringUpToDate(
  trx: Trx,
  ctx: RenewalContext,
  row: SubscriptionRow,
): Promise<SubscriptionRow> {
  const plan = (await loadPlans(trx, [row.plan_id])).get(row.plan_id)!.rules;
  const lead = leadDays(plan, ctx.settings.reserveAheadDays);
  const today = todayOf(ctx);
  for (let i = 0; i < 1000; i++) {
    const short = await trx
      .selectFrom('subscription_renewals')
      .select('status')
      .where('subscription_id', '=', row.id)
      .where('cycle_no', '=', row.next_cycle_no)
      .executeTakeFirst();
    if (short || !isDue(scheduleOf(row), today, lead)) return row;
    await prepareLocked(trx, ctx, [row]);
    row = (await lock(trx, row.id))!;
  }
  return row;
}

export async function changeSubscription(
  ctx: RenewalContext,
  command: ChangeCommand,
): Promise<void> {
  const { change } = command;
  await ctx.db.transaction().execute(async (trx) => {
    let row = await lock(trx, command.subscriptionId);
    if (!row) throw notFound(`Subscription ${command.subscriptionId}`);
    if (command.channelScope !== null && row.channel_code !== command.channelScope)
      throw new ApiError(403, 'forbidden', 'This subscription belongs to another channel.');
    row = await bringUpToDate(trx, ctx, row);
    const plan = (await loadPlans(trx, [row.plan_id])).get(row.plan_id)!.rules;
    const lines = (await loadLines(trx, [row.id])).get(row.id) ?? [];
    const today = todayOf(ctx);
    let swapUnitPriceMinor: number | null | undefined;
    if (change.type === 'swap_product') {
      const [product] = await readCatalogue(trx, row.currency, [change.sku]);
      swapUnitPriceMinor = product?.unit_price_minor ?? null;
    }
    if (change.type === 'change_address') {
      const located = resolveShipToLocation(change.shipTo);
      if (!located.ok) throw new ApiError(422, located.code, located.message, 'shipTo.country');
    }
    const outcome = decideChange(
      {
        schedule: scheduleOf(row),
        lines,
        shipTo: row.ship_to,
        payment: row.payment,
        email: row.email,
        linkEpoch: row.link_epoch,
      },
      plan,
      change,
      {
        today,
        lead: leadDays(plan, ctx.settings.reserveAheadDays),
        actor: command.actor,
        swapUnitPriceMinor,
      },
    );
    if (!outcome.ok)
      throw new ApiError(outcome.status, outcome.code, outcome.message, outcome.field);

    const { terms } = outcome;
    await updateSchedules(trx, [{ id: row.id, schedule: terms.schedule }]);
    if (terms.lines !== lines) {
      for (const line of terms.lines) {
        await trx
          .updateTable('subscription_lines')
          .set({
            sku: line.sku,
            quantity: line.quantity,
            signup_unit_price_minor: line.signupUnitPriceMinor,
          })
          .where('subscription_id', '=', row.id)
          .where('line_no', '=', line.lineNo)
          .execute();
      }
    }
    if (
      terms.shipTo !== row.ship_to ||
      terms.payment !== row.payment ||
      terms.email !== row.email ||
      terms.linkEpoch !== row.link_epoch
    ) {
      await trx
        .updateTable('subscriptions')
        .set({
          ship_to: JSON.stringify(terms.shipTo),
          payment: JSON.stringify(terms.payment),
          email: terms.email,
          link_epoch: terms.linkEpoch,
        })
        .where('id', '=', row.id)
        .execute();
    }
    await settleWaitingCycle(trx, row, change, outcome.skipped, today);
    const reason = reasonOf(change);
    const detail =
      reason === undefined ? outcome.event.detail : { ...outcome.event.detail, reason };
    await appendSubscriptionEvents(trx, [
      {
        subscriptionId: row.id,
        cycleNo: outcome.skipped?.cycleNo ?? null,
        type: outcome.event.type,
        actor: command.actorLabel,
        detail,
      },
    ]);
    await appendOutboxEvents(trx, [
      {
        type: 'subscription.changed',
        aggregateType: 'subscription',
        aggregateId: row.id,
        payload: {
          subscriptionId: row.id,
          reference: row.reference,
          issuedOn: today,
          change: outcome.event.type,
          actor: command.actorLabel,
          detail,
        },
      },
    ]);
  });
}

/**
 * The renewal row of the next cycle, when there is one: a skipped cycle is recorded as skipped;
 * a cycle waiting for stock is dropped when the change moves or stops it (it is planned anew),
 * and retried today when the change may have made it placeable.
 */
async function settleWaitingCycle(
  trx: Trx,
  row: SubscriptionRow,
  change: SubscriptionChange,
  skipped: { cycleNo: number; renewalDate: string } | undefined,
  today: string,
): Promise<void> {
  const waiting = trx
    .updateTable('subscription_renewals')
    .where('subscription_id', '=', row.id)
    .where('cycle_no', '=', row.next_cycle_no)
    .where('status', '=', 'stock_short');
  if (skipped) {
    const marked = await waiting
      .set({ status: 'skipped', stock_retry_on: null, updated_at: new Date() })
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) {
      await trx
        .insertInto('subscription_renewals')
        .values({
          subscription_id: row.id,
          cycle_no: skipped.cycleNo,
          renewal_date: skipped.renewalDate,
          status: 'skipped',
          charge_kind: 'charge',
          amount_minor: 0,
          currency: row.currency,
        })
        .execute();
    }
    return;
  }
  if (
    change.type === 'pause' ||
    change.type === 'cancel' ||
    change.type === 'change_date' ||
    change.type === 'resume'
  ) {
    await sql`delete from subscription_renewals where subscription_id = ${row.id}
      and cycle_no = ${row.next_cycle_no} and status = 'stock_short'`.execute(trx);
    return;
  }
  if (
    change.type === 'change_quantity' ||
    change.type === 'swap_product' ||
    change.type === 'change_address'
  )
    await waiting.set({ stock_retry_on: today, updated_at: new Date() }).execute();
}
