// The outbox dispatcher against real receivers: stopped mid-batch and restarted, crashed with
// deliveries claimed (its heartbeat stops), and two dispatchers on one PostgreSQL at once.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-server/db/connect';
import { webhookConsumer } from '../../src-server/notifications/webhooks/webhook-consumer';
import { createSubscription } from '../../src-server/notifications/webhooks/webhook-store';
import { claimDueDeliveries, fanOutDueEvents } from '../../src-server/outbox/delivery-store';
import { OutboxDispatcher } from '../../src-server/outbox/dispatcher';
import { renewHeartbeat } from '../../src-server/outbox/dispatcher-heartbeat';
import { BACKENDS, openTestDatabase } from '../support/server-harness';
import {
  appendEvents,
  startWebhookReceiver,
  testEvent,
  testNotificationConfig,
  waitUntil,
} from './notifications-support';

type TestDb = Awaited<ReturnType<typeof openTestDatabase>>;

describe.each(BACKENDS)('outbox dispatcher on %s', (backend) => {
  let handle: TestDb;
  let secret = '';
  const settings = { ...testNotificationConfig().dispatcher, batchSize: 10, concurrency: 2 };
  const dispatcher = (db = handle.db, over: Partial<typeof settings> = {}) =>
    new OutboxDispatcher({
      db,
      consumers: [webhookConsumer(db, 2000)],
      settings: { ...settings, ...over },
    });
  const subscribe = async (url: string) => {
    const sub = await createSubscription(handle.db, { url, eventTypes: ['order.cancelled'] });
    secret = sub.secret;
  };

  beforeEach(async () => {
    handle = await openTestDatabase(backend, 'dispatch');
  });
  afterEach(() => handle.close());

  it('stopped mid-batch and restarted, delivers every event exactly once and loses none', async () => {
    const receiver = await startWebhookReceiver(() => secret, { delayMs: 40 });
    await subscribe(receiver.url);
    await appendEvents(
      handle.db,
      Array.from({ length: 25 }, (_, i) => testEvent(i)),
    );

    const first = dispatcher();
    await first.start();
    await waitUntil(() => receiver.accepted.size >= 3, 10_000, 'first deliveries');
    await first.stop();
    const afterStop = receiver.all.length;
    expect(afterStop).toBeLessThan(25);
    await new Promise((r) => setTimeout(r, 150));
    expect(receiver.all.length).toBe(afterStop);

    const second = dispatcher();
    await second.start();
    await waitUntil(() => receiver.accepted.size === 25, 15_000, 'all deliveries');
    await second.stop();
    expect(receiver.duplicates).toBe(0);
    expect(receiver.all.every((h) => h.verified)).toBe(true);
    const pending = await handle.db
      .selectFrom('outbox_deliveries')
      .select('id')
      .where('status', '<>', 'delivered')
      .execute();
    expect(pending).toEqual([]);
    await receiver.close();
  });

  it('leaves the claims of a dispatcher whose heartbeat runs alone, and sends them soon after it stops', async () => {
    const receiver = await startWebhookReceiver(() => secret);
    await subscribe(receiver.url);
    await appendEvents(
      handle.db,
      Array.from({ length: 5 }, (_, i) => testEvent(i)),
    );
    await fanOutDueEvents(handle.db, [webhookConsumer(handle.db, 2000)], 10);
    const other = randomUUID();
    await renewHeartbeat(handle.db, other);
    const claimedByTheOther = await claimDueDeliveries(handle.db, other, 10);
    expect(claimedByTheOther).toHaveLength(5);
    const beating = setInterval(() => void renewHeartbeat(handle.db, other), 50);

    const survivor = dispatcher(handle.db, { heartbeatMs: 50, claimTimeoutMs: 300 });
    await survivor.start();
    try {
      // Longer than the claim timeout: a claim held by a live heartbeat is never taken, however old.
      await new Promise((r) => setTimeout(r, 900));
      expect(receiver.all).toHaveLength(0);
      clearInterval(beating);
      const silentFrom = Date.now();
      await waitUntil(() => receiver.accepted.size === 5, 5_000, 'taken-over deliveries');
      expect(Date.now() - silentFrom).toBeLessThan(1_500);
    } finally {
      clearInterval(beating);
      await survivor.stop();
    }
    expect([...receiver.accepted.keys()].sort()).toEqual(
      claimedByTheOther.map((j) => j.event.id).sort(),
    );
    expect(new Set(receiver.all.map((h) => h.deliveryId))).toEqual(
      new Set(claimedByTheOther.map((j) => j.deliveryId)),
    );
    await receiver.close();
  });

  it('with two dispatchers on one database, never sends one event twice at the same time', async () => {
    const receiver = await startWebhookReceiver(() => secret, { delayMs: 15 });
    await subscribe(receiver.url);
    await appendEvents(
      handle.db,
      Array.from({ length: 60 }, (_, i) => testEvent(i)),
    );
    const other = await openDatabase({ databaseUrl: handle.databaseUrl, maxConnections: 5 });
    const a = dispatcher(handle.db, { concurrency: 4 });
    const b = dispatcher(other.db, { concurrency: 4 });
    await Promise.all([a.start(), b.start()]);
    await waitUntil(() => receiver.accepted.size === 60, 20_000, 'all deliveries');
    await Promise.all([a.stop(), b.stop()]);
    await other.close();
    expect(receiver.overlaps).toBe(0);
    expect(receiver.duplicates).toBe(0);
    expect(receiver.all).toHaveLength(60);
    await receiver.close();
  });
});
