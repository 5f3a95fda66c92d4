// Subscription reports, computed from the subscriptions, their history and renewal rows: per week
// new, churned, paused and subscribed; monthly recurring revenue per currency; renewal success
// and dunning recovery rates. Each can be split per plan or per channel.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { readCatalogue } from '../orders/priced-order';
import { addDays, averageIntervalDays } from './subscription-calendar';
import type { IsoDate } from './subscription-calendar';
import { renewalUnitPrice } from './subscription-pricing';
import { loadLines, loadPlans } from './subscription-store';

export type ReportGrouping = 'none' | 'plan' | 'channel';

const groupExpr = (by: ReportGrouping) =>
  by === 'plan'
    ? sql<string>`p.code`
    : by === 'channel'
      ? sql<string>`s.channel_code`
      : sql<string>`'all'`;

/** Monday of the ISO week a date falls in. */
export function weekStart(date: IsoDate): IsoDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return addDays(date, 1 - weekday);
}

export interface WeekRow {
  weekStart: string;
  group: string;
  /** Subscribed (not cancelled or ended) at the end of the week. */
  subscribed: number;
  new: number;
  churned: number;
  paused: number;
}

export async function weeklyReport(
  db: Kysely<Database>,
  query: { lastDay: IsoDate; weeks: number; by: ReportGrouping },
): Promise<WeekRow[]> {
  const first = addDays(weekStart(query.lastDay), -7 * (query.weeks - 1));
  const group = groupExpr(query.by);
  const { rows } = await sql<WeekRow>`
    with weeks as (
      select generate_series(${first}::date, ${weekStart(query.lastDay)}::date, interval '7 days')::date as week_start
    ),
    churn as (
      select subscription_id, min(created_at) as at from subscription_events
      where type in ('cancelled', 'expired') or (type = 'dunning_ended' and detail->>'action' = 'cancel')
      group by subscription_id
    ),
    subs as (
      select s.id, s.created_at, ${group} as grp, c.at as churned_at
      from subscriptions s join subscription_plans p on p.id = s.plan_id
      left join churn c on c.subscription_id = s.id
    ),
    pauses as (
      select e.created_at, u.grp from subscription_events e join subs u on u.id = e.subscription_id
      where e.type = 'paused' or (e.type = 'dunning_ended' and e.detail->>'action' = 'pause')
    ),
    groups as (select distinct grp from subs)
    select w.week_start::text as "weekStart", g.grp as "group",
      (select count(*) from subs u where u.grp = g.grp and u.created_at < w.week_start + 7
        and (u.churned_at is null or u.churned_at >= w.week_start + 7))::int as subscribed,
      (select count(*) from subs u where u.grp = g.grp and u.created_at >= w.week_start and u.created_at < w.week_start + 7)::int as new,
      (select count(*) from subs u where u.grp = g.grp and u.churned_at >= w.week_start and u.churned_at < w.week_start + 7)::int as churned,
      (select count(*) from pauses x where x.grp = g.grp and x.created_at >= w.week_start and x.created_at < w.week_start + 7)::int as paused
    from weeks w cross join groups g
    order by w.week_start, g.grp collate "C"`.execute(db);
  return rows;
}

export interface MrrRow {
  currency: string;
  group: string;
  activeSubscriptions: number;
  /** Each active subscription's next delivery, priced by its plan's rule, scaled to one month. */
  mrrMinor: number;
}

export async function monthlyRecurringRevenue(
  db: Kysely<Database>,
  by: ReportGrouping,
): Promise<MrrRow[]> {
  const subs = await db
    .selectFrom('subscriptions')
    .select(['id', 'plan_id', 'channel_code', 'currency'])
    .where('state', '=', 'active')
    .execute();
  const [plans, lines] = await Promise.all([
    loadPlans(
      db,
      subs.map((s) => s.plan_id),
    ),
    loadLines(
      db,
      subs.map((s) => s.id),
    ),
  ]);
  const prices = new Map<string, Map<string, number | null>>();
  for (const currency of new Set(subs.map((s) => s.currency))) {
    const skus = [
      ...new Set(
        subs
          .filter((s) => s.currency === currency)
          .flatMap((s) => (lines.get(s.id) ?? []).map((l) => l.sku)),
      ),
    ];
    prices.set(
      currency,
      new Map((await readCatalogue(db, currency, skus)).map((r) => [r.sku, r.unit_price_minor])),
    );
  }
  const totals = new Map<string, MrrRow>();
  for (const s of subs) {
    const plan = plans.get(s.plan_id)!;
    const group = by === 'plan' ? plan.row.code : by === 'channel' ? s.channel_code : 'all';
    const delivery = (lines.get(s.id) ?? []).reduce((sum, l) => {
      const unit = renewalUnitPrice(plan.rules, {
        signupUnitPriceMinor: l.signupUnitPriceMinor,
        currentUnitPriceMinor: prices.get(s.currency)?.get(l.sku) ?? null,
      });
      return sum + (unit ?? 0) * l.quantity;
    }, 0);
    const key = `${s.currency}\u0000${group}`;
    const row = totals.get(key) ?? {
      currency: s.currency,
      group,
      activeSubscriptions: 0,
      mrrMinor: 0,
    };
    row.activeSubscriptions += 1;
    row.mrrMinor += (delivery * (365.25 / 12)) / averageIntervalDays(plan.rules.rhythm);
    totals.set(key, row);
  }
  return [...totals.values()]
    .map((r) => ({ ...r, mrrMinor: Math.round(r.mrrMinor) }))
    .sort((a, b) => (a.currency + a.group < b.currency + b.group ? -1 : 1));
}

export interface RenewalRateRow {
  group: string;
  /** Renewals with a final outcome in the period (by renewal date). */
  decided: number;
  completed: number;
  unpaid: number;
  missedForStock: number;
  inProgress: number;
  /** completed ÷ decided; null when nothing was decided. */
  successRate: number | null;
  enteredDunning: number;
  recovered: number;
  /** recovered ÷ (recovered + unpaid); null when no dunning ended. */
  dunningRecoveryRate: number | null;
}

export async function renewalRates(
  db: Kysely<Database>,
  query: { from: IsoDate; to: IsoDate; by: ReportGrouping },
): Promise<RenewalRateRow[]> {
  const group = groupExpr(query.by);
  const { rows } = await sql<
    Omit<RenewalRateRow, 'successRate' | 'dunningRecoveryRate' | 'decided'>
  >`
    select ${group} as "group",
      count(*) filter (where r.status = 'completed')::int as completed,
      count(*) filter (where r.status = 'unpaid')::int as unpaid,
      count(*) filter (where r.status = 'missed' and r.shortage is not null)::int as "missedForStock",
      count(*) filter (where r.status in ('stock_short', 'awaiting_payment', 'payment_pending', 'payment_failed'))::int as "inProgress",
      count(*) filter (where r.status = 'unpaid' or r.status = 'payment_failed' or (r.status = 'completed' and r.attempts > 1))::int as "enteredDunning",
      count(*) filter (where r.status = 'completed' and r.attempts > 1)::int as recovered
    from subscription_renewals r
    join subscriptions s on s.id = r.subscription_id
    join subscription_plans p on p.id = s.plan_id
    where r.renewal_date between ${query.from}::date and ${query.to}::date
      and r.status not in ('skipped', 'cancelled') and not (r.status = 'missed' and r.shortage is null)
    group by 1 order by ${group} collate "C"`.execute(db);
  return rows.map((r) => {
    const decided = r.completed + r.unpaid + r.missedForStock;
    const dunningDone = r.recovered + r.unpaid;
    return {
      ...r,
      decided,
      successRate: decided === 0 ? null : r.completed / decided,
      dunningRecoveryRate: dunningDone === 0 ? null : r.recovered / dunningDone,
    };
  });
}
