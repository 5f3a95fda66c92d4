// The decisions and rows of a prepared batch, on plain data: which cycles are missed (catch-up
// `skip`, or short of stock until their successor closed), and for each cycle tried whether its
// order was placed (settled at once, or held until the charge) or is short of stock; then every
// row that records it: renewals, ledger charges, history, outbox events and schedules.
import { randomUUID } from 'node:crypto';
import type { TableRows } from '../db/bulk-insert';
import { outboxRows } from '../outbox/outbox';
import type { OutboxEvent } from '../outbox/outbox';
import type { PlacedOrderGraph, SourcingWarehouse } from '../orders/order-graph';
import { ledgerChargeReference } from '../payments/ledger-provider';
import type { RecurringProviders } from '../payments/recurring-provider';
import { greatCircleDistanceKm } from '../sourcing/great-circle';
import type { GeoPoint } from '../sourcing/great-circle';
import { chargeIdempotencyKey, SCHEDULER_ACTOR } from './renewal-context';
import { addDays, nextAfter } from './subscription-calendar';
import type { IsoDate } from './subscription-calendar';
import type { TermsLine } from './subscription-change-rules';
import type { SubscriptionSettings } from './subscription-config';
import { chargeAmount } from './subscription-pricing';
import { advance, closesOn, isDue } from './subscription-schedule';
import type { PlanRules, Schedule } from './subscription-schedule';
import type { ChargeKind, RenewalStatus, Shortage, SubscriptionRow } from './subscription-schema';
import { subscriptionEventRows } from './subscription-store';
import type { NewSubscriptionEvent, ScheduleUpdate } from './subscription-store';

export interface Candidate {
  row: SubscriptionRow;
  plan: PlanRules;
  lead: number;
  lines: TermsLine[];
  schedule: Schedule;
  /** The next cycle is recorded as short of stock (its row exists). */
  wasShort: boolean;
}

export interface Missed {
  cycleNo: number;
  renewalDate: IsoDate;
  reason: 'stock' | 'downtime';
  wasShort: boolean;
}

export interface PreStep {
  schedule: Schedule;
  missed: Missed[];
  /** The cycle whose order is tried now, or null when nothing is due. */
  placing: { cycleNo: number; renewalDate: IsoDate } | null;
}

/** What happens before a cycle is tried: given up for stock, or missed during downtime. */
export function preStep(c: Candidate, today: IsoDate, catchUp: 'place' | 'skip'): PreStep {
  let schedule = c.schedule;
  const missed: Missed[] = [];
  let wasShort = c.wasShort;
  if (wasShort) {
    // A cycle waits for stock until the next one closes; then it is given up, never doubled up.
    const successor = nextAfter(schedule.anchorDate, c.plan.rhythm, schedule.nextRenewalDate);
    if (closesOn(successor, c.lead) <= today) {
      missed.push({
        cycleNo: schedule.nextCycleNo,
        renewalDate: schedule.nextRenewalDate,
        reason: 'stock',
        wasShort,
      });
      schedule = advance(schedule, c.plan, false);
      wasShort = false;
    }
  }
  while (
    !wasShort &&
    catchUp === 'skip' &&
    isDue(schedule, today, c.lead) &&
    schedule.nextRenewalDate < today
  ) {
    missed.push({
      cycleNo: schedule.nextCycleNo,
      renewalDate: schedule.nextRenewalDate,
      reason: 'downtime',
      wasShort,
    });
    schedule = advance(schedule, c.plan, false);
  }
  const due = wasShort || isDue(schedule, today, c.lead);
  return {
    schedule,
    missed,
    placing: due ? { cycleNo: schedule.nextCycleNo, renewalDate: schedule.nextRenewalDate } : null,
  };
}

export function nearestWarehouse(
  point: GeoPoint,
  warehouses: readonly SourcingWarehouse[],
): string | null {
  let best: { code: string; km: number } | null = null;
  for (const w of warehouses) {
    const km = greatCircleDistanceKm(point, { lat: w.latitude, lon: w.longitude });
    if (!best || km < best.km) best = { code: w.code, km };
  }
  return best?.code ?? null;
}

export interface PreparedBatch {
  candidates: readonly Candidate[];
  steps: readonly PreStep[];
  shortOf: Map<number, { shortage: Shortage; warehouseCode: string | null }>;
  placedOf: Map<number, PlacedOrderGraph>;
  today: IsoDate;
  now: Date;
  settings: SubscriptionSettings;
  providers: RecurringProviders;
}

/** Columns of a renewal row that a later step of the same cycle changes. */
export interface RenewalChange {
  status?: RenewalStatus;
  order_id?: string;
  charge_kind?: ChargeKind;
  amount_minor?: number;
  attempts?: number;
  next_attempt_on?: IsoDate | null;
  stock_retry_on?: IsoDate | null;
  shortage?: Shortage | null;
  settled_at?: Date | null;
}

export interface PreparedRows {
  tables: TableRows[];
  shortUpdates: { subscriptionId: string; cycleNo: number; set: RenewalChange }[];
  schedules: ScheduleUpdate[];
  holds: { orderId: string; reference: string; renewalDate: IsoDate }[];
  counts: { placed: number; settled: number; short: number; missed: number };
}

const RENEWAL_COLUMNS = {
  subscription_id: 'uuid',
  cycle_no: 'integer',
  renewal_date: 'date',
  status: 'text',
  order_id: 'uuid',
  charge_kind: 'text',
  amount_minor: 'integer',
  currency: 'text',
  attempts: 'integer',
  next_attempt_on: 'date',
  stock_retry_on: 'date',
  promised_date: 'date',
  shortage: 'jsonb',
  settled_at: 'timestamptz',
} as const;

export function buildPreparedRows(batch: PreparedBatch): PreparedRows {
  const { today, now, settings } = batch;
  const renewals: Record<string, unknown>[] = [];
  const charges: Record<string, unknown>[] = [];
  const events: NewSubscriptionEvent[] = [];
  const outbox: OutboxEvent[] = [];
  const out: PreparedRows = {
    tables: [],
    shortUpdates: [],
    schedules: [],
    holds: [],
    counts: { placed: 0, settled: 0, short: 0, missed: 0 },
  };
  const event = (
    row: SubscriptionRow,
    cycleNo: number,
    type: string,
    detail: Record<string, unknown>,
  ) => events.push({ subscriptionId: row.id, cycleNo, type, actor: SCHEDULER_ACTOR, detail });
  const tell = (
    row: SubscriptionRow,
    type: OutboxEvent['type'],
    payload: Record<string, unknown>,
  ) =>
    outbox.push({
      type,
      aggregateType: 'subscription',
      aggregateId: row.id,
      payload: { subscriptionId: row.id, reference: row.reference, issuedOn: today, ...payload },
    });

  batch.candidates.forEach((c, index) => {
    const step = batch.steps[index]!;
    const { row } = c;
    let schedule = step.schedule;
    let prepaidRemaining: number | undefined;
    for (const m of step.missed) {
      out.counts.missed += 1;
      const set = { status: 'missed' as const, stock_retry_on: null };
      if (m.wasShort) out.shortUpdates.push({ subscriptionId: row.id, cycleNo: m.cycleNo, set });
      else
        renewals.push({
          subscription_id: row.id,
          cycle_no: m.cycleNo,
          renewal_date: m.renewalDate,
          status: 'missed',
          charge_kind: 'charge',
          amount_minor: 0,
          currency: row.currency,
          attempts: 0,
        });
      event(row, m.cycleNo, 'missed', { renewalDate: m.renewalDate, reason: m.reason });
    }
    // After the loop the schedule is past the missed cycles; tell the customer the next date.
    for (const m of step.missed)
      tell(row, 'subscription.renewal_missed', {
        cycleNo: m.cycleNo,
        renewalDate: m.renewalDate,
        reason: m.reason,
        nextRenewalDate: schedule.nextRenewalDate,
      });

    const placing = step.placing;
    const graph = batch.placedOf.get(index);
    const shortOf = batch.shortOf.get(index);
    if (placing && graph) {
      out.counts.placed += 1;
      const chargeNow = placing.renewalDate <= today;
      const prepaid = row.prepaid_remaining > 0;
      const amount = prepaid ? 0 : chargeAmount(c.plan, graph.body.totalMinor);
      const provider = batch.providers[row.payment.provider];
      const settled = chargeNow && (prepaid || provider?.settlesInDatabase === true);
      const orderId = graph.body.orderId;
      const fields = {
        status: settled ? ('completed' as const) : ('awaiting_payment' as const),
        order_id: orderId,
        charge_kind: prepaid ? ('prepaid' as const) : ('charge' as const),
        amount_minor: amount,
        attempts: settled && !prepaid ? 1 : 0,
        next_attempt_on: settled ? null : placing.renewalDate,
        stock_retry_on: null,
        shortage: null,
        settled_at: settled ? now : null,
      };
      if (c.wasShort && step.missed.length === 0)
        out.shortUpdates.push({ subscriptionId: row.id, cycleNo: placing.cycleNo, set: fields });
      else
        renewals.push({
          subscription_id: row.id,
          cycle_no: placing.cycleNo,
          renewal_date: placing.renewalDate,
          currency: row.currency,
          ...fields,
        });
      if (settled && !prepaid) {
        out.counts.settled += 1;
        const key = chargeIdempotencyKey(row.id, placing.cycleNo, 1);
        charges.push({
          id: randomUUID(),
          idempotency_key: key,
          subscription_id: row.id,
          cycle_no: placing.cycleNo,
          attempt: 1,
          provider: 'ledger',
          amount_minor: amount,
          currency: row.currency,
          status: 'paid',
          provider_reference: ledgerChargeReference(key),
          settled_at: now,
        });
      } else if (settled) out.counts.settled += 1;
      if (!settled)
        out.holds.push({ orderId, reference: row.reference, renewalDate: placing.renewalDate });
      prepaidRemaining = prepaid ? row.prepaid_remaining - 1 : c.plan.prepaidDeliveries - 1;
      const before = schedule.state;
      schedule = advance(schedule, c.plan, true);
      event(row, placing.cycleNo, 'renewal_placed', {
        renewalDate: placing.renewalDate,
        orderId,
        settled,
        amountMinor: amount,
        chargeKind: fields.charge_kind,
      });
      if (settled)
        tell(row, 'subscription.renewed', {
          cycleNo: placing.cycleNo,
          renewalDate: placing.renewalDate,
          orderId,
          amountMinor: amount,
          currency: row.currency,
          chargeKind: fields.charge_kind,
        });
      if (before !== 'expired' && schedule.state === 'expired')
        event(row, placing.cycleNo, 'expired', { cyclesPlaced: schedule.cyclesPlaced });
    } else if (placing && shortOf) {
      out.counts.short += 1;
      const shortage: Shortage =
        shortOf.shortage.lines.length > 0
          ? shortOf.shortage
          : {
              ...shortOf.shortage,
              lines: c.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
            };
      const retry = { stock_retry_on: addDays(today, 1), shortage };
      if (c.wasShort && step.missed.length === 0) {
        out.shortUpdates.push({ subscriptionId: row.id, cycleNo: placing.cycleNo, set: retry });
      } else {
        const promisedDate = addDays(placing.renewalDate, settings.stockDelayDays);
        renewals.push({
          subscription_id: row.id,
          cycle_no: placing.cycleNo,
          renewal_date: placing.renewalDate,
          status: 'stock_short',
          charge_kind: 'charge',
          amount_minor: 0,
          currency: row.currency,
          attempts: 0,
          promised_date: promisedDate,
          ...retry,
        });
        event(row, placing.cycleNo, 'stock_short', {
          renewalDate: placing.renewalDate,
          promisedDate,
          shortage,
        });
        tell(row, 'subscription.stock_short', {
          cycleNo: placing.cycleNo,
          renewalDate: placing.renewalDate,
          promisedDate,
          planId: row.plan_id,
          warehouseCode: shortOf.warehouseCode,
          shortage,
        });
      }
    }
    if (schedule !== c.schedule) out.schedules.push({ id: row.id, schedule, prepaidRemaining });
  });

  out.tables = [
    { table: 'subscription_renewals', columns: RENEWAL_COLUMNS, rows: renewals },
    {
      table: 'recurring_charges',
      columns: {
        id: 'uuid',
        idempotency_key: 'text',
        subscription_id: 'uuid',
        cycle_no: 'integer',
        attempt: 'integer',
        provider: 'text',
        amount_minor: 'integer',
        currency: 'text',
        status: 'text',
        provider_reference: 'text',
        settled_at: 'timestamptz',
      },
      rows: charges,
    },
    subscriptionEventRows(events),
    outboxRows(outbox),
  ];
  return out;
}
