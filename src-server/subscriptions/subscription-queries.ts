// Reading subscriptions for the API and the self-service page: one with its lines (priced as the
// next renewal would be), renewals and history, or a page of them, newest first.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { readCatalogue } from '../orders/priced-order';
import { addDays } from './subscription-calendar';
import type { SubscriptionList, SubscriptionView } from './subscription-contracts';
import { renewalUnitPrice } from './subscription-pricing';
import { leadDays } from './subscription-schedule';
import type { SubscriptionState } from './subscription-schema';
import { loadLines, loadPlans } from './subscription-store';

const iso = (d: Date | string) => new Date(d).toISOString();

export async function getSubscriptionView(
  db: Kysely<Database>,
  id: string,
  reserveAheadDays: number,
): Promise<SubscriptionView | null> {
  const row = await db
    .selectFrom('subscriptions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const [plans, lines, renewals, events] = await Promise.all([
    loadPlans(db, [row.plan_id]),
    loadLines(db, [row.id]),
    db
      .selectFrom('subscription_renewals')
      .selectAll()
      .where('subscription_id', '=', id)
      .orderBy('cycle_no', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('subscription_events')
      .select(['type', 'actor', 'cycle_no', 'detail', 'created_at'])
      .where('subscription_id', '=', id)
      .orderBy('id')
      .limit(500)
      .execute(),
  ]);
  const plan = plans.get(row.plan_id)!;
  const own = lines.get(row.id) ?? [];
  const catalogue = new Map(
    (
      await readCatalogue(
        db,
        row.currency,
        own.map((l) => l.sku),
      )
    ).map((r) => [r.sku, r]),
  );
  const lead = leadDays(plan.rules, reserveAheadDays);
  const waiting = renewals.find(
    (r) => r.cycle_no === row.next_cycle_no && r.status === 'stock_short',
  );
  const customer = row.customer;
  return {
    id: row.id,
    reference: row.reference,
    channel: row.channel_code,
    externalRef: row.external_ref,
    plan: { code: plan.row.code, name: plan.row.name },
    state: row.state,
    pausedUntil: row.paused_until,
    customer: {
      name: customer.type === 'person' ? customer.name : customer.buyer.name,
      email: row.email,
      locale: row.locale,
    },
    currency: row.currency,
    shipTo: row.ship_to,
    payment: { provider: row.payment.provider },
    lines: own.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      name: catalogue.get(l.sku)?.name ?? l.sku,
      quantity: l.quantity,
      unitPriceMinor: renewalUnitPrice(plan.rules, {
        signupUnitPriceMinor: l.signupUnitPriceMinor,
        currentUnitPriceMinor: catalogue.get(l.sku)?.unit_price_minor ?? null,
      }),
    })),
    nextRenewal: {
      cycleNo: row.next_cycle_no,
      date: row.next_renewal_date,
      lastChangeDate: addDays(row.next_renewal_date, -lead - 1),
      waitingForStock: waiting !== undefined,
    },
    cyclesPlaced: row.cycles_placed,
    prepaidRemaining: row.prepaid_remaining,
    createdAt: iso(row.created_at),
    cancelledAt: row.cancelled_at ? iso(row.cancelled_at) : null,
    renewals: renewals.map((r) => ({
      cycleNo: r.cycle_no,
      renewalDate: r.renewal_date,
      status: r.status,
      orderId: r.order_id,
      chargeKind: r.charge_kind,
      amountMinor: r.amount_minor,
      attempts: r.attempts,
      nextAttemptOn: r.next_attempt_on,
      promisedDate: r.promised_date,
    })),
    history: events.map((e) => ({
      type: e.type,
      actor: e.actor,
      cycleNo: e.cycle_no,
      detail: e.detail,
      at: iso(e.created_at),
    })),
  };
}

export async function listSubscriptions(
  db: Kysely<Database>,
  query: {
    limit: number;
    cursor?: string | undefined;
    state?: SubscriptionState | undefined;
    channelCode?: string | undefined;
    plan?: string | undefined;
    q?: string | undefined;
  },
): Promise<SubscriptionList> {
  let q = db
    .selectFrom('subscriptions as s')
    .innerJoin('subscription_plans as p', 'p.id', 's.plan_id')
    .select([
      's.id',
      's.reference',
      's.channel_code',
      's.external_ref',
      's.state',
      's.paused_until',
      's.currency',
      's.created_at',
      's.next_renewal_date',
      's.email',
      'p.code as plan_code',
      'p.name as plan_name',
    ])
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(query.limit + 1);
  if (query.state) q = q.where('s.state', '=', query.state);
  if (query.channelCode) q = q.where('s.channel_code', '=', query.channelCode);
  if (query.plan) q = q.where('p.code', '=', query.plan);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(
      sql<boolean>`(s.reference ilike ${like} or s.external_ref ilike ${like} or s.email ilike ${like}
        or coalesce(s.customer->>'name', s.customer->'buyer'->>'name') ilike ${like})`,
    );
  }
  if (query.cursor) {
    const at = decodeCursor(query.cursor);
    q = q.where(
      sql<boolean>`(s.created_at, s.id) < (${at.at.toISOString()}::timestamptz, ${at.id}::uuid)`,
    );
  }
  const rows = await q.execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    subscriptions: page.map((r) => ({
      id: r.id,
      reference: r.reference,
      channel: r.channel_code,
      externalRef: r.external_ref,
      plan: { code: r.plan_code, name: r.plan_name },
      state: r.state,
      pausedUntil: r.paused_until,
      currency: r.currency,
      createdAt: iso(r.created_at),
      nextRenewalDate: r.next_renewal_date,
      email: r.email,
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ at: new Date(last.created_at), id: last.id })
        : null,
  };
}
