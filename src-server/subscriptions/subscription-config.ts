// Settings of subscriptions and their renewals, read from the environment by config.ts.
import { createHmac } from 'node:crypto';
import { z } from 'zod';

export interface DunningSettings {
  /** Charges tried per renewal (the first one included) before giving up. */
  attempts: number;
  /** Days between two tries. */
  intervalDays: number;
  /** What happens to the subscription when the last try fails. */
  finalAction: 'pause' | 'cancel';
}

export interface SubscriptionSettings {
  /** Run the renewal scheduler in this process (any number of instances may). */
  scheduler: boolean;
  /** How often the scheduler reads due work from the database. */
  pollMs: number;
  /** Renewals placed (or charged) per transaction. */
  batchSize: number;
  /** Charges sent to remote providers at once. */
  chargeConcurrency: number;
  /** A claimed charge is not claimed again for this long; must exceed a provider call. */
  leaseMs: number;
  /** How long a pending (not yet settled) remote charge waits before it is asked about again. */
  pendingCheckMs: number;
  /** Stock is reserved (the renewal's order placed on hold) this many days before the renewal date. */
  reserveAheadDays: number;
  /** The reminder e-mail goes out this many days before a renewal. */
  reminderDays: number;
  /** Cycles whose renewal date passed while no scheduler ran: placed late, or recorded as missed. */
  catchUp: 'place' | 'skip';
  /** When stock is short, the date the customer is told is this many days after the renewal date. */
  stockDelayDays: number;
  dunning: DunningSettings;
  /** The calendar renewals follow (a renewal date is a day in this zone). */
  timeZone: string;
  links: {
    /** Where the central OMS is reached from a customer's mail client, for `/s/<token>` links. */
    baseUrl: string;
    secret: string;
    validDays: number;
  };
}

const emptyAsMissing = (value: unknown) => (value === '' ? undefined : value);
const int = (fallback: number, min: number, max: number) =>
  z.preprocess(emptyAsMissing, z.coerce.number().int().min(min).max(max).default(fallback));

const envSchema = z.object({
  SUBSCRIPTION_SCHEDULER: z.preprocess(emptyAsMissing, z.enum(['on', 'off']).default('on')),
  SUBSCRIPTION_POLL_MS: int(10_000, 10, 3_600_000),
  SUBSCRIPTION_BATCH_SIZE: int(64, 1, 1000),
  SUBSCRIPTION_CHARGE_CONCURRENCY: int(8, 1, 64),
  SUBSCRIPTION_LEASE_MS: int(120_000, 100, 3_600_000),
  SUBSCRIPTION_PENDING_CHECK_MS: int(300_000, 0, 86_400_000),
  SUBSCRIPTION_RESERVE_AHEAD_DAYS: int(2, 0, 30),
  SUBSCRIPTION_REMINDER_DAYS: int(3, 0, 30),
  SUBSCRIPTION_CATCH_UP: z.preprocess(emptyAsMissing, z.enum(['place', 'skip']).default('place')),
  SUBSCRIPTION_STOCK_DELAY_DAYS: int(7, 1, 90),
  DUNNING_ATTEMPTS: int(3, 1, 10),
  DUNNING_INTERVAL_DAYS: int(3, 1, 30),
  DUNNING_FINAL_ACTION: z.preprocess(emptyAsMissing, z.enum(['pause', 'cancel']).default('pause')),
  SUBSCRIPTION_TIME_ZONE: z.preprocess(
    emptyAsMissing,
    z
      .string()
      .default('Europe/Amsterdam')
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as Europe/Amsterdam'),
  ),
  PUBLIC_URL: z.preprocess(emptyAsMissing, z.url({ protocol: /^https?$/ }).optional()),
  SUBSCRIPTION_LINK_SECRET: z.preprocess(emptyAsMissing, z.string().min(16).optional()),
  SUBSCRIPTION_LINK_DAYS: int(60, 1, 365),
});

export function loadSubscriptionSettings(
  env: NodeJS.ProcessEnv,
  server: { host: string; port: number; adminToken: string },
): SubscriptionSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${String(issue.path[0])} is not valid: ${issue.message}`);
  }
  const e = parsed.data;
  const host = server.host === '0.0.0.0' ? '127.0.0.1' : server.host;
  return {
    scheduler: e.SUBSCRIPTION_SCHEDULER === 'on',
    pollMs: e.SUBSCRIPTION_POLL_MS,
    batchSize: e.SUBSCRIPTION_BATCH_SIZE,
    chargeConcurrency: e.SUBSCRIPTION_CHARGE_CONCURRENCY,
    leaseMs: e.SUBSCRIPTION_LEASE_MS,
    pendingCheckMs: e.SUBSCRIPTION_PENDING_CHECK_MS,
    reserveAheadDays: e.SUBSCRIPTION_RESERVE_AHEAD_DAYS,
    reminderDays: e.SUBSCRIPTION_REMINDER_DAYS,
    catchUp: e.SUBSCRIPTION_CATCH_UP,
    stockDelayDays: e.SUBSCRIPTION_STOCK_DELAY_DAYS,
    dunning: {
      attempts: e.DUNNING_ATTEMPTS,
      intervalDays: e.DUNNING_INTERVAL_DAYS,
      finalAction: e.DUNNING_FINAL_ACTION,
    },
    timeZone: e.SUBSCRIPTION_TIME_ZONE,
    links: {
      baseUrl: (e.PUBLIC_URL ?? `http://${host}:${server.port}`).replace(/\/+$/, ''),
      // Without a secret of its own, one derived from the admin token (set in production).
      secret:
        e.SUBSCRIPTION_LINK_SECRET ??
        createHmac('sha256', server.adminToken).update('subscription-links').digest('hex'),
      validDays: e.SUBSCRIPTION_LINK_DAYS,
    },
  };
}
