// Customer service sends a customer e-mail of an order again: the mail reaches a real SMTP
// server composed from current data under the resend's own dedupe id, with an audit entry and a
// timeline event; refusals name what is wrong, and people without the role get 403.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src-server/notifications/email/mailer';
import { notificationConsumers } from '../../src-server/notifications/notifications-runtime';
import { CUSTOMER_EMAIL_KINDS } from '../../src-server/orders/resend-email';
import { OutboxDispatcher } from '../../src-server/outbox/dispatcher';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { makePerson, sessionFor } from '../support/people-fixtures';
import { BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import { startSmtpSink, testNotificationConfig, waitUntil } from './notifications-support';

describe.each(BACKENDS)('resending a customer e-mail on %s', (backend) => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let dispatcher: OutboxDispatcher;
  let mailer: ReturnType<typeof createMailer>;
  let desk: Record<string, string>;
  const config = testNotificationConfig();
  let n = 0;

  const placeOrder = async (email: string) => {
    n += 1;
    const order = makeOrder({
      customer: { type: 'person', name: 'Anna Jansen', email, locale: 'en' },
    });
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.market), 'idempotency-key': `resend-${backend}-${n}` },
      payload: order,
    });
    expect(res.statusCode).toBe(201);
    const orderId = res.json().orderId as string;
    await waitUntil(() => smtp.to(email).length >= 1, 10_000, `confirmation to ${email}`);
    return { orderId, reference: order.channelOrderRef };
  };
  const resend = (orderId: string, payload: unknown, headers = desk) =>
    server.app.inject({
      method: 'POST',
      url: `/v1/orders/${orderId}/emails/resend`,
      headers,
      payload: payload as Record<string, unknown>,
    });

  beforeAll(async () => {
    server = await startTestServer(backend, 'resend');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 50 } });
    smtp = await startSmtpSink();
    mailer = createMailer({ smtpUrl: smtp.url, from: config.mailFrom, mailDir: '/nonexistent' });
    dispatcher = new OutboxDispatcher({
      db: server.db,
      consumers: notificationConsumers(server.db, mailer, config),
      settings: config.dispatcher,
    });
    await dispatcher.start();
    const agent = await makePerson(server.db, { roles: ['customer_service'] });
    desk = (await sessionFor(server.db, agent.id)).headers;
  });
  afterAll(async () => {
    await dispatcher.stop();
    mailer.close();
    await smtp.close();
    await server.close();
  });

  it('sends the order confirmation again to the address the order has now, under its own dedupe id, audited and on the timeline', async () => {
    const first = `first-${backend}@example.com`;
    const now = `now-${backend}@example.com`;
    const { orderId, reference } = await placeOrder(first);
    const [original] = smtp.to(first);
    await server.db.updateTable('orders').set({ email: now }).where('id', '=', orderId).execute();

    const res = await resend(orderId, { kind: 'order_placed', reason: 'Customer lost it' });
    expect(res.statusCode).toBe(202);
    const { eventId, resendOf } = res.json() as { eventId: string; resendOf: string };
    expect(resendOf).toBe(original!.headers.get('x-oms-event-id'));

    await waitUntil(() => smtp.to(now).length >= 1, 10_000, `resend to ${now}`);
    const [again] = smtp.to(now);
    expect(again!.subject).toBe(`Your order ${reference} is confirmed`);
    expect(again!.text).toContain('Total: €10.00');
    expect(again!.headers.get('x-oms-event-id')).toBe(eventId);
    expect(again!.headers.get('x-oms-event-type')).toBe('order.placed');
    expect(again!.messageId).toBe(`<${eventId}.customer-email@packing-oms>`);
    expect(again!.messageId).not.toBe(original!.messageId);
    expect(smtp.to(first)).toHaveLength(1);

    const audit = await server.db
      .selectFrom('audit_log')
      .select(['action', 'reason', 'actor_type'])
      .where('object_id', '=', orderId)
      .where('action', '=', 'email_resent')
      .execute();
    expect(audit).toEqual([
      { action: 'email_resent', reason: 'Customer lost it', actor_type: 'user' },
    ]);
    const view = await server.app.inject({
      method: 'GET',
      url: `/v1/orders/${orderId}`,
      headers: desk,
    });
    const resent = (
      view.json().events as { type: string; detail: Record<string, unknown> }[]
    ).filter((e) => e.type === 'email_resent');
    expect(resent).toHaveLength(1);
    expect(resent[0]!.detail).toMatchObject({
      kind: 'order_placed',
      reason: 'Customer lost it',
      eventId,
    });
  });

  it('refuses an unknown order (404), an e-mail never sent (409), a kind that is no customer e-mail (422) and a missing reason or kind (400), naming the field, and writes nothing', async () => {
    const { orderId } = await placeOrder(`refused-${backend}@example.com`);
    const missing = await resend('00000000-0000-4000-8000-000000000000', {
      kind: 'order_placed',
      reason: 'x',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');

    const never = await resend(orderId, { kind: 'order_shipped', reason: 'Where is it?' });
    expect(never.statusCode).toBe(409);
    expect(never.json()).toMatchObject({ code: 'email_never_sent', field: 'kind' });

    const notAnEmail = await resend(orderId, { kind: 'invoice', reason: 'x' });
    expect(notAnEmail.statusCode).toBe(422);
    expect(notAnEmail.json()).toMatchObject({ code: 'unknown_email_kind', field: 'kind' });

    const noReason = await resend(orderId, { kind: 'order_placed' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('reason');
    const noKind = await resend(orderId, { reason: 'x' });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().field).toBe('kind');

    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ minLength: 1, maxLength: 40 })
          .filter((k) => k.trim() !== '' && !CUSTOMER_EMAIL_KINDS.includes(k.trim())),
        async (kind) => {
          const res = await resend(orderId, { kind, reason: 'x' });
          expect([400, 422]).toContain(res.statusCode);
          expect(res.json().field).toBe('kind');
        },
      ),
      { numRuns: 15 },
    );
    const events = await server.db
      .selectFrom('outbox_events')
      .select('id')
      .where('type', '=', 'order.email_resent')
      .where('aggregate_id', '=', orderId)
      .execute();
    expect(events).toHaveLength(0);
    const audit = await server.db
      .selectFrom('audit_log')
      .select('id')
      .where('object_id', '=', orderId)
      .where('action', '=', 'email_resent')
      .execute();
    expect(audit).toHaveLength(0);
  });

  it('answers 403 to a person without the customer service or admin role', async () => {
    const { orderId } = await placeOrder(`forbidden-${backend}@example.com`);
    for (const role of ['finance', 'warehouse_lead'] as const) {
      const person = await makePerson(server.db, { roles: [role] });
      const res = await resend(
        orderId,
        { kind: 'order_placed', reason: 'x' },
        (await sessionFor(server.db, person.id)).headers,
      );
      expect(res.statusCode).toBe(403);
    }
  });
});
