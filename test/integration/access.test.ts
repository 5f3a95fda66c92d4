// Every route's scope: no credentials → 401, the wrong credentials → 403, the right ones pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';

describe.each(BACKENDS)('access on %s', (backend) => {
  let server: TestServer;
  let marketOrderId: string;

  beforeAll(async () => {
    server = await startTestServer(backend, 'access');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 100 } });
    const placed = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.market), 'idempotency-key': 'm1' },
      payload: makeOrder(),
    });
    marketOrderId = placed.json().orderId;
  });
  afterAll(() => server.close());

  const routes = () => [
    {
      name: 'POST /v1/orders',
      method: 'POST' as const,
      url: '/v1/orders',
      payload: makeOrder(),
      headers: { 'idempotency-key': `a-${Math.random()}` },
      wrong: null,
    },
    {
      name: 'GET /v1/orders/:id',
      method: 'GET' as const,
      url: `/v1/orders/${marketOrderId}`,
      payload: undefined,
      headers: {},
      wrong: CHANNEL_KEYS.web,
    },
    {
      name: 'GET /v1/orders',
      method: 'GET' as const,
      url: '/v1/orders?channel=market',
      payload: undefined,
      headers: {},
      wrong: CHANNEL_KEYS.web,
    },
    {
      name: 'POST /v1/orders/:id/cancel',
      method: 'POST' as const,
      url: `/v1/orders/${marketOrderId}/cancel`,
      payload: undefined,
      headers: {},
      wrong: CHANNEL_KEYS.market,
    },
    {
      name: 'POST /v1/orders/:id/hold',
      method: 'POST' as const,
      url: `/v1/orders/${marketOrderId}/hold`,
      payload: undefined,
      headers: {},
      wrong: CHANNEL_KEYS.market,
    },
    {
      name: 'POST /v1/orders/:id/release-hold',
      method: 'POST' as const,
      url: `/v1/orders/${marketOrderId}/release-hold`,
      payload: undefined,
      headers: {},
      wrong: CHANNEL_KEYS.market,
    },
    {
      name: 'PUT /v1/products/:sku',
      method: 'PUT' as const,
      url: '/v1/products/SKU-1',
      payload: undefined,
      headers: {},
      wrong: CHANNEL_KEYS.market,
    },
    {
      name: 'GET /v1/products/:sku',
      method: 'GET' as const,
      url: '/v1/products/SKU-1',
      payload: undefined,
      headers: {},
      wrong: null,
    },
    {
      name: 'GET /v1/warehouses/:code/fulfillments',
      method: 'GET' as const,
      url: '/v1/warehouses/NL-TIL/fulfillments',
      payload: undefined,
      headers: {},
      wrong: CHANNEL_KEYS.market,
    },
    {
      name: 'GET /v1/warehouses/:code/held-work',
      method: 'GET' as const,
      url: '/v1/warehouses/NL-TIL/held-work',
      payload: undefined,
      headers: {},
      wrong: CHANNEL_KEYS.market,
    },
    {
      name: 'POST /v1/warehouses/:code/held-work/:fulfillmentId/release',
      method: 'POST' as const,
      url: '/v1/warehouses/NL-TIL/held-work/00000000-0000-4000-8000-000000000000/release',
      payload: undefined,
      headers: {},
      wrong: CHANNEL_KEYS.market,
    },
    {
      name: 'POST /v1/connectors/magento/orders',
      method: 'POST' as const,
      url: '/v1/connectors/magento/orders',
      payload: {},
      headers: {},
      wrong: CHANNEL_KEYS.market,
    },
  ];

  it('answers 401 on every protected route without credentials, and with an unknown key', async () => {
    for (const route of routes()) {
      const none = await server.app.inject({
        method: route.method,
        url: route.url,
        payload: route.payload,
        headers: route.headers,
      });
      expect(none.statusCode, route.name).toBe(401);
      const unknown = await server.app.inject({
        method: route.method,
        url: route.url,
        payload: route.payload,
        headers: { ...route.headers, 'x-api-key': 'not-a-key' },
      });
      expect(unknown.statusCode, route.name).toBe(401);
    }
  });

  it("answers 403 to a channel key on another channel's order and on admin-only routes", async () => {
    for (const route of routes()) {
      if (!route.wrong) continue;
      const res = await server.app.inject({
        method: route.method,
        url: route.url,
        payload: route.payload,
        headers: { ...route.headers, ...bearer(route.wrong) },
      });
      expect(res.statusCode, route.name).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
  });

  it('lets a channel read its own order (X-Api-Key works too) and list only its own orders', async () => {
    const own = await server.app.inject({
      method: 'GET',
      url: `/v1/orders/${marketOrderId}`,
      headers: { 'x-api-key': CHANNEL_KEYS.market },
    });
    expect(own.statusCode).toBe(200);
    const list = await server.app.inject({
      method: 'GET',
      url: '/v1/orders',
      headers: bearer(CHANNEL_KEYS.web),
    });
    expect(list.json().orders.every((o: { channel: string }) => o.channel === 'web')).toBe(true);
  });

  it('makes the admin name the channel when placing an order', async () => {
    const headers = { ...bearer(ADMIN_TOKEN), 'idempotency-key': 'admin-1' };
    const missing = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers,
      payload: makeOrder(),
    });
    expect(missing.json()).toMatchObject({ code: 'channel_required', field: 'x-channel-code' });
    const named = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...headers, 'x-channel-code': 'market' },
      payload: makeOrder(),
    });
    expect(named.statusCode).toBe(201);
    expect(named.json().channel).toBe('market');
  });

  it('keeps /health and the OpenAPI document public', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/health' })).json()).toMatchObject({
      status: 'ok',
      service: 'central-oms',
    });
    const doc = (await server.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/orders',
        '/v1/orders/{id}',
        '/v1/orders/{id}/cancel',
        '/v1/orders/{id}/hold',
        '/v1/orders/{id}/release-hold',
        '/v1/products/{sku}',
        '/v1/warehouses/{code}/fulfillments',
        '/v1/warehouses/{code}/held-work',
        '/v1/warehouses/{code}/held-work/{fulfillmentId}/release',
        '/v1/stations/enrol',
        '/v1/sync/{collection}/pull',
        '/v1/sync/{collection}/push',
      ]),
    );
    expect(
      doc.paths['/v1/orders'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('lines');
  });
});
