// Two small daily steps of the scheduler: pauses whose end date has come are lifted, and the
// reminder e-mail (with the self-service link to skip or change the delivery) is queued for each
// renewal a few days ahead — at least a day before its cut-off, so the link can still change it.
// Each is remembered on the subscription row (`reminded_for`), so it goes out once per date.
import { sql } from 'kysely';
import { appendOutboxEvents } from '../outbox/outbox';
import { SCHEDULER_ACTOR, todayOf } from './renewal-context';
import type { RenewalContext } from './renewal-context';
import { addDays } from './subscription-calendar';
import { appendSubscriptionEvents } from './subscription-store';

const BATCH = 500;

/** Lifts pauses that have ended; answers how many. */
export async function endPauses(ctx: RenewalContext): Promise<number> {
  const today = todayOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string; paused_until: string }>`
      update subscriptions set state = 'active', paused_until = null, updated_at = now()
      where id in (
        select id from subscriptions
        where state = 'paused' and paused_until <= ${today}::date
        order by id limit ${BATCH} for update skip locked)
      returning id, ${today}::text as paused_until`.execute(trx);
    await appendSubscriptionEvents(
      trx,
      rows.map((r) => ({
        subscriptionId: r.id,
        type: 'resumed',
        actor: SCHEDULER_ACTOR,
        detail: { reason: 'pause_ended', on: today },
      })),
    );
    return rows.length;
  });
}

/** Queues the reminders that are due; answers how many. */
export async function queueReminders(ctx: RenewalContext): Promise<number> {
  const today = todayOf(ctx);
  const { reminderDays, reserveAheadDays } = ctx.settings;
  return ctx.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{
      id: string;
      reference: string;
      next_cycle_no: number;
      renewal_date: string;
      lead: number;
    }>`
      with due as (
        select s.id, greatest(p.cutoff_days, ${reserveAheadDays}::int) as lead
        from subscriptions s join subscription_plans p on p.id = s.plan_id
        where s.state in ('active', 'paused')
          and (s.state = 'active' or (s.paused_until is not null and s.next_renewal_date >= s.paused_until))
          and s.next_renewal_date <= ${today}::date + greatest(${reminderDays}::int, greatest(p.cutoff_days, ${reserveAheadDays}::int) + 1)
          and s.next_renewal_date > ${today}::date + greatest(p.cutoff_days, ${reserveAheadDays}::int)
          and s.reminded_for is distinct from s.next_renewal_date
        order by s.next_renewal_date, s.id
        limit ${BATCH}
        for update of s skip locked
      )
      update subscriptions s set reminded_for = s.next_renewal_date
      from due where s.id = due.id
      returning s.id, s.reference, s.next_cycle_no, s.next_renewal_date::text as renewal_date, due.lead`.execute(
      trx,
    );
    await appendOutboxEvents(
      trx,
      rows.map((r) => ({
        type: 'subscription.renewal_reminder' as const,
        aggregateType: 'subscription' as const,
        aggregateId: r.id,
        payload: {
          subscriptionId: r.id,
          reference: r.reference,
          issuedOn: today,
          cycleNo: r.next_cycle_no,
          renewalDate: r.renewal_date,
          cutoffDate: addDays(r.renewal_date, -r.lead - 1),
        },
      })),
    );
    return rows.length;
  });
}
