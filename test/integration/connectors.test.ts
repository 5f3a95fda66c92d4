// Channel connectors over HTTP: Shopify webhooks (HMAC) and Adobe Commerce orders (API key).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopifyHmac } from '../../src-server/connectors/shopify/shopify-hmac';
import { shopifyOrderCreated } from '../../src-server/connectors/shopify/shopify-order.fixture';
import { magentoOrder } from '../../src-server/connectors/magento/magento-order.fixture';
import { BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  countRows,
  seedCatalog,
  seedChannels,
  SHOPIFY_SECRET,
} from '../support/oms-fixtures';

describe.each(BACKENDS)('connectors on %s', (backend) => {
  let server: TestServer;
  const webhook = (raw: string, signature: string) =>
    server.app.inject({
      method: 'POST',
      url: '/v1/connectors/shopify/web/orders-create',
      headers: {
        'content-type': 'application/json',
        'x-shopify-hmac-sha256': signature,
        'x-shopify-topic': 'orders/create',
      },
      payload: raw,
    });

  beforeAll(async () => {
    server = await startTestServer(backend, 'connectors');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 100, 'BE-GNT': 100 },
      'SKU-3': { 'BE-GNT': 100 },
    });
  });
  afterAll(() => server.close());

  it('places a Shopify order from a correctly signed webhook, and a redelivery replays it', async () => {
    const raw = JSON.stringify(shopifyOrderCreated());
    const first = await webhook(raw, shopifyHmac(raw, SHOPIFY_SECRET));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      channel: 'web',
      channelOrderRef: '#1001',
      totalMinor: 4490,
    });
    const again = await webhook(raw, shopifyHmac(raw, SHOPIFY_SECRET));
    expect(again.json().orderId).toBe(first.json().orderId);
  });

  it('refuses a webhook whose signature does not match and writes nothing', async () => {
    const before = await countRows(server.db, 'orders');
    const raw = JSON.stringify(shopifyOrderCreated({ id: 77, name: '#1002' }));
    const res = await webhook(raw, shopifyHmac(raw, 'wrong-secret'));
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_signature');
    expect(await countRows(server.db, 'orders')).toBe(before);
  });

  it('places an Adobe Commerce B2B order with its PO number, sourced from Gent for a Gent address', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/connectors/magento/orders',
      headers: bearer(CHANNEL_KEYS.magento),
      payload: magentoOrder(),
    });
    expect(res.statusCode).toBe(201);
    const view = (
      await server.app.inject({
        method: 'GET',
        url: `/v1/orders/${res.json().orderId}`,
        headers: bearer(CHANNEL_KEYS.magento),
      })
    ).json();
    expect(view).toMatchObject({
      poNumber: 'PO-2024-0117',
      channelOrderRef: '000000042',
      totalMinor: 25995,
    });
    expect(view.fulfillments.map((f: { warehouseCode: string }) => f.warehouseCode)).toEqual([
      'BE-GNT',
    ]);
  });

  it('refuses an Adobe Commerce order on a channel that is not Adobe Commerce', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/connectors/magento/orders',
      headers: bearer(CHANNEL_KEYS.market),
      payload: magentoOrder({ entity_id: 43, increment_id: '000000043' }),
    });
    expect(res.statusCode).toBe(403);
  });
});
