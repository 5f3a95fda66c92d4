// The customer's e-mailed self-service link, end to end: the welcome and reminder e-mails read from
// a real SMTP server carry a signed link; through it the customer skips, changes a quantity,
// pauses, resumes and cancels, each on record as the customer's; a bad form answers a 422 page and
// changes nothing; a tampered, foreign or expired link opens nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src-server/notifications/email/mailer';
import { notificationConsumers } from '../../src-server/notifications/notifications-runtime';
import { OutboxDispatcher } from '../../src-server/outbox/dispatcher';
import { readLink } from '../../src-server/subscriptions/self-service-links';
import { addDays } from '../../src-server/subscriptions/subscription-calendar';
import { BACKENDS } from '../support/server-harness';
import { startSmtpSink, testNotificationConfig, waitUntil } from './notifications-support';
import { createPlan, createSubscription, startSubscriptionWorld } from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

const TOKEN = /\/s\/([0-9a-f]{32}\.[0-9a-z]{1,6}\.[A-Za-z0-9_-]{22})/;

describe.each(BACKENDS)('self-service links on %s', (backend) => {
  let world: SubscriptionWorld;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: ReturnType<typeof createMailer>;
  let dispatcher: OutboxDispatcher;
  let planCode: string;

  beforeAll(async () => {
    world = await startSubscriptionWorld(backend, 'self_service', {
      stock: { 'SKU-1': { 'NL-TIL': 100 }, 'SKU-2': { 'NL-TIL': 100 } },
    });
    smtp = await startSmtpSink();
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'shop@shop.example',
      mailDir: '/nonexistent',
    });
    const config = testNotificationConfig();
    dispatcher = new OutboxDispatcher({
      db: world.db,
      consumers: notificationConsumers(world.db, mailer, config, world.config.subscriptions),
      settings: config.dispatcher,
    });
    planCode = (await createPlan(world, { skus: ['SKU-1', 'SKU-2'] })).code;
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await world.close();
  });

  const mailsTo = async (address: string, count: number) => {
    await waitUntil(
      async () => {
        await dispatcher.runOnce();
        return smtp.to(address).length >= count;
      },
      10_000,
      `${count} mails to ${address}`,
    );
    return smtp.to(address);
  };
  const tokenIn = (text: string | undefined) => TOKEN.exec(text ?? '')?.[1];
  const post = (token: string, action: string, form: Record<string, string> = {}) =>
    world.app.inject({
      method: 'POST',
      url: `/s/${token}/${action}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    });
  const stateOf = (id: string) =>
    world.db
      .selectFrom('subscriptions')
      .select(['state', 'next_renewal_date', 'paused_until'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('welcome and reminder e-mails in Dutch carry the link; through it the customer skips, changes, pauses, resumes and cancels', async () => {
    world.clock.setDay('2026-03-02');
    const sub = await createSubscription(world, planCode);
    const email = (
      await world.db
        .selectFrom('subscriptions')
        .select('email')
        .where('id', '=', sub.id)
        .executeTakeFirstOrThrow()
    ).email;
    const [welcome] = await mailsTo(email, 1);
    expect(welcome!.subject).toBe(`Je abonnement ${sub.reference} staat klaar`);
    const token = tokenIn(welcome!.text)!;
    expect(token).toBeDefined();

    // The reminder goes out 3 days before the renewal of 03-09.
    world.clock.setDay('2026-03-06');
    await world.scheduler().runOnce();
    const mails = await mailsTo(email, 2);
    const reminder = mails.find((m) => m.subject?.startsWith('Je volgende levering'));
    expect(reminder).toBeDefined();
    // Each e-mail's link lasts 60 days from the day it was written: the reminder's from 03-06.
    const reminded = readLink(tokenIn(reminder!.text)!)!;
    expect([reminded.subscriptionId, reminded.expiresOn]).toEqual([sub.id, '2026-05-05']);
    expect(readLink(token)!.expiresOn).toBe('2026-05-01');

    const page = await world.app.inject({ method: 'GET', url: `/s/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(sub.reference);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");

    const skip = await post(token, 'skip');
    expect(skip.statusCode).toBe(303);
    expect(await stateOf(sub.id)).toMatchObject({
      state: 'active',
      next_renewal_date: '2026-03-16',
    });

    const bad = await post(token, 'quantity', { lineNo: '1', quantity: '0' });
    expect(bad.statusCode).toBe(422);
    const qty = await post(token, 'quantity', { lineNo: '1', quantity: '5' });
    expect(qty.statusCode).toBe(303);
    const lines = await world.db
      .selectFrom('subscription_lines')
      .select(['quantity'])
      .where('subscription_id', '=', sub.id)
      .execute();
    expect(lines).toEqual([{ quantity: 5 }]);

    expect((await post(token, 'pause', { until: '2026-04-01' })).statusCode).toBe(303);
    expect(await stateOf(sub.id)).toMatchObject({ state: 'paused', paused_until: '2026-04-01' });
    expect((await post(token, 'resume')).statusCode).toBe(303);
    expect((await stateOf(sub.id)).state).toBe('active');
    expect((await post(token, 'cancel', { confirm: 'yes' })).statusCode).toBe(303);
    expect((await stateOf(sub.id)).state).toBe('cancelled');

    const history = await world.db
      .selectFrom('subscription_events')
      .select(['type', 'actor'])
      .where('subscription_id', '=', sub.id)
      .where('actor', '=', 'customer')
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.type)).toEqual([
      'skipped',
      'quantity_changed',
      'paused',
      'resumed',
      'cancelled',
    ]);
  });

  it('speaks the German subscriber’s language, switches to French on request, and names the other languages', async () => {
    world.clock.setDay('2026-03-02');
    const sub = await createSubscription(world, planCode, {
      customer: {
        type: 'person',
        name: 'Lena Schmidt',
        email: 'lena.schmidt@example.com',
        locale: 'de',
      },
    });
    const token = tokenIn((await mailsTo('lena.schmidt@example.com', 1))[0]!.text)!;
    const page = await world.app.inject({ method: 'GET', url: `/s/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="de">');
    expect(page.body).toContain(`Ihr Abonnement ${sub.reference}`);
    expect(page.body).toContain('Nächste Lieferung');
    for (const [lang, name] of [
      ['en', 'English'],
      ['nl', 'Nederlands'],
      ['fr', 'Français'],
    ])
      expect(page.body).toContain(
        `href="/s/${token}?lang=${lang}" lang="${lang}" hreflang="${lang}">${name}</a>`,
      );
    expect(page.body).not.toContain('>Deutsch</a>');

    const french = await world.app.inject({ method: 'GET', url: `/s/${token}?lang=fr` });
    expect(french.body).toContain('<html lang="fr">');
    expect(french.body).toContain(`Votre abonnement ${sub.reference}`);
    const refused = await world.app.inject({
      method: 'POST',
      url: `/s/${token}/quantity?lang=fr`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'lineNo=1&quantity=0',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Cela n’a pas fonctionné');

    const unknown = await world.app.inject({ method: 'GET', url: `/s/not-a-token?lang=de` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Dieser Link ist ungültig.');
  });

  it('opens nothing for a tampered link, another subscription’s id under a valid signature, or an expired link', async () => {
    world.clock.setDay('2026-03-02');
    const sub = await createSubscription(world, planCode);
    const other = await createSubscription(world, planCode);
    const email = (
      await world.db
        .selectFrom('subscriptions')
        .select('email')
        .where('id', '=', sub.id)
        .executeTakeFirstOrThrow()
    ).email;
    const token = tokenIn((await mailsTo(email, 1))[0]!.text)!;
    const [id, expiry, mac] = token.split('.') as [string, string, string];
    const flipped = `${id}.${expiry}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    const foreign = `${other.id.replace(/-/g, '')}.${expiry}.${mac}`;
    // Longer than any token (beyond Fastify's parameter length): not found, never the back office.
    const long = await world.app.inject({ method: 'GET', url: `/s/${'x'.repeat(500)}` });
    expect(long.statusCode).toBe(404);
    expect(long.json()).toMatchObject({ code: 'not_found' });
    for (const bad of [flipped, foreign, 'not-a-token', 'x'.repeat(99)]) {
      const res = await world.app.inject({ method: 'GET', url: `/s/${bad}` });
      expect(res.statusCode).toBe(404);
      const change = await post(bad, 'skip');
      expect(change.statusCode).toBe(404);
    }
    expect((await stateOf(sub.id)).next_renewal_date).toBe(sub.nextRenewal.date);
    expect((await stateOf(other.id)).next_renewal_date).toBe(other.nextRenewal.date);

    // Valid through its last day (60 days after the e-mail), refused the day after.
    const { expiresOn } = readLink(token)!;
    world.clock.setDay(expiresOn);
    expect((await world.app.inject({ method: 'GET', url: `/s/${token}` })).statusCode).toBe(200);
    world.clock.setDay(addDays(expiresOn, 1));
    expect((await world.app.inject({ method: 'GET', url: `/s/${token}` })).statusCode).toBe(410);
    expect((await post(token, 'skip')).statusCode).toBe(410);
  });
});
