// When a subscription's cycles happen. A cycle has a renewal date (its order is charged and sent to
// the warehouse that day) and closes `lead` days before it: the later of the plan's cut-off and the
// stock reserve-ahead setting. At its close the cycle's order is placed (on hold until the renewal
// date when the charge is still to come) and changes apply to the next cycle. Pure functions.
import type { Billing, PlanRow, PriceRule, SubscriptionState } from './subscription-schema';
import { addDays, nextAfter } from './subscription-calendar';
import type { IsoDate, Rhythm } from './subscription-calendar';

export interface PlanRules {
  code: string;
  rhythm: Rhythm;
  cutoffDays: number;
  priceRule: PriceRule;
  discountPercent: number;
  minCycles: number;
  maxCycles: number | null;
  billing: Billing;
  /** Deliveries one charge pays for: 1 unless prepaid. */
  prepaidDeliveries: number;
  /** The products of the plan: a line may be swapped for any of them. */
  skus: readonly string[];
}

export function planRules(row: PlanRow, skus: readonly string[]): PlanRules {
  return {
    code: row.code,
    rhythm: { unit: row.interval_unit, count: row.interval_count, dayOfMonth: row.day_of_month },
    cutoffDays: row.cutoff_days,
    priceRule: row.price_rule,
    discountPercent: row.discount_percent,
    minCycles: row.min_cycles,
    maxCycles: row.max_cycles,
    billing: row.billing,
    prepaidDeliveries: row.prepaid_deliveries,
    skus,
  };
}

export interface Schedule {
  state: SubscriptionState;
  pausedUntil: IsoDate | null;
  /** The rhythm's anchor: later cycles fall on anchor + whole intervals. */
  anchorDate: IsoDate;
  /** The cycle whose order is not placed yet, and its renewal date. */
  nextCycleNo: number;
  nextRenewalDate: IsoDate;
  /** Cycles whose order was placed (and not given up for want of payment). */
  cyclesPlaced: number;
}

/** Days before a renewal date at which its cycle closes. */
export const leadDays = (plan: Pick<PlanRules, 'cutoffDays'>, reserveAheadDays: number) =>
  Math.max(plan.cutoffDays, reserveAheadDays);

export const closesOn = (renewalDate: IsoDate, lead: number): IsoDate =>
  addDays(renewalDate, -lead);

/** The first renewal date whose cycle is still open today. */
export const earliestOpenDate = (today: IsoDate, lead: number): IsoDate => addDays(today, lead + 1);

/**
 * Whether the next cycle will be placed when it closes: active, or paused until a date that the
 * next renewal is not before (a pause moved the renewal past its end).
 */
export function isEligible(schedule: Schedule): boolean {
  return (
    schedule.state === 'active' ||
    (schedule.state === 'paused' &&
      schedule.pausedUntil !== null &&
      schedule.nextRenewalDate >= schedule.pausedUntil)
  );
}

/** The next cycle has closed and is eligible: its order is to be placed now. */
export function isDue(schedule: Schedule, today: IsoDate, lead: number): boolean {
  return isEligible(schedule) && closesOn(schedule.nextRenewalDate, lead) <= today;
}

/** The schedule after the next cycle's order was placed (or the cycle was skipped or missed). */
export function advance(schedule: Schedule, plan: PlanRules, placed: boolean): Schedule {
  const cyclesPlaced = schedule.cyclesPlaced + (placed ? 1 : 0);
  const expired = plan.maxCycles !== null && cyclesPlaced >= plan.maxCycles;
  return {
    ...schedule,
    state: expired ? 'expired' : schedule.state,
    pausedUntil: expired ? null : schedule.pausedUntil,
    nextCycleNo: schedule.nextCycleNo + 1,
    nextRenewalDate: nextAfter(schedule.anchorDate, plan.rhythm, schedule.nextRenewalDate),
    cyclesPlaced,
  };
}

/** A pause whose end date has come: the subscription is active again. */
export function pauseEnded(schedule: Schedule, today: IsoDate): boolean {
  return (
    schedule.state === 'paused' && schedule.pausedUntil !== null && schedule.pausedUntil <= today
  );
}
