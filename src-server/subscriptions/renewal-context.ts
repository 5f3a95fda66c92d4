// What the renewal steps (prepare, charge, remind) need: the database, the injected clock, the
// settings, the intake's sourcing settings and the payment providers.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { IntakeSettings } from '../orders/place-order';
import type { RecurringProviders } from '../payments/recurring-provider';
import type { Clock } from './clock';
import { dateIn } from './subscription-calendar';
import type { IsoDate } from './subscription-calendar';
import type { SubscriptionSettings } from './subscription-config';

export interface RenewalContext {
  db: Kysely<Database>;
  clock: Clock;
  settings: SubscriptionSettings;
  intake: IntakeSettings;
  providers: RecurringProviders;
}

/** Renewal dates are days in the configured zone. */
export const todayOf = (ctx: Pick<RenewalContext, 'clock' | 'settings'>): IsoDate =>
  dateIn(ctx.settings.timeZone, ctx.clock.now());

/** Who the scheduler's changes are recorded as. */
export const SCHEDULER_ACTOR = 'scheduler';

export const renewalOrderRef = (reference: string, cycleNo: number) => `${reference}-${cycleNo}`;
export const renewalIdempotencyKey = (subscriptionId: string, cycleNo: number) =>
  `subscription:${subscriptionId}:${cycleNo}`;
export const chargeIdempotencyKey = (subscriptionId: string, cycleNo: number, attempt: number) =>
  `renewal:${subscriptionId}:${cycleNo}:${attempt}`;
