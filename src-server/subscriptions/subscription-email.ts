// The subscription e-mail consumer: turns subscription outbox events into e-mails in the
// customer's language, each with the self-service link (signed at delivery from the day the event
// was written on the injected clock, so a retried delivery sends the same link).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { DeliveryFailure } from '../outbox/consumer';
import type { DispatchedEvent, OutboxConsumer } from '../outbox/consumer';
import { sendNotificationEmail } from '../notifications/email/compose-email';
import { emailLocale, formatMoney } from '../notifications/email/email-layout';
import type { Brand } from '../notifications/email/email-layout';
import type { Mailer } from '../notifications/email/mailer';
import { readCatalogue } from '../orders/priced-order';
import { selfServiceUrl, signLink } from './self-service-links';
import { addDays, dateIn } from './subscription-calendar';
import type { SubscriptionSettings } from './subscription-config';
import { subscriptionEmailBody } from './subscription-email-copy';
import type { SubscriptionEmailModel } from './subscription-email-copy';
import { renewalUnitPrice } from './subscription-pricing';
import { loadLines, loadPlans } from './subscription-store';

export const SUBSCRIPTION_EMAIL_EVENTS = [
  'subscription.created',
  'subscription.changed',
  'subscription.renewal_reminder',
  'subscription.stock_short',
  'subscription.renewal_missed',
  'subscription.payment_failed',
  'subscription.dunning_ended',
] as const;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// `issuedOn` is the writer's (injected) today; events written before it existed fall back to the
// event's time.
const base = z.object({ subscriptionId: z.uuid(), issuedOn: date.optional() });
const payloads = {
  'subscription.created': base.extend({ firstRenewalDate: date }),
  'subscription.changed': base.extend({ change: z.string() }),
  'subscription.renewal_reminder': base.extend({ renewalDate: date, cutoffDate: date }),
  'subscription.stock_short': base.extend({
    renewalDate: date,
    promisedDate: date,
    shortage: z.object({ lines: z.array(z.object({ sku: z.string(), quantity: z.number() })) }),
  }),
  'subscription.renewal_missed': base.extend({
    renewalDate: date,
    reason: z.enum(['stock', 'downtime']),
    nextRenewalDate: date,
  }),
  'subscription.payment_failed': base.extend({
    renewalDate: date,
    amountMinor: z.number().int(),
    reason: z.string(),
    nextAttemptOn: date,
    lastNotice: z.boolean(),
    finalAction: z.enum(['pause', 'cancel']),
  }),
  'subscription.dunning_ended': base.extend({
    renewalDate: date,
    amountMinor: z.number().int(),
    attempts: z.number().int(),
    action: z.string(),
  }),
};
type EmailEvent = keyof typeof payloads;

function parse<T extends EmailEvent>(
  type: T,
  event: DispatchedEvent,
): z.infer<(typeof payloads)[T]> {
  const parsed = payloads[type].safeParse(event.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DeliveryFailure(`${type} payload.${issue.path.join('.')}: ${issue.message}`, {
      permanent: true,
    });
  }
  return parsed.data as z.infer<(typeof payloads)[T]>;
}

export interface SubscriptionEmailSettings {
  brand: Brand;
  subscriptions: SubscriptionSettings;
}

export function subscriptionEmailConsumer(
  db: Kysely<Database>,
  mailer: Mailer,
  settings: SubscriptionEmailSettings,
): OutboxConsumer {
  const sends = new Set<string>(SUBSCRIPTION_EMAIL_EVENTS);
  const target = [{ consumer: 'subscription-email', subscriptionId: null }];
  const { links, timeZone } = settings.subscriptions;
  return {
    kind: 'subscription-email',
    targets: async () => (type) => (sends.has(type) ? target : []),
    async deliver(job) {
      const type = job.event.type as EmailEvent;
      if (!(type in payloads))
        return { outcome: 'skipped', responseExcerpt: `No subscription e-mail for ${type}.` };
      const { subscriptionId, issuedOn: writtenOn } = base.parse(job.event.payload);
      const row = await db
        .selectFrom('subscriptions')
        .selectAll()
        .where('id', '=', subscriptionId)
        .executeTakeFirst();
      if (!row)
        throw new DeliveryFailure(`Subscription ${subscriptionId} was not found.`, {
          permanent: true,
        });
      const locale = emailLocale(row.locale);
      const [plans, lineMap] = await Promise.all([
        loadPlans(db, [row.plan_id]),
        loadLines(db, [row.id]),
      ]);
      const plan = plans.get(row.plan_id)!.rules;
      const own = lineMap.get(row.id) ?? [];
      const catalogue = new Map(
        (
          await readCatalogue(db, row.currency, [
            ...new Set([...own.map((l) => l.sku), ...plan.skus]),
          ])
        ).map((r) => [r.sku, r]),
      );
      const nameOf = (sku: string) => catalogue.get(sku)?.name ?? sku;
      const unit = (l: (typeof own)[number]) =>
        renewalUnitPrice(plan, {
          signupUnitPriceMinor: l.signupUnitPriceMinor,
          currentUnitPriceMinor: catalogue.get(l.sku)?.unit_price_minor ?? null,
        }) ?? 0;

      let model: SubscriptionEmailModel;
      switch (type) {
        case 'subscription.created':
          model = {
            template: 'created',
            firstRenewalDate: parse(type, job.event).firstRenewalDate,
          };
          break;
        case 'subscription.changed':
          model = {
            template: 'changed',
            change: parse(type, job.event).change,
            nextRenewalDate: row.next_renewal_date,
            state: row.state,
          };
          break;
        case 'subscription.renewal_reminder': {
          const p = parse(type, job.event);
          model = {
            template: 'reminder',
            renewalDate: p.renewalDate,
            lastChangeDate: p.cutoffDate,
            amountMinor: own.reduce((sum, l) => sum + unit(l) * l.quantity, 0),
          };
          break;
        }
        case 'subscription.stock_short': {
          const p = parse(type, job.event);
          const short = new Set(p.shortage.lines.map((l) => l.sku));
          const inStock = await sql<{ sku: string }>`
            select s.sku from stock s where s.sku in (${sql.join([...plan.skus])})
            group by s.sku
            having sum(s.on_hand) > coalesce((select sum(quantity) from reservations r where r.sku = s.sku and r.released_at is null), 0)`.execute(
            db,
          );
          model = {
            template: 'stock_short',
            renewalDate: p.renewalDate,
            promisedDate: p.promisedDate,
            missing: [...short].map(nameOf),
            alternatives: inStock.rows
              .map((r) => r.sku)
              .filter((sku) => !short.has(sku))
              .map(nameOf),
          };
          break;
        }
        case 'subscription.renewal_missed': {
          const p = parse(type, job.event);
          model = {
            template: 'missed',
            renewalDate: p.renewalDate,
            reason: p.reason,
            nextRenewalDate: p.nextRenewalDate,
          };
          break;
        }
        case 'subscription.payment_failed':
          model = { template: 'payment_failed', ...parse(type, job.event) };
          break;
        case 'subscription.dunning_ended':
          model = { template: 'dunning_ended', ...parse(type, job.event) };
          break;
      }
      const expiresOn = addDays(
        writtenOn ?? dateIn(timeZone, job.event.createdAt),
        links.validDays,
      );
      const link = selfServiceUrl(
        links.baseUrl,
        signLink(links.secret, { subscriptionId: row.id, expiresOn }, row.link_epoch),
      );
      const customer = row.customer;
      const body = subscriptionEmailBody(
        model,
        {
          reference: row.reference,
          customerName: customer.type === 'person' ? customer.name : customer.buyer.name,
          currency: row.currency,
          lines: own.map((l) => ({
            name: nameOf(l.sku),
            quantity: l.quantity,
            amount: formatMoney(unit(l) * l.quantity, row.currency, locale),
          })),
          link,
          linkExpiresOn: expiresOn,
        },
        locale,
      );
      return sendNotificationEmail(mailer, settings.brand, job, { to: [row.email], locale, body });
    },
  };
}
