// The order API under 1,000 hostile bodies and hundreds of hostile list and read queries, on one
// PGlite database: never a 5xx, every refusal names what is wrong, and the database holds exactly
// the orders the 201 answers describe, as they were validated (trimmed, blank optionals absent).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalOrderSchema } from '../../shared/orders/order-schema';
import { isBlank } from '../../shared/validation/text';
import {
  brokenJson,
  expectNamedAnswer,
  hostileBody,
  pathSegment,
  type Path,
} from '../support/fuzz-bodies';
import { BAD_DATES, hostileString } from '../support/hostile-values';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  countRows,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';

let serial = 0;
const ADDRESSES = [
  {
    name: 'Emma de Vries',
    line1: 'Damrak 1',
    postalCode: '1012 AB',
    city: 'Amsterdam',
    country: 'NL',
  },
  { name: 'Lotte Peeters', line1: 'Veldstraat 1', postalCode: '9000', city: 'Gent', country: 'BE' },
  {
    name: 'Jürgen Müller',
    line1: 'Hohe Straße 4',
    line2: 'Hinterhaus',
    postalCode: '50667',
    city: 'Köln',
    country: 'DE',
  },
];

/** A valid order, a different shape every few calls: person or company, with or without billTo. */
function validOrder() {
  serial += 1;
  const shipTo = ADDRESSES[serial % 3]!;
  const company = serial % 4 === 0;
  return {
    channelOrderRef: `FZ-${serial}`,
    placedAt: '2026-03-01T10:00:00+01:00',
    currency: 'EUR',
    ...(company ? { poNumber: `PO-${serial}` } : {}),
    customer: company
      ? {
          type: 'company',
          companyName: 'Bakkerij Verhoeven BV',
          vatNumber: 'NL004495445B01',
          buyer: { name: 'Daan Bakker', email: 'daan@example.com' },
        }
      : { type: 'person', name: 'Emma de Vries', email: 'emma@example.com', locale: 'nl' },
    shipTo: { ...shipTo, phone: '+31 20 123 4567' },
    ...(serial % 3 === 1 ? { billTo: { ...ADDRESSES[0]! } } : {}),
    lines: [
      { sku: 'SKU-1', quantity: 1 + (serial % 3), name: 'Mug' },
      { sku: 'SKU-2', quantity: 1, unitPriceMinor: 1250 },
    ],
    shippingChargedMinor: 495,
    promisedDeliveryDate: '2026-03-05',
  };
}

// Rules across fields: the VAT number follows the address countries, prices the currency.
const DEPENDS_ON: [Path, Path][] = [
  [['customer', 'vatNumber'], ['shipTo']],
  [['customer', 'vatNumber'], ['billTo']],
  [['lines'], ['currency']],
  [['lines'], ['shippingChargedMinor']],
];

describe('order API fuzz on PGlite', () => {
  let server: TestServer;
  const placed: { orderId: string; sent: unknown }[] = [];

  beforeAll(async () => {
    server = await startTestServer('pglite', 'ordersfuzz');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 100_000, 'BE-GNT': 100_000 },
      'SKU-2': { 'NL-TIL': 100_000, 'DE-KSL': 100_000 },
    });
  });
  afterAll(() => server.close());

  const post = (text: string) =>
    server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: {
        ...bearer(CHANNEL_KEYS.market),
        'idempotency-key': `fuzz-${++serial}`,
        'content-type': 'application/json',
      },
      payload: text,
    });
  const get = (url: string) =>
    server.app.inject({ method: 'GET', url, headers: bearer(ADMIN_TOKEN) });

  it('answers 1,000 hostile order bodies with 201 or a named 4xx, storing exactly the 201s', async () => {
    const before = await Promise.all(
      (['orders', 'order_lines', 'idempotency_keys'] as const).map((t) => countRows(server.db, t)),
    );
    let lines = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // Untouched valid orders, so the valid path is always walked (a mutation may also
          // leave a body valid, but how often depends on the run's seed).
          {
            weight: 2,
            arbitrary: fc
              .constant(null)
              .map(() => ({ text: JSON.stringify(validOrder()), mutations: [], valid: true })),
          },
          { weight: 12, arbitrary: hostileBody(validOrder) },
          { weight: 1, arbitrary: brokenJson.map((text) => ({ text, mutations: [] })) },
        ),
        async ({ text, mutations, ...kind }) => {
          const res = await post(text);
          if ('valid' in kind) expect(res.statusCode, res.body).toBe(201);
          expectNamedAnswer(
            res,
            mutations.map((m) => m.path),
            { dependsOn: DEPENDS_ON },
          );
          if (res.statusCode === 201) {
            const sent = canonicalOrderSchema.parse(JSON.parse(text));
            placed.push({ orderId: res.json().orderId, sent });
            lines += sent.lines.length;
          }
        },
      ),
      { numRuns: 1000 },
    );
    const after = await Promise.all(
      (['orders', 'order_lines', 'idempotency_keys'] as const).map((t) => countRows(server.db, t)),
    );
    expect(after).toEqual([
      before[0]! + placed.length,
      before[1]! + lines,
      before[2]! + placed.length,
    ]);
    // Enough of them were valid to prove the valid path, not only refusals.
    expect(placed.length).toBeGreaterThan(100);
  }, 120_000);

  it('stores each accepted order as validated: trimmed, nothing blank', async () => {
    for (const { orderId, sent } of placed) {
      const view = (await get(`/v1/orders/${orderId}`)).json();
      const order = sent as ReturnType<typeof canonicalOrderSchema.parse>;
      expect(view.channelOrderRef).toBe(order.channelOrderRef);
      expect(view.shipTo).toEqual(JSON.parse(JSON.stringify(order.shipTo)));
      expect(view.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual(
        order.lines.map((l) => [l.sku, l.quantity]),
      );
      for (const text of Object.values(view.shipTo).filter((v) => typeof v === 'string'))
        expect(isBlank(text as string) || (text as string).trim() !== text).toBe(false);
    }
  }, 60_000);

  it('answers hostile list queries and cursors with a page or a named 400', async () => {
    const first = (await get('/v1/orders?limit=2')).json();
    const realCursor = first.nextCursor as string;
    const cursor = fc.oneof(
      hostileString,
      fc.constant(realCursor),
      fc
        .tuple(
          fc.constantFrom(...BAD_DATES, '2026-01-01T00:00:00.000Z'),
          fc.oneof(fc.uuid(), hostileString),
        )
        .map(([at, id]) => Buffer.from(`${at}|${id}`).toString('base64url')),
    );
    const query = fc.record(
      {
        limit: fc.oneof(
          hostileString,
          fc.constantFrom('1', '50', '200', '201', '0', '-1', '1.5', 'NaN', '1e3'),
        ),
        cursor,
        status: fc.oneof(hostileString, fc.constantFrom('released', 'cancelled')),
        channel: fc.oneof(hostileString, fc.constantFrom('market', 'web')),
        warehouse: fc.oneof(hostileString, fc.constantFrom('NL-TIL', 'XX-NONE')),
        from: fc.oneof(hostileString, fc.constantFrom(...BAD_DATES, '2026-01-01')),
        to: fc.oneof(hostileString, fc.constantFrom(...BAD_DATES, '2026-01-01T00:00:00+01:00')),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const res = await get(`/v1/orders?${new URLSearchParams(params)}`);
        expectNamedAnswer(
          res,
          Object.keys(params).map((k) => [k]),
        );
        if (res.statusCode === 200) {
          const page = res.json();
          const limit = params.limit === undefined ? 50 : Number(params.limit);
          expect(page.orders.length).toBeLessThanOrEqual(limit);
          const times = page.orders.map((o: { placedAt: string }) => o.placedAt);
          expect([...times].sort().reverse()).toEqual(times);
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('answers hostile order ids with 400 naming id, or 404', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileString.map((s) => s.slice(0, 2000)),
          fc.uuid(),
        ),
        async (id) => {
          const res = await get(`/v1/orders/${pathSegment(id)}`);
          expectNamedAnswer(res, [['id']], { fieldless: ['not_found'] });
          expect([400, 404, 414]).toContain(res.statusCode);
        },
      ),
      { numRuns: 200 },
    );
    for (const broken of ['%E0%A4%A', '%', '%zz']) {
      const res = await get(`/v1/orders/${broken}`);
      expect(res.statusCode, broken).toBe(400);
      expect(res.json()).toMatchObject({ code: 'bad_url', message: expect.any(String) });
    }
  }, 60_000);
});
