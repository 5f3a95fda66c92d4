// The subscription e-mails, in the customer's language (subscription-email-words.ts): welcome,
// reminder, a delivery delayed for stock or missed, a failed payment (and the notice before the
// last try), dunning's end, and the confirmation of a change. Every mail carries the self-service link.
import type { EmailBody, EmailLine, EmailLocale } from '../notifications/email/email-layout';
import { formatMoney } from '../notifications/email/email-layout';
import {
  SUBSCRIPTION_CHANGES,
  SUBSCRIPTION_EMAIL_WORDS,
  type SubscriptionChange,
} from './subscription-email-words';

export type SubscriptionEmailModel =
  | { template: 'created'; firstRenewalDate: string }
  | { template: 'reminder'; renewalDate: string; lastChangeDate: string; amountMinor: number }
  | {
      template: 'stock_short';
      renewalDate: string;
      promisedDate: string;
      missing: string[];
      alternatives: string[];
    }
  | {
      template: 'missed';
      renewalDate: string;
      reason: 'stock' | 'downtime';
      nextRenewalDate: string;
    }
  | {
      template: 'payment_failed';
      renewalDate: string;
      amountMinor: number;
      reason: string;
      nextAttemptOn: string;
      lastNotice: boolean;
      finalAction: 'pause' | 'cancel';
    }
  | {
      template: 'dunning_ended';
      renewalDate: string;
      amountMinor: number;
      attempts: number;
      action: string;
    }
  | { template: 'changed'; change: string; nextRenewalDate: string; state: string };

export interface SubscriptionEmailContext {
  reference: string;
  customerName: string;
  currency: string;
  lines: EmailLine[];
  link: string;
  linkExpiresOn: string;
}

const DAY_LOCALE: Record<EmailLocale, string> = {
  en: 'en-GB',
  nl: 'nl-NL',
  de: 'de-DE',
  fr: 'fr-FR',
};

/** "2026-12-24" → "Thursday, 24 December 2026", "donderdag 24 december 2026", "Donnerstag, 24. …". */
function formatDay(date: string, locale: EmailLocale): string {
  return new Intl.DateTimeFormat(DAY_LOCALE[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

const isChange = (change: string): change is SubscriptionChange =>
  (SUBSCRIPTION_CHANGES as readonly string[]).includes(change);

export function subscriptionEmailBody(
  model: SubscriptionEmailModel,
  ctx: SubscriptionEmailContext,
  locale: EmailLocale,
): EmailBody {
  const w = SUBSCRIPTION_EMAIL_WORDS[locale];
  const day = (d: string) => formatDay(d, locale);
  const money = (m: number) => formatMoney(m, ctx.currency, locale);
  const facts = [
    { label: w.subscription, value: ctx.reference },
    { label: w.manage, value: ctx.link, href: ctx.link },
  ];
  const closing = w.closing(day(ctx.linkExpiresOn));
  const greeting = w.greeting(ctx.customerName);
  const body = (
    subject: string,
    heading: string,
    paragraphs: string[],
    withLines = true,
  ): EmailBody => ({
    subject,
    heading,
    paragraphs: [greeting, ...paragraphs],
    facts,
    lines: withLines ? ctx.lines : undefined,
    closing,
  });
  switch (model.template) {
    case 'created':
      return body(w.created.subject(ctx.reference), w.created.heading, [
        w.created.first(day(model.firstRenewalDate)),
      ]);
    case 'reminder':
      return body(w.reminder.subject(day(model.renewalDate)), w.reminder.heading, [
        w.reminder.charge(day(model.renewalDate), money(model.amountMinor)),
        w.reminder.change(day(model.lastChangeDate)),
      ]);
    case 'stock_short':
      return body(w.stockShort.subject(day(model.renewalDate)), w.stockShort.heading, [
        w.stockShort.missing(model.missing.join(', ')),
        w.stockShort.promised(day(model.promisedDate)),
        model.alternatives.length > 0
          ? w.stockShort.swap(model.alternatives.join(', '))
          : w.stockShort.skip,
      ]);
    case 'missed':
      return body(
        w.missed.subject,
        w.missed.heading,
        [
          model.reason === 'stock'
            ? w.missed.stock(day(model.renewalDate))
            : w.missed.downtime(day(model.renewalDate)),
          w.missed.next(day(model.nextRenewalDate)),
        ],
        false,
      );
    case 'payment_failed': {
      const then = model.finalAction === 'cancel' ? w.cancelled : w.paused;
      return body(
        model.lastNotice ? w.paymentFailed.lastSubject : w.paymentFailed.subject,
        w.paymentFailed.heading,
        [
          w.paymentFailed.failed(money(model.amountMinor), day(model.renewalDate), model.reason),
          w.paymentFailed.retry(day(model.nextAttemptOn)),
          ...(model.lastNotice ? [w.paymentFailed.last(then)] : []),
        ],
      );
    }
    case 'dunning_ended': {
      const state = model.action === 'cancel' ? w.cancelled : w.paused;
      return body(
        w.dunningEnded.subject(state),
        w.dunningEnded.heading(state),
        [
          w.dunningEnded.ended(
            String(model.attempts),
            money(model.amountMinor),
            day(model.renewalDate),
            state,
          ),
          model.action === 'cancel' ? w.dunningEnded.cancelled : w.dunningEnded.paused,
        ],
        false,
      );
    }
    case 'changed': {
      const what = isChange(model.change) ? w.changed.what[model.change] : w.changed.other;
      const next =
        model.state === 'cancelled' || model.state === 'expired'
          ? []
          : [w.changed.next(day(model.nextRenewalDate))];
      return body(w.changed.subject, w.changed.heading, [what, ...next]);
    }
  }
}
