// What a change does to a subscription, decided on plain data. The caller has placed every cycle
// that closed before today (so the next cycle is open, or waiting for stock), which makes "changes
// after the cut-off apply to the next cycle" hold by construction. A refusal names the field.
import type { PostalAddress } from '../db/schema';
import type { PaymentMandate } from '../payments/recurring-provider';
import { addDays, earlierOf, firstOnOrAfter, laterOf, nextAfter } from './subscription-calendar';
import type { IsoDate } from './subscription-calendar';
import type { SubscriptionChange } from './subscription-change-schema';
import { advance, closesOn, earliestOpenDate, isEligible } from './subscription-schedule';
import type { PlanRules, Schedule } from './subscription-schedule';

export interface TermsLine {
  lineNo: number;
  sku: string;
  quantity: number;
  signupUnitPriceMinor: number;
}

export interface Terms {
  schedule: Schedule;
  lines: TermsLine[];
  shipTo: PostalAddress;
  payment: PaymentMandate;
  email: string;
  /** Raised to revoke every self-service link given out (they are signed over it). */
  linkEpoch: number;
}

export type ChangeActor = 'customer' | 'staff' | 'channel';

export interface ChangeContext {
  today: IsoDate;
  lead: number;
  actor: ChangeActor;
  /** The swap target's price in the subscription's currency, when the caller looked it up. */
  swapUnitPriceMinor?: number | null;
}

export type ChangeOutcome =
  | {
      ok: true;
      terms: Terms;
      event: { type: string; detail: Record<string, unknown> };
      /** The cycle a skip skipped. */
      skipped?: { cycleNo: number; renewalDate: IsoDate };
    }
  | { ok: false; status: 403 | 409 | 422; code: string; message: string; field?: string };

const refuse = (
  status: 403 | 409 | 422,
  code: string,
  message: string,
  field?: string,
): ChangeOutcome => ({ ok: false, status, code, message, ...(field ? { field } : {}) });

const LATEST_DAYS_AHEAD = 366;

/** The earliest renewal date from which the subscription may be cancelled, given its minimum. */
export function earliestCancellableAfter(schedule: Schedule, plan: PlanRules): IsoDate | null {
  const missing = plan.minCycles - schedule.cyclesPlaced;
  if (missing <= 0) return null;
  let date = schedule.nextRenewalDate;
  for (let i = 1; i < missing; i++) date = nextAfter(schedule.anchorDate, plan.rhythm, date);
  return date;
}

export function decideChange(
  terms: Terms,
  plan: PlanRules,
  change: SubscriptionChange,
  ctx: ChangeContext,
): ChangeOutcome {
  const s = terms.schedule;
  const ended = s.state === 'cancelled' || s.state === 'expired';
  if (ended)
    return refuse(
      409,
      `subscription_${s.state}`,
      `The subscription is ${s.state}; it can no longer be changed.`,
      'state',
    );
  const openFrom = earliestOpenDate(ctx.today, ctx.lead);
  const done = (
    next: Partial<Terms>,
    type: string,
    detail: Record<string, unknown>,
  ): ChangeOutcome => ({
    ok: true,
    terms: { ...terms, ...next },
    event: { type, detail },
  });

  switch (change.type) {
    case 'skip_next': {
      if (!isEligible(s))
        return refuse(
          409,
          'subscription_paused',
          'The subscription is paused; there is no delivery to skip.',
          'state',
        );
      const skipped = { cycleNo: s.nextCycleNo, renewalDate: s.nextRenewalDate };
      const schedule = advance(s, plan, false);
      return {
        ok: true,
        terms: { ...terms, schedule },
        event: {
          type: 'skipped',
          detail: { ...skipped, nextRenewalDate: schedule.nextRenewalDate },
        },
        skipped,
      };
    }
    case 'pause': {
      if (change.until !== undefined && change.until <= ctx.today)
        return refuse(422, 'pause_end_not_in_future', 'The pause must end after today.', 'until');
      if (change.until !== undefined && change.until > addDays(ctx.today, LATEST_DAYS_AHEAD))
        return refuse(422, 'pause_too_long', 'A pause may last at most a year.', 'until');
      const until = change.until ?? null;
      const next =
        until === null
          ? s.nextRenewalDate
          : laterOf(s.nextRenewalDate, firstOnOrAfter(s.anchorDate, plan.rhythm, until));
      return done(
        { schedule: { ...s, state: 'paused', pausedUntil: until, nextRenewalDate: next } },
        'paused',
        { until, nextRenewalDate: until === null ? null : next },
      );
    }
    case 'resume': {
      if (s.state !== 'paused')
        return refuse(409, 'not_paused', 'The subscription is not paused.', 'state');
      const onRhythm = firstOnOrAfter(s.anchorDate, plan.rhythm, openFrom);
      const next =
        s.nextRenewalDate >= openFrom ? earlierOf(s.nextRenewalDate, onRhythm) : onRhythm;
      return done(
        { schedule: { ...s, state: 'active', pausedUntil: null, nextRenewalDate: next } },
        'resumed',
        { nextRenewalDate: next },
      );
    }
    case 'cancel': {
      if (change.force && ctx.actor !== 'staff')
        return refuse(
          403,
          'forbidden',
          'Only customer service may cancel before the minimum.',
          'force',
        );
      const after = earliestCancellableAfter(s, plan);
      if (after !== null && !change.force)
        return refuse(
          409,
          'minimum_cycles',
          `The plan has a minimum of ${plan.minCycles} deliveries and ${s.cyclesPlaced} have been placed; it can be cancelled once the delivery of ${after} is placed (after ${closesOn(after, ctx.lead)}).`,
          'type',
        );
      return done({ schedule: { ...s, state: 'cancelled', pausedUntil: null } }, 'cancelled', {
        reason: change.reason ?? null,
        forced: change.force === true && after !== null,
      });
    }
    case 'change_date': {
      if (!isEligible(s))
        return refuse(
          409,
          'subscription_paused',
          'The subscription is paused; resume it first.',
          'state',
        );
      if (change.date < openFrom)
        return refuse(
          422,
          'date_before_cutoff',
          `The next delivery can be moved to ${openFrom} or later (the cut-off is ${ctx.lead} days before it).`,
          'date',
        );
      if (change.date > addDays(ctx.today, LATEST_DAYS_AHEAD))
        return refuse(
          422,
          'date_too_far',
          'The next delivery can be moved at most a year ahead.',
          'date',
        );
      if (s.state === 'paused' && s.pausedUntil !== null && change.date < s.pausedUntil)
        return refuse(
          422,
          'date_in_pause',
          `The subscription is paused until ${s.pausedUntil}.`,
          'date',
        );
      // Interval plans continue from the new date; day-of-month plans keep their day after it.
      const anchorDate = plan.rhythm.dayOfMonth === null ? change.date : s.anchorDate;
      return done(
        { schedule: { ...s, anchorDate, nextRenewalDate: change.date } },
        'date_changed',
        { from: s.nextRenewalDate, to: change.date },
      );
    }
    case 'change_quantity': {
      const line = terms.lines.find((l) => l.lineNo === change.lineNo);
      if (!line)
        return refuse(
          422,
          'unknown_line',
          `The subscription has no line ${change.lineNo}.`,
          'lineNo',
        );
      return done(
        {
          lines: terms.lines.map((l) =>
            l.lineNo === change.lineNo ? { ...l, quantity: change.quantity } : l,
          ),
        },
        'quantity_changed',
        { lineNo: line.lineNo, sku: line.sku, from: line.quantity, to: change.quantity },
      );
    }
    case 'swap_product': {
      const line = terms.lines.find((l) => l.lineNo === change.lineNo);
      if (!line)
        return refuse(
          422,
          'unknown_line',
          `The subscription has no line ${change.lineNo}.`,
          'lineNo',
        );
      if (!plan.skus.includes(change.sku))
        return refuse(
          422,
          'not_in_plan',
          `SKU "${change.sku}" is not one of the plan's products.`,
          'sku',
        );
      if (change.sku === line.sku)
        return refuse(422, 'same_product', 'The line already holds this product.', 'sku');
      if (ctx.swapUnitPriceMinor === null || ctx.swapUnitPriceMinor === undefined)
        return refuse(
          422,
          'no_price',
          `SKU "${change.sku}" has no price in the subscription's currency.`,
          'sku',
        );
      const price = ctx.swapUnitPriceMinor;
      return done(
        {
          lines: terms.lines.map((l) =>
            l.lineNo === change.lineNo ? { ...l, sku: change.sku, signupUnitPriceMinor: price } : l,
          ),
        },
        'product_swapped',
        { lineNo: line.lineNo, from: line.sku, to: change.sku },
      );
    }
    case 'change_address':
      return done({ shipTo: change.shipTo }, 'address_changed', {
        from: { postalCode: terms.shipTo.postalCode, country: terms.shipTo.country },
        to: { postalCode: change.shipTo.postalCode, country: change.shipTo.country },
      });
    case 'change_payment':
      if (ctx.actor === 'customer')
        return refuse(
          403,
          'forbidden',
          'The payment method is changed through the shop.',
          'payment',
        );
      return done({ payment: change.payment }, 'payment_changed', {
        provider: change.payment.provider,
      });
    case 'change_email':
      if (ctx.actor === 'customer')
        return refuse(403, 'forbidden', 'The e-mail address is changed through the shop.', 'email');
      if (change.email.toLowerCase() === terms.email.toLowerCase())
        return refuse(422, 'same_email', 'The subscription already uses this address.', 'email');
      return done({ email: change.email, linkEpoch: terms.linkEpoch + 1 }, 'email_changed', {
        linksRevoked: true,
      });
    case 'revoke_links':
      return done({ linkEpoch: terms.linkEpoch + 1 }, 'links_revoked', {});
  }
}
