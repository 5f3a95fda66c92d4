// Webhook subscriptions through the admin API, signed deliveries to a real receiver, retries,
// dead-letter and replay, and one failing receiver never causing redelivery to another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookConsumer } from '../../src-server/notifications/webhooks/webhook-consumer';
import { OutboxDispatcher } from '../../src-server/outbox/dispatcher';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  appendEvents,
  startWebhookReceiver,
  testEvent,
  testNotificationConfig,
  waitUntil,
} from './notifications-support';

describe.each(BACKENDS)('webhooks on %s', (backend) => {
  let server: TestServer;
  const admin = bearer(ADMIN_TOKEN);
  const settings = { ...testNotificationConfig().dispatcher, maxAttempts: 4 };
  const run = async (until: () => boolean, what: string) => {
    const dispatcher = new OutboxDispatcher({
      db: server.db,
      consumers: [webhookConsumer(server.db, 2000)],
      settings,
    });
    await dispatcher.start();
    try {
      await waitUntil(until, 15_000, what);
    } finally {
      await dispatcher.stop();
    }
  };
  const subscribe = async (url: string, eventTypes: string[]) => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: admin,
      payload: { url, eventTypes },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; secret: string };
  };
  const unsubscribe = (id: string) =>
    server.app.inject({ method: 'DELETE', url: `/v1/webhooks/${id}`, headers: admin });

  beforeAll(async () => {
    server = await startTestServer(backend, 'webhooks');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 50 } });
  });
  afterAll(() => server.close());

  it('refuses non-http URLs, unknown event types and channel keys, naming the field', async () => {
    const ftp = await server.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: admin,
      payload: { url: 'ftp://erp.example/x', eventTypes: ['order.placed'] },
    });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().field).toBe('url');
    const type = await server.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: admin,
      payload: { url: 'https://erp.example/x', eventTypes: ['order.eaten'] },
    });
    expect(type.statusCode).toBe(400);
    expect(type.json().field).toMatch(/^eventTypes/);
    const channel = await server.app.inject({
      method: 'GET',
      url: '/v1/webhooks',
      headers: bearer(CHANNEL_KEYS.web),
    });
    expect(channel.statusCode).toBe(403);
  });

  it('delivers each subscribed event once, signed, with the event id; lists and deletes subscriptions', async () => {
    let secret = '';
    const receiver = await startWebhookReceiver(() => secret);
    const sub = await subscribe(receiver.url, ['order.placed', 'order.allocated']);
    secret = sub.secret;
    const listed = await server.app.inject({ method: 'GET', url: '/v1/webhooks', headers: admin });
    expect(listed.json().subscriptions).toEqual([
      expect.objectContaining({
        id: sub.id,
        url: receiver.url,
        eventTypes: ['order.placed', 'order.allocated'],
      }),
    ]);
    expect(listed.json().subscriptions[0].secret).toBeUndefined();

    const order = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': 'wh-1' },
      payload: makeOrder(),
    });
    const orderId = order.json().orderId;
    await run(() => receiver.accepted.size === 2, 'placed + allocated');
    expect(receiver.all.map((h) => h.eventType).sort()).toEqual([
      'order.allocated',
      'order.placed',
    ]);
    expect(receiver.all.every((h) => h.verified && h.body.id === h.eventId)).toBe(true);
    expect(receiver.all.find((h) => h.eventType === 'order.placed')!.body.data).toMatchObject({
      orderId,
    });

    expect((await unsubscribe(sub.id)).statusCode).toBe(204);
    expect((await unsubscribe(sub.id)).statusCode).toBe(404);
    await receiver.close();
  });

  it('retries a receiver that fails three times and counts the event once it accepts; others are not redelivered', async () => {
    const secrets: Record<string, string> = {};
    const flaky = await startWebhookReceiver(() => secrets.flaky!, {
      answer: (_id, tryNo) => (tryNo <= 3 ? 503 : 200),
    });
    const steady = await startWebhookReceiver(() => secrets.steady!);
    const a = await subscribe(flaky.url, ['order.cancelled']);
    const b = await subscribe(steady.url, ['order.cancelled']);
    secrets.flaky = a.secret;
    secrets.steady = b.secret;
    await appendEvents(server.db, [testEvent(1), testEvent(2)]);
    await run(() => flaky.accepted.size === 2, 'flaky receiver accepts');

    expect(flaky.all).toHaveLength(8);
    expect(flaky.duplicates).toBe(0);
    expect(steady.all).toHaveLength(2);
    const log = await server.app.inject({
      method: 'GET',
      url: `/v1/webhooks/${a.id}/deliveries`,
      headers: admin,
    });
    const deliveries = log.json().deliveries as {
      status: string;
      attemptLog: { outcome: string; responseStatus: number }[];
    }[];
    expect(deliveries).toHaveLength(2);
    for (const d of deliveries) {
      expect(d.status).toBe('delivered');
      expect(d.attemptLog.map((x) => `${x.outcome}:${x.responseStatus}`)).toEqual([
        'failed:503',
        'failed:503',
        'failed:503',
        'delivered:200',
      ]);
    }
    await Promise.all([unsubscribe(a.id), unsubscribe(b.id), flaky.close(), steady.close()]);
  });

  it('dead-letters after the last try, and a replay delivers it once the receiver is back', async () => {
    let secret = '';
    let down = true;
    const receiver = await startWebhookReceiver(() => secret, { answer: () => (down ? 500 : 204) });
    const sub = await subscribe(receiver.url, ['order.cancelled']);
    secret = sub.secret;
    await appendEvents(server.db, [testEvent(3)]);
    const deliveries = async () =>
      (
        await server.app.inject({
          method: 'GET',
          url: `/v1/webhooks/${sub.id}/deliveries`,
          headers: admin,
        })
      ).json().deliveries;
    let dead: { id: string; status: string; attempts: number; attemptLog: unknown[] } | undefined;
    await run(() => receiver.all.length === settings.maxAttempts, 'all tries');
    [dead] = await deliveries();
    expect(dead).toMatchObject({ status: 'dead', attempts: 4 });
    expect(dead!.attemptLog).toHaveLength(4);

    const early = await server.app.inject({
      method: 'POST',
      url: `/v1/webhook-deliveries/${crypto.randomUUID()}/replay`,
      headers: admin,
    });
    expect(early.statusCode).toBe(404);
    down = false;
    const replay = await server.app.inject({
      method: 'POST',
      url: `/v1/webhook-deliveries/${dead!.id}/replay`,
      headers: admin,
    });
    expect(replay.statusCode).toBe(202);
    await run(() => receiver.accepted.size === 1, 'replayed delivery');
    [dead] = await deliveries();
    expect(dead!.status).toBe('delivered');
    const again = await server.app.inject({
      method: 'POST',
      url: `/v1/webhook-deliveries/${dead!.id}/replay`,
      headers: admin,
    });
    expect(again.statusCode).toBe(409);
    await Promise.all([unsubscribe(sub.id), receiver.close()]);
  });
});
