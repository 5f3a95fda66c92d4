// Revoking self-service links on both databases: customer service (or the channel) revokes every
// link sent so far, or changes the customer's e-mail address, which does the same; the old link then
// opens nothing, the confirmation e-mail carries a link that works. A link's last day counts from
// the day its e-mail was written on the injected clock, the same clock the page checks it against.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src-server/notifications/email/mailer';
import { notificationConsumers } from '../../src-server/notifications/notifications-runtime';
import { OutboxDispatcher } from '../../src-server/outbox/dispatcher';
import { readLink } from '../../src-server/subscriptions/self-service-links';
import { BACKENDS } from '../support/server-harness';
import { startSmtpSink, testNotificationConfig, waitUntil } from './notifications-support';
import {
  changeSubscription,
  createPlan,
  createSubscription,
  startSubscriptionWorld,
} from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

const TOKEN = /\/s\/([0-9a-f]{32}\.[0-9a-z]{1,6}\.[A-Za-z0-9_-]{22})/g;

describe.each(BACKENDS)('self-service link revocation on %s', (backend) => {
  let world: SubscriptionWorld;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: ReturnType<typeof createMailer>;
  let dispatcher: OutboxDispatcher;
  let planCode: string;

  beforeAll(async () => {
    world = await startSubscriptionWorld(backend, 'link_revocation');
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
    planCode = (await createPlan(world)).code;
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
  const tokenIn = (text: string | undefined) => [...(text ?? '').matchAll(TOKEN)][0]?.[1];
  const opens = async (token: string) =>
    (await world.app.inject({ method: 'GET', url: `/s/${token}` })).statusCode;
  const emailOf = async (id: string) =>
    (
      await world.db
        .selectFrom('subscriptions')
        .select('email')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).email;

  it('a link is valid for 60 days from the day its e-mail was written on the injected clock', async () => {
    world.clock.setDay('2026-03-02');
    const sub = await createSubscription(world, planCode);
    // The mail goes out days later (the dispatcher was down): the link still counts from 03-02.
    world.clock.setDay('2026-03-05');
    const token = tokenIn((await mailsTo(await emailOf(sub.id), 1))[0]!.text)!;
    expect(readLink(token)!.expiresOn).toBe('2026-05-01');
    world.clock.setDay('2026-05-01');
    expect(await opens(token)).toBe(200);
    world.clock.setDay('2026-05-02');
    expect(await opens(token)).toBe(410);
  });

  it('revoking the links: the old link opens nothing, the confirmation carries one that works', async () => {
    world.clock.setDay('2026-03-02');
    const sub = await createSubscription(world, planCode);
    const email = await emailOf(sub.id);
    const old = tokenIn((await mailsTo(email, 1))[0]!.text)!;
    expect(await opens(old)).toBe(200);
    const revoked = await changeSubscription(world, sub.id, { type: 'revoke_links' });
    expect(revoked.statusCode).toBe(200);
    expect(await opens(old)).toBe(404);
    const skip = await world.app.inject({
      method: 'POST',
      url: `/s/${old}/skip`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(skip.statusCode).toBe(404);
    const fresh = tokenIn((await mailsTo(email, 2))[1]!.text)!;
    expect(fresh).not.toBe(old);
    expect(await opens(fresh)).toBe(200);
    const history = await world.db
      .selectFrom('subscription_events')
      .select(['type', 'actor'])
      .where('subscription_id', '=', sub.id)
      .execute();
    expect(history).toContainEqual({ type: 'links_revoked', actor: 'admin' });
  });

  it('a new e-mail address revokes the links sent to the old one; the next e-mail goes to the new one', async () => {
    world.clock.setDay('2026-03-02');
    const sub = await createSubscription(world, planCode);
    const before = await emailOf(sub.id);
    const old = tokenIn((await mailsTo(before, 1))[0]!.text)!;

    const bad = await changeSubscription(world, sub.id, { type: 'change_email', email: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('email');
    const same = await changeSubscription(world, sub.id, {
      type: 'change_email',
      email: before.toUpperCase(),
    });
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({ code: 'same_email', field: 'email' });
    expect(await opens(old)).toBe(200);

    const after = `moved.${sub.reference.toLowerCase()}@example.org`;
    const changed = await changeSubscription(world, sub.id, { type: 'change_email', email: after });
    expect(changed.statusCode).toBe(200);
    expect(await emailOf(sub.id)).toBe(after);
    expect(await opens(old)).toBe(404);
    const [confirmation] = await mailsTo(after, 1);
    const fresh = tokenIn(confirmation!.text)!;
    expect(await opens(fresh)).toBe(200);
    expect(smtp.to(before)).toHaveLength(1);
  });
});
