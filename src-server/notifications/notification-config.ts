// Settings of the notification side of the OMS, read from the environment by config.ts.
import { z } from 'zod';
import { EMAIL_LOCALES, type EmailLocale } from './email/email-words';

export interface DispatcherSettings {
  /** Events fanned out, and deliveries claimed, per round. */
  batchSize: number;
  /** Deliveries sent at once within a round. */
  concurrency: number;
  /** Tries before a delivery is dead-lettered. */
  maxAttempts: number;
  /** First retry delay; doubled per try up to `backoffMaxMs`, with jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Poll when no notice arrives (a notice on commit wakes the dispatcher sooner). */
  pollIntervalMs: number;
  /** How often a dispatcher renews the heartbeat that holds its claimed deliveries. */
  heartbeatMs: number;
  /** A dispatcher silent this long is taken for dead: others take its claimed deliveries over. */
  claimTimeoutMs: number;
  /** Time allowed for one webhook request. */
  webhookTimeoutMs: number;
}

export interface AlertSettings {
  /** How often the stock/selling/late/digest checks run. */
  checkIntervalMs: number;
  /** Reorder point and quantity of products without their own replenishment row. */
  defaultReorderPoint: number;
  defaultReorderQuantity: number;
  /** A product with stock and no sale for this many days is "not selling". */
  notSellingDays: number;
  /** Days of sales and returns the weekly return-rate digest looks at, and how many products it lists. */
  returnRateWindowDays: number;
  returnRateTopN: number;
  /** Days after its promised date a shipped parcel may go without a delivered event before it is an alert. */
  deliveryGraceDays: number;
}

export interface NotificationConfig {
  /** Start the dispatcher and the alert checks in this process (several instances may). */
  enabled: boolean;
  /** `smtp://user:pass@host:port`; without it emails are written as .eml files under the data directory. */
  smtpUrl: string | undefined;
  mailFrom: string;
  retailerName: string;
  retailerLogoUrl: string | undefined;
  /** Team addresses that get the internal alerts; purchasing also gets low-stock alerts. */
  teamAlertEmails: string[];
  purchasingEmails: string[];
  /** Language of the internal alert emails. */
  teamLocale: EmailLocale;
  /** `{carrier}` and `{tracking}` are filled in for carriers without a known tracking page. */
  trackingUrlTemplate: string;
  dispatcher: DispatcherSettings;
  alerts: AlertSettings;
}

const emailList = z
  .string()
  .transform((raw) =>
    raw
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  )
  .pipe(z.array(z.email()));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const emptyAsMissing = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  NOTIFICATIONS: z.enum(['on', 'off']).default('on'),
  SMTP_URL: z.preprocess(emptyAsMissing, z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.preprocess(emptyAsMissing, z.string().default('Packing OMS <no-reply@oms.example>')),
  RETAILER_NAME: z.preprocess(emptyAsMissing, z.string().default('Packing OMS Demo Shop')),
  RETAILER_LOGO_URL: z.preprocess(emptyAsMissing, z.url({ protocol: /^https?$/ }).optional()),
  ALERT_EMAILS: z.preprocess(emptyAsMissing, emailList.default(['warehouse-team@oms.example'])),
  PURCHASING_EMAILS: z.preprocess(emptyAsMissing, emailList.default(['purchasing@oms.example'])),
  ALERT_LOCALE: z.preprocess(emptyAsMissing, z.enum(EMAIL_LOCALES).default('en')),
  TRACKING_URL_TEMPLATE: z.preprocess(
    emptyAsMissing,
    z.string().default('https://track.oms.example/{carrier}/{tracking}'),
  ),
  DISPATCH_BATCH_SIZE: z.preprocess(emptyAsMissing, positiveInt(50).pipe(z.number().max(1000))),
  DISPATCH_CONCURRENCY: z.preprocess(emptyAsMissing, positiveInt(4).pipe(z.number().max(64))),
  DISPATCH_MAX_ATTEMPTS: z.preprocess(emptyAsMissing, positiveInt(8).pipe(z.number().max(100))),
  DISPATCH_BACKOFF_BASE_MS: z.preprocess(emptyAsMissing, positiveInt(5_000)),
  DISPATCH_BACKOFF_MAX_MS: z.preprocess(emptyAsMissing, positiveInt(3_600_000)),
  DISPATCH_POLL_MS: z.preprocess(emptyAsMissing, positiveInt(5_000)),
  DISPATCH_HEARTBEAT_MS: z.preprocess(emptyAsMissing, positiveInt(1_000).pipe(z.number().min(50))),
  DISPATCH_CLAIM_TIMEOUT_MS: z.preprocess(emptyAsMissing, positiveInt(5_000)),
  WEBHOOK_TIMEOUT_MS: z.preprocess(
    emptyAsMissing,
    positiveInt(10_000).pipe(z.number().max(120_000)),
  ),
  ALERT_CHECK_INTERVAL_MS: z.preprocess(emptyAsMissing, positiveInt(300_000)),
  REORDER_POINT_DEFAULT: z.preprocess(emptyAsMissing, z.coerce.number().int().min(0).default(5)),
  REORDER_QUANTITY_DEFAULT: z.preprocess(emptyAsMissing, positiveInt(50)),
  NOT_SELLING_DAYS: z.preprocess(emptyAsMissing, positiveInt(30)),
  RETURN_RATE_WINDOW_DAYS: z.preprocess(emptyAsMissing, positiveInt(90)),
  RETURN_RATE_TOP_N: z.preprocess(emptyAsMissing, positiveInt(10).pipe(z.number().max(100))),
  DELIVERY_GRACE_DAYS: z.preprocess(
    emptyAsMissing,
    z.coerce.number().int().min(0).max(60).default(1),
  ),
});

export function loadNotificationConfig(env: NodeJS.ProcessEnv): NotificationConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${String(issue.path[0])} is not valid: ${issue.message}`);
  }
  const e = parsed.data;
  const webhookTimeoutMs = e.WEBHOOK_TIMEOUT_MS;
  // A few missed heartbeats (a slow query, a GC pause) must not look like death.
  if (e.DISPATCH_CLAIM_TIMEOUT_MS < 3 * e.DISPATCH_HEARTBEAT_MS)
    throw new Error(
      `DISPATCH_CLAIM_TIMEOUT_MS is not valid: it must be at least 3 × DISPATCH_HEARTBEAT_MS (${3 * e.DISPATCH_HEARTBEAT_MS})`,
    );
  return {
    enabled: e.NOTIFICATIONS === 'on',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    retailerName: e.RETAILER_NAME,
    retailerLogoUrl: e.RETAILER_LOGO_URL,
    teamAlertEmails: e.ALERT_EMAILS,
    purchasingEmails: e.PURCHASING_EMAILS,
    teamLocale: e.ALERT_LOCALE,
    trackingUrlTemplate: e.TRACKING_URL_TEMPLATE,
    dispatcher: {
      batchSize: e.DISPATCH_BATCH_SIZE,
      concurrency: e.DISPATCH_CONCURRENCY,
      maxAttempts: e.DISPATCH_MAX_ATTEMPTS,
      backoffBaseMs: e.DISPATCH_BACKOFF_BASE_MS,
      backoffMaxMs: Math.max(e.DISPATCH_BACKOFF_MAX_MS, e.DISPATCH_BACKOFF_BASE_MS),
      pollIntervalMs: e.DISPATCH_POLL_MS,
      heartbeatMs: e.DISPATCH_HEARTBEAT_MS,
      claimTimeoutMs: e.DISPATCH_CLAIM_TIMEOUT_MS,
      webhookTimeoutMs,
    },
    alerts: {
      checkIntervalMs: e.ALERT_CHECK_INTERVAL_MS,
      defaultReorderPoint: e.REORDER_POINT_DEFAULT,
      defaultReorderQuantity: e.REORDER_QUANTITY_DEFAULT,
      notSellingDays: e.NOT_SELLING_DAYS,
      returnRateWindowDays: e.RETURN_RATE_WINDOW_DAYS,
      returnRateTopN: e.RETURN_RATE_TOP_N,
      deliveryGraceDays: e.DELIVERY_GRACE_DAYS,
    },
  };
}
