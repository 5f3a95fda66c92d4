// The live stream over real HTTP: a fulfillment released centrally reaches a connected station,
// on PGlite (LISTEN/NOTIFY in-process) and across two API instances sharing one PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src-server/app';
import { openDatabase } from '../../src-server/db/connect';
import { BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { enrolTestStation } from '../support/sync-fixtures';

/** Reads server-sent events until `match` returns true for a message, or the deadline passes. */
async function waitForStreamMessage(
  url: string,
  token: string,
  match: (message: Record<string, unknown>) => boolean,
  timeoutMs = 10_000,
) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const response = await fetch(url, { headers: bearer(token), signal: abort.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const ready = { connected: false };
  const found = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
        ready.connected = true;
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data:'));
          if (!data) continue;
          const message = JSON.parse(data.slice(5)) as Record<string, unknown>;
          if (match(message)) return message;
        }
      }
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  })();
  while (!ready.connected) await new Promise((r) => setTimeout(r, 10));
  return found;
}

const mentions = (orderId: string) => (m: Record<string, unknown>) =>
  m.collection === 'fulfillments' &&
  Array.isArray(m.documents) &&
  m.documents.some((d: { orderId?: string }) => d.orderId === orderId);

describe.each(BACKENDS)('live sync stream on %s', (backend) => {
  let server: TestServer;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startTestServer(backend, 'stream');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 50 } });
    baseUrl = await server.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => server.close());

  it('delivers a fulfillment released centrally to the connected station of its warehouse', async () => {
    const station = await enrolTestStation(server.app, 'NL-TIL');
    const order = makeOrder({ skus: { 'SKU-1': 1 } });
    let orderId = '';
    const received = waitForStreamMessage(
      `${baseUrl}/v1/sync/stream`,
      station.token,
      (m) => orderId !== '' && mentions(orderId)(m),
    );
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(`${baseUrl}/v1/orders`, {
      method: 'POST',
      headers: {
        ...bearer(CHANNEL_KEYS.web),
        'idempotency-key': `stream-${backend}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(order),
    });
    orderId = ((await res.json()) as { orderId: string }).orderId;
    const message = await received;
    expect(message).toMatchObject({
      collection: 'fulfillments',
      checkpoint: { updatedAt: expect.any(Number) },
    });
  });
});

describe('live sync stream across two API instances on one PostgreSQL', () => {
  it('reaches a station connected to instance B when instance A released the work', async () => {
    const a = await startTestServer('postgres', 'two_instances');
    await seedChannels(a.db);
    await seedCatalog(a.db, { 'SKU-1': { 'NL-TIL': 50 } });
    const handleB = await openDatabase({ databaseUrl: a.databaseUrl, maxConnections: 4 });
    try {
      expect(handleB.backend).toBe('postgres');
      const b = await createApp(a.config, {
        db: handleB.db,
        listen: handleB.listen,
        logger: false,
      });
      const urlB = await b.listen({ host: '127.0.0.1', port: 0 });
      const station = await enrolTestStation(a.app, 'NL-TIL');
      let orderId = '';
      const received = waitForStreamMessage(
        `${urlB}/v1/sync/stream`,
        station.token,
        (m) => orderId !== '' && mentions(orderId)(m),
      );
      await new Promise((r) => setTimeout(r, 100));
      const res = await a.app.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': 'two-instances' },
        payload: makeOrder({ skus: { 'SKU-1': 1 } }),
      });
      orderId = res.json().orderId;
      expect(await received).not.toBeNull();
      await b.close();
    } finally {
      await handleB.close();
      await a.close();
    }
  });
});
