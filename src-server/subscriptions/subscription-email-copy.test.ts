import { describe, expect, it } from 'vitest';
import { subscriptionEmailBody, type SubscriptionEmailContext } from './subscription-email-copy';

const ctx: SubscriptionEmailContext = {
  reference: 'SUB-000042',
  customerName: 'Anna',
  currency: 'EUR',
  lines: [{ name: 'Coffee beans', quantity: 2 }],
  link: 'https://shop.example/s/abc',
  linkExpiresOn: '2026-12-31',
};

const reminder = {
  template: 'reminder',
  renewalDate: '2026-12-24',
  lastChangeDate: '2026-12-21',
  amountMinor: 2495,
} as const;

describe('subscription e-mails', () => {
  it('keep the English and Dutch words', () => {
    expect(subscriptionEmailBody(reminder, ctx, 'en').paragraphs[1]).toBe(
      'On Thursday, 24 December 2026 we will charge €24.95 and send your delivery.',
    );
    expect(subscriptionEmailBody(reminder, ctx, 'nl').subject).toBe(
      'Je volgende levering op donderdag 24 december 2026',
    );
  });

  it('speak German and French, with dates and money in that language', () => {
    const de = subscriptionEmailBody(reminder, ctx, 'de');
    expect(de.subject).toBe('Ihre nächste Lieferung am Donnerstag, 24. Dezember 2026');
    expect(de.paragraphs[0]).toBe('Guten Tag Anna,');
    expect(de.paragraphs[1]).toMatch(/^Am Donnerstag, 24\. Dezember 2026 buchen wir 24,95\s€ ab/);
    expect(de.facts![1]!.label).toBe('Abonnement verwalten');
    const fr = subscriptionEmailBody(
      {
        template: 'dunning_ended',
        renewalDate: '2026-12-24',
        amountMinor: 2495,
        attempts: 3,
        action: 'cancel',
      },
      ctx,
      'fr',
    );
    expect(fr.subject).toBe('Votre abonnement est résilié');
    expect(fr.paragraphs[2]).toBe('Vous pouvez vous réabonner à tout moment.');
  });

  it('names an unknown change generically and charges yen without decimals', () => {
    const changed = subscriptionEmailBody(
      { template: 'changed', change: 'toString', nextRenewalDate: '2026-12-24', state: 'active' },
      ctx,
      'de',
    );
    expect(changed.paragraphs[1]).toBe('Ihr Abonnement wurde geändert.');
    const yen = subscriptionEmailBody(
      { ...reminder, amountMinor: 1234 },
      { ...ctx, currency: 'JPY' },
      'en',
    );
    expect(yen.paragraphs[1]).toContain('JP¥1,234');
  });
});
