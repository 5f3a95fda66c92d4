// Order intake checks every address by its own country's rules (Google's libaddressinput data):
// a wrong postal code or a missing region is a 422 naming the field, the value and the rule, with
// nothing written; a good one is stored as the post writes it, and the order records which
// point sourcing measured the distance from.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  countRows,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { makePerson, sessionFor } from '../support/people-fixtures';
import type { TestSession } from '../support/people-fixtures';

describe.each(BACKENDS)('order addresses per country on %s', (backend) => {
  let server: TestServer;
  let service: TestSession;

  beforeAll(async () => {
    server = await startTestServer(backend, 'order-addresses');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 1000 } });
    const person = await makePerson(server.db, { roles: ['customer_service'] });
    service = await sessionFor(server.db, person.id);
  });
  afterAll(() => server.close());

  const place = (shipTo: Record<string, unknown>) =>
    server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': randomUUID() },
      payload: { ...makeOrder(), shipTo: { name: 'Emma de Vries', line1: 'Damrak 1', ...shipTo } },
    });
  const stored = (orderId: string) =>
    server.db
      .selectFrom('orders')
      .select(['ship_to', 'ship_to_location_source'])
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();

  it('stores a Dutch postcode as "1234 AB" and sources from its postal-code area', async () => {
    const res = await place({ postalCode: ' 1012ab', city: 'Amsterdam', country: 'NL' });
    expect(res.statusCode).toBe(201);
    const order = await stored(res.json().orderId);
    expect(order.ship_to).toMatchObject({ postalCode: '1012 AB', city: 'Amsterdam' });
    expect(order.ship_to_location_source).toBe('postal-code');
    const view = await server.app.inject({
      method: 'GET',
      url: `/v1/orders/${res.json().orderId}`,
      headers: service.headers,
    });
    expect(view.json()).toMatchObject({
      shipTo: { postalCode: '1012 AB' },
      shipToLocationSource: 'postal-code',
    });
  });

  it('refuses a postal code of the wrong shape (400), naming the field and the rule, writing nothing', async () => {
    const before = await countRows(server.db, 'orders');
    const res = await place({ postalCode: '1234', city: 'Amsterdam', country: 'NL' });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('shipTo.postalCode');
    expect(res.json().message).toContain(
      '1234 is not a postal code of Netherlands (NL) (1234 AB or 2490 AA)',
    );
    expect(await countRows(server.db, 'orders')).toBe(before);
  });

  it('refuses a region that is not one of the country’s, naming shipTo.region', async () => {
    const res = await place({
      postalCode: '20121',
      city: 'Milano',
      region: 'Atlantis',
      country: 'IT',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('shipTo.region');
    expect(res.json().message).toContain('Atlantis is not a region of IT');
  });

  it('sources a British order from its town where no postcode coordinates exist', async () => {
    const res = await place({ postalCode: 'm11ae', city: 'Manchester', country: 'GB' });
    expect(res.statusCode).toBe(201);
    const order = await stored(res.json().orderId);
    expect(order.ship_to).toMatchObject({ postalCode: 'M1 1AE' });
    expect(order.ship_to_location_source).toBe('city');
  });

  it('fills in the US state from the ZIP and sources from the ZIP area', async () => {
    const res = await place({ postalCode: '10118', city: 'New York', country: 'US' });
    expect(res.statusCode).toBe(201);
    const order = await stored(res.json().orderId);
    expect(order.ship_to).toMatchObject({ postalCode: '10118', region: 'NY' });
    expect(order.ship_to_location_source).toBe('postal-code');
  });
});
