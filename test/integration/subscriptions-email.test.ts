// The stock-short and payment-failed paths as the people involved read them, from a real SMTP
// server: the customer told the new date (not charged) and purchasing alerted; dunning notices in
// the customer's language, the last one saying what happens next, then the pause.
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer } from '../../src-server/notifications/email/mailer';
import { notificationConsumers } from '../../src-server/notifications/notifications-runtime';
import { OutboxDispatcher } from '../../src-server/outbox/dispatcher';
import { BACKENDS } from '../support/server-harness';
import { startSmtpSink, testNotificationConfig, waitUntil } from './notifications-support';
import { createPlan, createSubscription, startSubscriptionWorld } from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

const MANDATE = { provider: 'mollie', customerId: 'cst_mails1234', mandateId: 'mdt_mails1234' };

describe.each(BACKENDS)('subscription e-mails on %s', (backend) => {
  let world: SubscriptionWorld | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
  let mailer: ReturnType<typeof createMailer> | undefined;
  afterEach(async () => {
    mailer?.close();
    await smtp?.close();
    await world?.close();
  });

  async function start(label: string, stock: Record<string, { 'NL-TIL': number }>) {
    world = await startSubscriptionWorld(backend, label, { stock });
    smtp = await startSmtpSink();
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'shop@shop.example',
      mailDir: '/nonexistent',
    });
    const config = testNotificationConfig();
    const dispatcher = new OutboxDispatcher({
      db: world.db,
      consumers: notificationConsumers(world.db, mailer, config, world.config.subscriptions),
      settings: config.dispatcher,
    });
    const sink = smtp;
    const mailsTo = async (address: string, count: number) => {
      await waitUntil(
        async () => {
          await dispatcher.runOnce();
          return sink.to(address).length >= count;
        },
        10_000,
        `${count} mails to ${address}`,
      );
      return sink.to(address);
    };
    return { world, mailsTo };
  }
  const emailOf = async (w: SubscriptionWorld, id: string) =>
    (
      await w.db
        .selectFrom('subscriptions')
        .select('email')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).email;

  it('stock short: the customer hears the new date and that nothing was charged, offered a swap; purchasing is alerted', async () => {
    const { world: w, mailsTo } = await start('sub_mail_short', {
      'SKU-1': { 'NL-TIL': 1 },
      'SKU-2': { 'NL-TIL': 50 },
    });
    const plan = await createPlan(w, { skus: ['SKU-1', 'SKU-2'] });
    const sub = await createSubscription(w, plan.code);
    const email = await emailOf(w, sub.id);
    w.clock.setDay('2026-03-09');
    await w.scheduler().runOnce();
    const mails = await mailsTo(email, 2); // welcome, then the delay
    const delayed = mails.find((m) => m.subject?.includes('is vertraagd'));
    expect(delayed).toBeDefined();
    expect(delayed!.text).toContain('We hebben nog niets afgeschreven');
    expect(delayed!.text).toContain('Product SKU-2'); // the swap on offer
    const [alert] = await mailsTo('buyer@shop.example', 1);
    expect(alert!.subject).toContain(sub.reference);
    expect(alert!.text).toContain('SKU-1');
  });

  it('dunning: two Dutch notices, the second the last before the pause, then the pause', async () => {
    const { world: w, mailsTo } = await start('sub_mail_dunning', { 'SKU-1': { 'NL-TIL': 50 } });
    const plan = await createPlan(w);
    const sub = await createSubscription(w, plan.code, { payment: MANDATE });
    w.mollie.mandates.set(MANDATE.mandateId, {
      customerId: MANDATE.customerId,
      outcomes: ['failed', 'failed', 'failed'],
    });
    const email = await emailOf(w, sub.id);
    const scheduler = w.scheduler();
    for (const day of ['2026-03-09', '2026-03-12', '2026-03-15']) {
      w.clock.setDay(day);
      await scheduler.runOnce();
    }
    // Welcome, the order confirmation, two notices, the pause (delivery order is not mail order).
    const mails = await mailsTo(email, 5);
    const bodies = mails.map((m) => m.text ?? '');
    const notices = bodies.filter(
      (t) => t.includes('niet afschrijven') && t.includes('opnieuw op'),
    );
    expect(notices).toHaveLength(2);
    expect(notices.filter((t) => t.includes('laatste poging'))).toHaveLength(1);
    const ended = mails.filter((m) => m.subject?.startsWith('Je abonnement is '));
    expect(ended).toHaveLength(1);
    expect(ended[0]!.text).toContain('Na 3 pogingen');
  });
});
