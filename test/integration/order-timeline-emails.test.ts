// The order page lists the customer e-mails sent for the order, with their kind and time: the
// customer-email consumer's delivered jobs of events naming the order; jobs still pending,
// skipped (no address) or for another order are not listed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { makePerson, sessionFor } from '../support/people-fixtures';
import type { TestSession } from '../support/people-fixtures';

describe.each(BACKENDS)('customer e-mails in the order timeline on %s', (backend) => {
  let server: TestServer;
  let service: TestSession;

  beforeAll(async () => {
    server = await startTestServer(backend, 'order-timeline-emails');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 100 } });
    const person = await makePerson(server.db, { roles: ['customer_service'] });
    service = await sessionFor(server.db, person.id);
  });
  afterAll(() => server.close());

  async function placeOrder(): Promise<string> {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': randomUUID() },
      payload: makeOrder(),
    });
    return res.json().orderId as string;
  }
  /** What the dispatcher records once the consumer has handed the e-mail to the SMTP server. */
  async function recordDelivery(
    orderId: string,
    type: 'order.placed' | 'order.shipped',
    status: 'delivered' | 'pending' | 'skipped',
    deliveredAt: string | null,
  ) {
    const eventId = randomUUID();
    await server.db
      .insertInto('outbox_events')
      .values({
        id: eventId,
        type,
        aggregate_type: 'order',
        aggregate_id: orderId,
        payload: JSON.stringify({ orderId, carrier: 'postnl', cartons: [] }),
      })
      .execute();
    await server.db
      .insertInto('outbox_deliveries')
      .values({
        id: randomUUID(),
        event_id: eventId,
        consumer: 'customer-email',
        subscription_id: null,
        status,
        last_error: null,
        delivered_at: deliveredAt === null ? null : new Date(deliveredAt),
      })
      .execute();
  }

  it('shows each sent e-mail with its kind and time, oldest first, and nothing unsent', async () => {
    const orderId = await placeOrder();
    const other = await placeOrder();
    await recordDelivery(orderId, 'order.shipped', 'delivered', '2026-03-02T10:00:00.000Z');
    await recordDelivery(orderId, 'order.placed', 'delivered', '2026-03-01T09:00:00.000Z');
    await recordDelivery(orderId, 'order.shipped', 'pending', null);
    await recordDelivery(orderId, 'order.placed', 'skipped', '2026-03-01T09:00:01.000Z');
    await recordDelivery(other, 'order.placed', 'delivered', '2026-03-01T08:00:00.000Z');
    const view = (
      await server.app.inject({
        method: 'GET',
        url: `/v1/orders/${orderId}`,
        headers: service.headers,
      })
    ).json();
    expect(view.emails).toEqual([
      { kind: 'order_placed', at: '2026-03-01T09:00:00.000Z' },
      { kind: 'order_shipped', at: '2026-03-02T10:00:00.000Z' },
    ]);
  });
});
