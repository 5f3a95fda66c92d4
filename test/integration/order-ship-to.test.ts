// Customer service changes where an order ships, before picking starts: the order and its open
// fulfillments (what the station syncs) take the new address, with a reason in the timeline and
// the audit; once a station is picking, or for another country, it is refused and nothing changes.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
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

const newAddress = {
  name: 'Emma de Vries',
  line1: 'Prinsengracht 263',
  postalCode: '1016 GV',
  city: 'Amsterdam',
  country: 'NL',
};

describe.each(BACKENDS)('changing the shipping address on %s', (backend) => {
  let server: TestServer;
  let service: TestSession;

  beforeAll(async () => {
    server = await startTestServer(backend, 'order-ship-to');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 1000 } });
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
  const changeShipTo = (orderId: string, payload: object) =>
    server.app.inject({
      method: 'POST',
      url: `/v1/orders/${orderId}/ship-to`,
      headers: service.headers,
      payload,
    });
  const addresses = async (orderId: string) => {
    const order = await server.db
      .selectFrom('orders')
      .select('ship_to')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    const fulfillments = await server.db
      .selectFrom('fulfillment_orders')
      .select('ship_to')
      .where('order_id', '=', orderId)
      .execute();
    return [order.ship_to, ...fulfillments.map((f) => f.ship_to)];
  };

  it('moves the order and its fulfillments to the new address, with the reason kept', async () => {
    const orderId = await placeOrder();
    const res = await changeShipTo(orderId, { shipTo: newAddress, reason: 'Customer moved' });
    expect(res.statusCode).toBe(200);
    expect(res.json().fulfillments).toHaveLength(1);
    for (const address of await addresses(orderId)) expect(address).toEqual(newAddress);

    const view = (
      await server.app.inject({
        method: 'GET',
        url: `/v1/orders/${orderId}`,
        headers: service.headers,
      })
    ).json();
    expect(view.shipTo).toEqual(newAddress);
    const event = (view.events as { type: string; detail: Record<string, unknown> }[]).find(
      (e) => e.type === 'ship_to_changed',
    );
    expect(event?.detail).toMatchObject({ reason: 'Customer moved', to: newAddress });
    expect(event?.detail.from).toMatchObject({ line1: 'Damrak 1' });

    const audit = (
      await server.app.inject({
        method: 'GET',
        url: `/v1/audit?objectType=order&objectId=${orderId}`,
        headers: service.headers,
      })
    ).json().entries as { action: string; reason: string; before: unknown; after: unknown }[];
    expect(audit[0]).toMatchObject({
      action: 'ship_to_changed',
      reason: 'Customer moved',
      before: { shipTo: { line1: 'Damrak 1' } },
      after: { shipTo: newAddress },
    });
  });

  it('refuses once a station is picking (409) and keeps the old address', async () => {
    const orderId = await placeOrder();
    // What a station's claim does to the fulfillment when a packer starts picking it.
    await server.db
      .updateTable('fulfillment_orders')
      .set({ status: 'picking' })
      .where('order_id', '=', orderId)
      .execute();
    const before = await addresses(orderId);
    const res = await changeShipTo(orderId, { shipTo: newAddress, reason: 'Too late' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('picking_started');
    expect(await addresses(orderId)).toEqual(before);
  });

  it('refuses another country, a cancelled order and a missing reason, changing nothing', async () => {
    const orderId = await placeOrder();
    const before = await addresses(orderId);
    const abroad = { ...newAddress, postalCode: '1000', city: 'Brussel', country: 'BE' };
    const foreign = await changeShipTo(orderId, { shipTo: abroad, reason: 'Moved' });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().field).toBe('shipTo.country');
    const unexplained = await changeShipTo(orderId, { shipTo: newAddress, reason: ' ' });
    expect(unexplained.statusCode).toBe(400);
    expect(unexplained.json().field).toBe('reason');
    await server.app.inject({
      method: 'POST',
      url: `/v1/orders/${orderId}/cancel`,
      headers: service.headers,
      payload: { reason: 'Changed their mind' },
    });
    const cancelled = await changeShipTo(orderId, { shipTo: newAddress, reason: 'Moved' });
    expect(cancelled.statusCode).toBe(409);
    expect(await addresses(orderId)).toEqual(before);
  });

  it('answers any malformed address with a 400 and stores nothing (property)', async () => {
    const orderId = await placeOrder();
    const before = await addresses(orderId);
    const field = fc.constantFrom('name', 'line1', 'postalCode', 'city', 'country');
    const bad = fc.oneof(
      fc.constant(''),
      fc.constant(null),
      fc.integer(),
      fc.string({ maxLength: 2 }).map((s) => `${s}\u0000`),
    );
    await fc.assert(
      fc.asyncProperty(field, bad, async (name, value) => {
        const res = await changeShipTo(orderId, {
          shipTo: { ...newAddress, [name]: value },
          reason: 'Typo',
        });
        expect(res.statusCode).toBe(400);
      }),
      { numRuns: 25 },
    );
    expect(await addresses(orderId)).toEqual(before);
  });
});
