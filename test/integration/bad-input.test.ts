// Bad input never gets a 5xx and never writes anything: explicit cases, then 1,000 generated
// invalid orders per backend.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_CURRENCIES } from '../../shared/orders/order-schema';
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

type Mutation = (order: Record<string, unknown>) => void;
// Mutations compose: a later one may find its target already removed by an earlier one.
const objectAt = (o: Record<string, unknown>, key: string) =>
  typeof o[key] === 'object' && o[key] !== null && !Array.isArray(o[key])
    ? (o[key] as Record<string, unknown>)
    : (o[key] = {});
const lines = (o: Record<string, unknown>) =>
  Array.isArray(o.lines) && o.lines.length > 0
    ? (o.lines as Record<string, unknown>[])
    : ((o.lines = [{}]) as Record<string, unknown>[]);
const shipTo = (o: Record<string, unknown>) => objectAt(o, 'shipTo');

const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom('channelOrderRef', 'currency', 'customer', 'shipTo', 'lines').map(
    (key): Mutation =>
      (o) =>
        void delete o[key],
  ),
  fc
    .oneof(
      fc.integer({ max: 0 }),
      fc.double({ noNaN: true, min: 0.01, max: 0.99 }),
      fc.constant('2'),
    )
    .map(
      (q): Mutation =>
        (o) =>
          void (lines(o)[0]!.quantity = q),
    ),
  fc
    .string({ minLength: 3, maxLength: 3 })
    .filter((c) => !(SUPPORTED_CURRENCIES as readonly string[]).includes(c))
    .map(
      (c): Mutation =>
        (o) =>
          void (o.currency = c),
    ),
  fc.string({ minLength: 201, maxLength: 400 }).map(
    (s): Mutation =>
      (o) =>
        void (shipTo(o).name = s),
  ),
  fc.string({ minLength: 65, maxLength: 120 }).map(
    (s): Mutation =>
      (o) =>
        void (o.channelOrderRef = s),
  ),
  fc.stringMatching(/^[A-Z]{3,8}-[0-9]{2,5}$/).map(
    (sku): Mutation =>
      (o) =>
        void (lines(o)[0]!.sku = `NOPE-${sku}`),
  ),
  fc.constant<Mutation>((o) => void (o.lines = [])),
  fc.oneof(fc.constant('nl'), fc.constant('NLD'), fc.constant('XX'), fc.constant(31)).map(
    (c): Mutation =>
      (o) =>
        void (shipTo(o).country = c),
  ),
  fc.string().map(
    (s): Mutation =>
      (o) =>
        void (shipTo(o).city = `${s}\u0000`),
  ),
  fc.oneof(fc.constant('not-an-email'), fc.constant(42)).map(
    (e): Mutation =>
      (o) =>
        void (objectAt(o, 'customer').email = e),
  ),
  fc.integer({ max: -1 }).map(
    (p): Mutation =>
      (o) =>
        void (lines(o)[0]!.unitPriceMinor = p),
  ),
  fc.oneof(fc.constant(null), fc.constant('x'), fc.constant([]), fc.integer()).map(
    (v): Mutation =>
      (o) =>
        void (o.customer = v),
  ),
  fc.constantFrom(90.5, -91, 'north').map(
    (lat): Mutation =>
      (o) =>
        void (shipTo(o).latitude = lat),
  ),
  fc.constant<Mutation>((o) => void (o.promisedDeliveryDate = '2025-02-30x')),
);

describe.each(BACKENDS)('bad input on %s', (backend) => {
  let server: TestServer;
  const post = (payload: string | object, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: {
        ...bearer(CHANNEL_KEYS.web),
        'idempotency-key': `bad-${Math.random()}`,
        'content-type': 'application/json',
        ...headers,
      },
      payload,
    });
  const written = () =>
    Promise.all(
      ['orders', 'customers', 'reservations', 'outbox_events', 'idempotency_keys'].map((t) =>
        countRows(server.db, t as 'orders'),
      ),
    );

  beforeAll(async () => {
    server = await startTestServer(backend, 'badinput');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 100 } });
  });
  afterAll(() => server.close());

  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await post('{"channelOrderRef": "x", ');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('malformed_json');
  });

  it('answers a body over 1 MB with 413', async () => {
    const res = await post(JSON.stringify({ ...makeOrder(), padding: 'x'.repeat(1024 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('body_too_large');
  });

  it('requires an Idempotency-Key and names it', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: bearer(CHANNEL_KEYS.web),
      payload: makeOrder(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('idempotency-key');
  });

  it('names the field of a wrong-typed quantity', async () => {
    const order = makeOrder() as unknown as Record<string, unknown>;
    lines(order)[0]!.quantity = 0;
    const res = await post(order);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'lines[0].quantity' });
  });

  it('rejects 1,000 generated invalid orders with a 4xx and writes nothing', async () => {
    const before = await written();
    await fc.assert(
      fc.asyncProperty(fc.array(mutations, { minLength: 1, maxLength: 3 }), async (chosen) => {
        const order = structuredClone(makeOrder()) as unknown as Record<string, unknown>;
        for (const mutate of chosen) mutate(order);
        const res = await post(order);
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.json()).toEqual(
          expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
        );
      }),
      { numRuns: 1000 },
    );
    expect(await written()).toEqual(before);
  }, 120_000);
});
