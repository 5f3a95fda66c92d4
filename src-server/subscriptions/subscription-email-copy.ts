// The words of the subscription e-mails, in Dutch and English: welcome, reminder, a delivery
// delayed for stock or missed, a failed payment (and the notice before the last try), dunning's
// end, and the confirmation of a change. Every mail carries the self-service link.
import type { EmailBody, EmailLine, EmailLocale } from '../notifications/email/email-layout';
import { formatMoney } from '../notifications/email/email-layout';
import { formatDay } from './self-service-copy';

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

export function subscriptionEmailBody(
  model: SubscriptionEmailModel,
  ctx: SubscriptionEmailContext,
  locale: EmailLocale,
): EmailBody {
  const nl = locale === 'nl';
  const day = (d: string) => formatDay(d, locale);
  const money = (m: number) => formatMoney(m, ctx.currency, locale);
  const facts = [
    { label: nl ? 'Abonnement' : 'Subscription', value: ctx.reference },
    {
      label: nl ? 'Beheer je abonnement' : 'Manage your subscription',
      value: ctx.link,
      href: ctx.link,
    },
  ];
  const closing = nl
    ? `De link werkt tot ${day(ctx.linkExpiresOn)}. Met vriendelijke groet,`
    : `The link works until ${day(ctx.linkExpiresOn)}. Kind regards,`;
  const greeting = nl ? `Beste ${ctx.customerName},` : `Dear ${ctx.customerName},`;
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
      return nl
        ? body(`Je abonnement ${ctx.reference} staat klaar`, 'Welkom bij je abonnement', [
            `Je eerste levering via je abonnement is op ${day(model.firstRenewalDate)}. Overslaan, pauzeren of wijzigen kan altijd via de link hieronder.`,
          ])
        : body(`Your subscription ${ctx.reference} is set up`, 'Welcome to your subscription', [
            `Your first subscription delivery is on ${day(model.firstRenewalDate)}. You can skip, pause or change it any time through the link below.`,
          ]);
    case 'reminder':
      return nl
        ? body(
            `Je volgende levering op ${day(model.renewalDate)}`,
            'Binnenkort je volgende levering',
            [
              `Op ${day(model.renewalDate)} schrijven we ${money(model.amountMinor)} af en versturen we je levering.`,
              `Wil je deze levering overslaan of wijzigen? Dat kan tot en met ${day(model.lastChangeDate)} via de link hieronder.`,
            ],
          )
        : body(
            `Your next delivery on ${day(model.renewalDate)}`,
            'Your next delivery is coming up',
            [
              `On ${day(model.renewalDate)} we will charge ${money(model.amountMinor)} and send your delivery.`,
              `Want to skip or change it? You can until ${day(model.lastChangeDate)} through the link below.`,
            ],
          );
    case 'stock_short': {
      const swap =
        model.alternatives.length > 0
          ? nl
            ? `Liever nu iets anders? Ruil via de link hieronder, bijvoorbeeld voor: ${model.alternatives.join(', ')}.`
            : `Rather have something else now? Swap through the link below, for instance for: ${model.alternatives.join(', ')}.`
          : nl
            ? 'Je kunt deze levering ook overslaan via de link hieronder.'
            : 'You can also skip this delivery through the link below.';
      return nl
        ? body(`Je levering van ${day(model.renewalDate)} is vertraagd`, 'Nog niet op voorraad', [
            `${model.missing.join(', ')} is op dit moment niet op voorraad. We hebben nog niets afgeschreven.`,
            `We verwachten je levering uiterlijk ${day(model.promisedDate)} te versturen en schrijven pas dan af.`,
            swap,
          ])
        : body(`Your delivery of ${day(model.renewalDate)} is delayed`, 'Not in stock yet', [
            `${model.missing.join(', ')} is out of stock at the moment. You have not been charged.`,
            `We expect to send your delivery by ${day(model.promisedDate)} and will only charge you then.`,
            swap,
          ]);
    }
    case 'missed': {
      const why =
        model.reason === 'stock'
          ? nl
            ? `We konden je levering van ${day(model.renewalDate)} niet op voorraad krijgen en hebben hem overgeslagen.`
            : `We could not get your delivery of ${day(model.renewalDate)} in stock and have skipped it.`
          : nl
            ? `Je levering van ${day(model.renewalDate)} kon niet op tijd worden verstuurd en is overgeslagen.`
            : `Your delivery of ${day(model.renewalDate)} could not be sent on time and has been skipped.`;
      return nl
        ? body(
            'Een levering is overgeslagen',
            'Levering overgeslagen',
            [
              why,
              `Er is niets afgeschreven. Je volgende levering is op ${day(model.nextRenewalDate)}.`,
            ],
            false,
          )
        : body(
            'A delivery was skipped',
            'Delivery skipped',
            [
              why,
              `You have not been charged. Your next delivery is on ${day(model.nextRenewalDate)}.`,
            ],
            false,
          );
    }
    case 'payment_failed': {
      const then =
        model.finalAction === 'cancel'
          ? nl
            ? 'opgezegd'
            : 'cancelled'
          : nl
            ? 'gepauzeerd'
            : 'paused';
      const last = model.lastNotice
        ? [
            nl
              ? `Dit is de laatste poging: lukt die niet, dan wordt de levering geannuleerd en je abonnement ${then}.`
              : `That is our last attempt: if it fails, the delivery is cancelled and your subscription ${then}.`,
          ]
        : [];
      return nl
        ? body(
            model.lastNotice
              ? 'Laatste poging: je betaling is niet gelukt'
              : 'Je betaling is niet gelukt',
            'Betaling niet gelukt',
            [
              `We konden ${money(model.amountMinor)} voor je levering van ${day(model.renewalDate)} niet afschrijven (${model.reason}).`,
              `We proberen het opnieuw op ${day(model.nextAttemptOn)}. Zorg dat er genoeg saldo is, of neem contact met ons op om je betaalmethode te wijzigen.`,
              ...last,
            ],
          )
        : body(
            model.lastNotice
              ? 'Last attempt: we could not collect your payment'
              : 'We could not collect your payment',
            'Payment failed',
            [
              `We could not charge ${money(model.amountMinor)} for your delivery of ${day(model.renewalDate)} (${model.reason}).`,
              `We will try again on ${day(model.nextAttemptOn)}. Please make sure the funds are there, or contact us to change your payment method.`,
              ...last,
            ],
          );
    }
    case 'dunning_ended': {
      const state =
        model.action === 'cancel' ? (nl ? 'opgezegd' : 'cancelled') : nl ? 'gepauzeerd' : 'paused';
      return nl
        ? body(
            `Je abonnement is ${state}`,
            `Abonnement ${state}`,
            [
              `Na ${model.attempts} pogingen konden we ${money(model.amountMinor)} voor je levering van ${day(model.renewalDate)} niet afschrijven. De levering is geannuleerd en je abonnement is ${state}.`,
              model.action === 'cancel'
                ? 'Je kunt altijd een nieuw abonnement afsluiten.'
                : 'Hervatten kan via de link hieronder zodra je betaling weer in orde is.',
            ],
            false,
          )
        : body(
            `Your subscription is ${state}`,
            `Subscription ${state}`,
            [
              `After ${model.attempts} attempts we could not charge ${money(model.amountMinor)} for your delivery of ${day(model.renewalDate)}. The delivery is cancelled and your subscription is ${state}.`,
              model.action === 'cancel'
                ? 'You are welcome to subscribe again any time.'
                : 'You can resume it through the link below once your payment is in order.',
            ],
            false,
          );
    }
    case 'changed': {
      const what: Record<string, [string, string]> = {
        skipped: ['De volgende levering wordt overgeslagen.', 'The next delivery is skipped.'],
        paused: ['Je abonnement is gepauzeerd.', 'Your subscription is paused.'],
        resumed: ['Je abonnement is hervat.', 'Your subscription is resumed.'],
        cancelled: ['Je abonnement is opgezegd.', 'Your subscription is cancelled.'],
        date_changed: [
          'De datum van je volgende levering is gewijzigd.',
          'The date of your next delivery has changed.',
        ],
        quantity_changed: ['Het aantal is gewijzigd.', 'The quantity has changed.'],
        product_swapped: ['Een product is geruild.', 'A product has been swapped.'],
        address_changed: ['Je afleveradres is gewijzigd.', 'Your delivery address has changed.'],
        payment_changed: ['Je betaalmethode is gewijzigd.', 'Your payment method has changed.'],
        email_changed: [
          'Je e-mails komen voortaan op dit adres; eerder gestuurde links werken niet meer.',
          'Your e-mails now come to this address; links sent before no longer work.',
        ],
        links_revoked: [
          'Eerder gestuurde links werken niet meer; gebruik de link in deze e-mail.',
          'Links sent before no longer work; use the link in this e-mail.',
        ],
      };
      const [nlText, enText] = what[model.change] ?? [
        'Je abonnement is gewijzigd.',
        'Your subscription has changed.',
      ];
      const next =
        model.state === 'cancelled' || model.state === 'expired'
          ? []
          : [
              nl
                ? `Je volgende levering is op ${day(model.nextRenewalDate)}.`
                : `Your next delivery is on ${day(model.nextRenewalDate)}.`,
            ];
      return nl
        ? body('Je abonnement is gewijzigd', 'Wijziging bevestigd', [nlText, ...next])
        : body('Your subscription has been changed', 'Change confirmed', [enText, ...next]);
    }
  }
}
