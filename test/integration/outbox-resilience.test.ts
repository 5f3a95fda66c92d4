// Outbox deliveries when things die, on a real PostgreSQL 15. Two central OMS processes deliver
// webhooks; one is SIGKILLed while it holds claimed deliveries: the other must send them within
// seconds of the killed one's heartbeat stopping, each under its own delivery id (a repeat only
// ever with the same id). And a dispatcher that cannot record answers while the database is away
// records them when it is back instead of calling the receiver again.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-server/db/connect';
import type { DatabaseHandle } from '../../src-server/db/connect';
import { migrateToLatest } from '../../src-server/db/migrate';
import { createSubscription } from '../../src-server/notifications/webhooks/webhook-store';
import { WEBHOOK_HEADERS } from '../../src-server/notifications/webhooks/webhook-signature';
import { createDatabase, startPostgresCluster } from '../setup/postgres-cluster';
import type { PostgresCluster } from '../setup/postgres-cluster';
import { seedCatalog, seedChannels } from '../support/oms-fixtures';
import { buildServerBundle, startOmsProcess } from '../support/oms-process';
import type { OmsProcess, ServerBundle } from '../support/oms-process';
import { runOrderLoad } from '../support/order-load';
import { OutboxDispatcher } from '../../src-server/outbox/dispatcher';
import { webhookConsumer } from '../../src-server/notifications/webhooks/webhook-consumer';
import {
  appendEvents,
  testEvent,
  testNotificationConfig,
  waitUntil,
} from './notifications-support';

/** A receiver that holds every request unanswered until released, then answers 200 at once. */
async function startHoldingReceiver() {
  const received: { deliveryId: string; eventId: string; at: number }[] = [];
  const held: ServerResponse[] = [];
  let holding = true;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      received.push({
        deliveryId: String(req.headers[WEBHOOK_HEADERS.deliveryId]),
        eventId: String(req.headers[WEBHOOK_HEADERS.eventId]),
        at: Date.now(),
      });
      if (holding) held.push(res);
      else res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    release() {
      holding = false;
      for (const res of held.splice(0)) if (!res.destroyed) res.writeHead(200).end('{}');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let cluster: PostgresCluster | undefined;
let bundle: ServerBundle | undefined;
let handle: DatabaseHandle;
let receiver: Awaited<ReturnType<typeof startHoldingReceiver>> | undefined;
const instances: OmsProcess[] = [];
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  const url = createDatabase(cluster.url, 'oms_takeover');
  handle = await openDatabase({ databaseUrl: url, maxConnections: 4 });
  await migrateToLatest(handle.db);
  await seedChannels(handle.db);
  await seedCatalog(handle.db, { 'SKU-1': { 'NL-TIL': 10_000 } });
  receiver = await startHoldingReceiver();
  await createSubscription(handle.db, { url: receiver.url, eventTypes: ['order.placed'] });
  bundle = await buildServerBundle();
  // The product's heartbeat and claim timeout (1 s, 5 s); a webhook may hang far longer.
  env = { DATABASE_URL: url, DATABASE_POOL_SIZE: '6', WEBHOOK_TIMEOUT_MS: '60000' };
}, 60_000);

afterAll(async () => {
  try {
    await Promise.all(instances.map((p) => p.stop()));
    await receiver?.close();
    await handle?.close();
  } finally {
    bundle?.remove();
    cluster?.stop();
  }
});

describe('outbox deliveries of a killed OMS process', () => {
  it('are sent by the surviving process within seconds of the kill, each under its own delivery id', async () => {
    const doomed = await startOmsProcess(bundle!, env);
    instances.push(doomed);
    const load = await runOrderLoad({
      urls: [doomed.url],
      clients: 4,
      ordersPerClient: 10,
      label: 'takeover',
    });
    expect(load.acknowledged).toHaveLength(40);
    // The first dispatcher claims a batch; the receiver holds its first sends unanswered.
    const claimedByDoomed = async () =>
      (
        await handle.db
          .selectFrom('outbox_deliveries')
          .select('id')
          .where('claimed_by', '=', (eb) =>
            eb.selectFrom('outbox_dispatchers').select('id').orderBy('started_at').limit(1),
          )
          .execute()
      ).length;
    await waitUntil(async () => (await claimedByDoomed()) > 0, 10_000, 'claimed deliveries');
    await waitUntil(() => receiver!.received.length > 0, 10_000, 'first sends');

    const survivor = await startOmsProcess(bundle!, env);
    instances.push(survivor);
    // The survivor has beaten long enough to judge another dispatcher silent.
    await new Promise((r) => setTimeout(r, 5_500));
    expect(await claimedByDoomed()).toBeGreaterThan(0);

    const killedAt = Date.now();
    await doomed.kill('SIGKILL');
    receiver!.release();

    const webhookDeliveries = () =>
      handle.db
        .selectFrom('outbox_deliveries')
        .select(['id', 'event_id', 'status'])
        .where('consumer', 'like', 'webhook:%')
        .execute();
    // One order.placed event per order, one webhook delivery per event: all of them delivered.
    await waitUntil(
      async () => (await webhookDeliveries()).filter((d) => d.status === 'delivered').length === 40,
      15_000,
      'every delivery sent',
    );
    const tookMs = Date.now() - killedAt;
    expect(tookMs).toBeLessThan(10_000);
    const deliveries = await webhookDeliveries();
    expect(deliveries).toHaveLength(40);

    const sentIds = new Set(receiver!.received.map((r) => r.deliveryId));
    expect([...sentIds].sort()).toEqual(deliveries.map((d) => d.id).sort());
    // A repeat is the same delivery (same id), never the event again under another id.
    const idsPerEvent = new Map<string, Set<string>>();
    for (const r of receiver!.received)
      idsPerEvent.set(r.eventId, (idsPerEvent.get(r.eventId) ?? new Set()).add(r.deliveryId));
    expect([...idsPerEvent.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(doomed.exited()?.signal).toBe('SIGKILL');
    expect(survivor.exited(), survivor.output()).toBeNull();
  }, 60_000);

  it('a dispatcher records answers it got while the database was away once it is back, without sending again', async () => {
    const url = createDatabase(cluster!.url, 'oms_record_later');
    const own = await openDatabase({ databaseUrl: url, maxConnections: 3 });
    const holding = await startHoldingReceiver();
    const settings = {
      ...testNotificationConfig().dispatcher,
      concurrency: 4,
      heartbeatMs: 200,
      claimTimeoutMs: 1000,
    };
    const dispatcher = new OutboxDispatcher({
      db: own.db,
      consumers: [webhookConsumer(own.db, 20_000)],
      settings,
    });
    try {
      await migrateToLatest(own.db);
      await createSubscription(own.db, { url: holding.url, eventTypes: ['order.cancelled'] });
      await appendEvents(
        own.db,
        Array.from({ length: 4 }, (_, i) => testEvent(i)),
      );
      await dispatcher.start();
      await waitUntil(() => holding.received.length === 4, 10_000, 'four sends in flight');

      await cluster!.stopServer('fast');
      holding.release(); // answered 200 while the dispatcher cannot write that down
      await new Promise((r) => setTimeout(r, 1500));
      await cluster!.startServer();

      const delivered = async () =>
        (
          await own.db
            .selectFrom('outbox_deliveries')
            .select('id')
            .where('status', '=', 'delivered')
            .where('claimed_by', 'is', null)
            .execute()
        ).length;
      await waitUntil(async () => (await delivered()) === 4, 10_000, 'the answers recorded');
      expect(holding.received).toHaveLength(4);
      expect(new Set(holding.received.map((r) => r.deliveryId)).size).toBe(4);
    } finally {
      await dispatcher.stop();
      await holding.close();
      await own.close();
    }
  }, 40_000);
});
