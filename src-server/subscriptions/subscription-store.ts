// Reading subscriptions with their plans and lines, and writing their schedules and history: the
// small queries every subscription path shares. Writes for many subscriptions are one statement.
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { insertTables } from '../db/bulk-insert';
import type { TableRows } from '../db/bulk-insert';
import type { Database } from '../db/schema';
import { compareCodes } from '../db/code-order';
import type { TermsLine } from './subscription-change-rules';
import { planRules } from './subscription-schedule';
import type { PlanRules, Schedule } from './subscription-schedule';
import type { PlanRow, SubscriptionRow } from './subscription-schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface LoadedPlan {
  row: PlanRow;
  rules: PlanRules;
}

export async function loadPlans(
  db: Db,
  planIds: readonly string[],
): Promise<Map<string, LoadedPlan>> {
  const ids = [...new Set(planIds)];
  if (ids.length === 0) return new Map();
  const [rows, products] = await Promise.all([
    db.selectFrom('subscription_plans').selectAll().where('id', 'in', ids).execute(),
    db
      .selectFrom('subscription_plan_products')
      .select(['plan_id', 'sku'])
      .where('plan_id', 'in', ids)
      .execute(),
  ]);
  const skus = new Map<string, string[]>();
  for (const p of products) skus.set(p.plan_id, [...(skus.get(p.plan_id) ?? []), p.sku]);
  return new Map(
    rows.map((row) => {
      const planSkus = (skus.get(row.id) ?? []).sort(compareCodes);
      return [row.id, { row, rules: planRules(row, planSkus) }];
    }),
  );
}

export async function loadLines(
  db: Db,
  subscriptionIds: readonly string[],
): Promise<Map<string, TermsLine[]>> {
  const byId = new Map<string, TermsLine[]>();
  if (subscriptionIds.length === 0) return byId;
  const rows = await db
    .selectFrom('subscription_lines')
    .selectAll()
    .where('subscription_id', 'in', [...new Set(subscriptionIds)])
    .orderBy('subscription_id')
    .orderBy('line_no')
    .execute();
  for (const r of rows) {
    const lines = byId.get(r.subscription_id) ?? [];
    lines.push({
      lineNo: r.line_no,
      sku: r.sku,
      quantity: r.quantity,
      signupUnitPriceMinor: r.signup_unit_price_minor,
    });
    byId.set(r.subscription_id, lines);
  }
  return byId;
}

export function scheduleOf(row: SubscriptionRow): Schedule {
  return {
    state: row.state,
    pausedUntil: row.paused_until,
    anchorDate: row.anchor_date,
    nextCycleNo: row.next_cycle_no,
    nextRenewalDate: row.next_renewal_date,
    cyclesPlaced: row.cycles_placed,
  };
}

export interface ScheduleUpdate {
  id: string;
  schedule: Schedule;
  prepaidRemaining?: number | undefined;
}

/** Stores the schedules of many subscriptions in one statement. */
export async function updateSchedules(
  trx: Transaction<Database>,
  updates: readonly ScheduleUpdate[],
): Promise<void> {
  if (updates.length === 0) return;
  const rows = updates.map(({ id, schedule: s, prepaidRemaining }) => ({
    id,
    state: s.state,
    paused_until: s.pausedUntil,
    anchor_date: s.anchorDate,
    next_cycle_no: s.nextCycleNo,
    next_renewal_date: s.nextRenewalDate,
    cycles_placed: s.cyclesPlaced,
    prepaid_remaining: prepaidRemaining ?? null,
  }));
  await sql`
    update subscriptions s set
      state = x.state,
      paused_until = x.paused_until,
      anchor_date = x.anchor_date,
      next_cycle_no = x.next_cycle_no,
      next_renewal_date = x.next_renewal_date,
      cycles_placed = x.cycles_placed,
      prepaid_remaining = coalesce(x.prepaid_remaining, s.prepaid_remaining),
      cancelled_at = case when x.state = 'cancelled' and s.state <> 'cancelled' then now() else s.cancelled_at end,
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
      id uuid, state text, paused_until date, anchor_date date, next_cycle_no integer,
      next_renewal_date date, cycles_placed integer, prepaid_remaining integer)
    where s.id = x.id`.execute(trx);
}

export interface NewSubscriptionEvent {
  subscriptionId: string;
  cycleNo?: number | null;
  type: string;
  actor: string;
  detail: Record<string, unknown>;
}

export function subscriptionEventRows(events: readonly NewSubscriptionEvent[]): TableRows {
  return {
    table: 'subscription_events',
    columns: {
      subscription_id: 'uuid',
      cycle_no: 'integer',
      type: 'text',
      actor: 'text',
      detail: 'jsonb',
    },
    rows: events.map((e) => ({
      subscription_id: e.subscriptionId,
      cycle_no: e.cycleNo ?? null,
      type: e.type,
      actor: e.actor,
      detail: e.detail,
    })),
  };
}

export async function appendSubscriptionEvents(
  trx: Transaction<Database>,
  events: readonly NewSubscriptionEvent[],
): Promise<void> {
  await insertTables(trx, [subscriptionEventRows(events)]);
}
