// Hostile channel bodies through the real connector routes, signed (Shopify) or keyed (Adobe
// Commerce) so they reach the mappers: realistic orders with fields deleted, emptied, duplicated or
// replaced by hostile values. Never a 5xx; every 4xx names what is wrong; and afterwards the
// database holds exactly the orders the 201 answers describe, with the amounts they gave.
// One backend (PostgreSQL, what production runs) keeps the file's time reasonable.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  magentoBundleOrder,
  magentoConfigurableOrder,
  magentoNlVatOrder,
  magentoOrder,
} from '../../src-server/connectors/magento/magento-order.fixture';
import { shopifyHmac } from '../../src-server/connectors/shopify/shopify-hmac';
import {
  shopifyOrderCreated,
  shopifyTaxIncludedOrder,
} from '../../src-server/connectors/shopify/shopify-order.fixture';
import {
  bearer,
  CHANNEL_KEYS,
  seedCatalog,
  seedChannels,
  SHOPIFY_SECRET,
} from '../support/oms-fixtures';
import { startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';

type Json = unknown;
type Path = (string | number)[];

const RUNS = 1000;

/** Every path into a JSON value (objects and arrays, not the root). */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value as Record<string, Json>);
  return entries.flatMap(([key, v]) => [[...prefix, key], ...pathsOf(v, [...prefix, key])]);
}

function parentOf(root: Json, path: Path): Record<string | number, Json> | undefined {
  let node = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, Json>;
    if (node === null || typeof node !== 'object') return undefined;
  }
  return node;
}

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    '',
    ' ',
    -1,
    -0.01,
    0,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    'NaN',
    'Infinity',
    '1e3',
    '0x10',
    '12.345678',
    ' 12.50 ',
    '-4.95',
    '\u0000',
    '\ud800',
    'x'.repeat(5000),
    '^XA^FDhi^XZ',
    true,
    [],
    {},
    [{}],
    { __proto__: { polluted: true } },
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 80 }),
  fc.double({ noNaN: false }),
  fc.integer(),
);

/** Numbers (quantities, amounts, ids) mostly get numbers that are wrong in some way. */
const hostileNumber: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(-1, -0.01, 0, 0.5, 1.5, 2.5, 99_999.999, 1e21, 1e308, '1.5', '-1', 'NaN'),
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000_000_000 }),
);

type Mutation = {
  pick: number;
  op: 'delete' | 'set' | 'empty' | 'duplicate';
  value: Json;
  number: Json;
};
const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('delete', 'set', 'set', 'set', 'empty', 'duplicate'),
  value: hostileValue,
  number: fc.option(hostileNumber, { freq: 3 }),
});

function mutate(body: Json, mutations: readonly Mutation[]): Json {
  for (const m of mutations) {
    const paths = pathsOf(body);
    if (paths.length === 0) break;
    const path = paths[m.pick % paths.length]!;
    const parent = parentOf(body, path);
    if (!parent) continue;
    const key = path.at(-1)!;
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (m.op === 'set')
      parent[key] = structuredClone(
        typeof parent[key] === 'number' && m.number !== null ? m.number : m.value,
      );
    else if (m.op === 'empty') parent[key] = Array.isArray(parent[key]) ? [] : {};
    else if (Array.isArray(parent)) parent.push(structuredClone(parent[key]));
    else parent[key] = [parent[key], parent[key]];
  }
  return body;
}

/** A body: a realistic order, hostile edits of it, or no order at all. */
function bodies(fixtures: (() => Json)[], identify: (body: Json, n: number) => void) {
  let n = 0;
  return fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(fc.nat(fixtures.length - 1), fc.array(mutation, { maxLength: 3 }))
        .map(([which, mutations]) => {
          n += 1;
          const body = structuredClone(fixtures[which]!());
          identify(body, n);
          return JSON.stringify(mutate(body, mutations));
        }),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
  );
}

interface Placed {
  orderId: string;
  channel: string;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

describe('hostile bodies at the connector routes', () => {
  let server: TestServer;
  const placed = new Map<string, Placed>();

  let refused = 0;
  function expectNamed(status: number, body: Record<string, unknown>, raw: string) {
    expect(status, raw.slice(0, 2000)).toBeLessThan(500);
    if (status < 300) {
      expect(status).toBe(201);
      const answer = body as unknown as Placed;
      const seen = placed.get(answer.orderId);
      if (seen) expect(answer).toEqual(seen);
      placed.set(answer.orderId, answer);
      expect(answer.totalMinor).toBeGreaterThanOrEqual(0);
      return;
    }
    refused += 1;
    expect(body.code, raw.slice(0, 2000)).toEqual(expect.stringMatching(/^[a-z_]+$/));
    expect(body.message, raw.slice(0, 2000)).toEqual(expect.any(String));
    expect((body.message as string).length).toBeGreaterThan(0);
    if (status === 400 || status === 422 || status === 409)
      expect(body.field, `${status} ${String(body.message)}`).toEqual(expect.any(String));
  }

  beforeAll(async () => {
    server = await startTestServer('postgres', 'connector_fuzz');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 1_000_000, 'BE-GNT': 1_000_000 },
      'SKU-3': { 'NL-TIL': 1_000_000, 'BE-GNT': 1_000_000 },
    });
  });
  afterAll(() => server.close());

  it(`answers ${RUNS} hostile Shopify webhooks with a 201 or a 4xx that names the problem`, async () => {
    const arbitrary = bodies([shopifyOrderCreated, shopifyTaxIncludedOrder], (body, n) => {
      Object.assign(body as object, { id: 7_000_000 + n, name: `#F${n}` });
    });
    await fc.assert(
      fc.asyncProperty(arbitrary, async (raw) => {
        const res = await server.app.inject({
          method: 'POST',
          url: '/v1/connectors/shopify/web/orders-create',
          headers: {
            'content-type': 'application/json',
            'x-shopify-hmac-sha256': shopifyHmac(raw, SHOPIFY_SECRET),
            'x-shopify-topic': 'orders/create',
          },
          payload: raw,
        });
        expectNamed(res.statusCode, res.json(), raw);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`answers ${RUNS} hostile Adobe Commerce orders with a 201 or a 4xx that names the problem`, async () => {
    const arbitrary = bodies(
      [
        magentoOrder,
        magentoNlVatOrder,
        magentoConfigurableOrder,
        () => magentoBundleOrder('dynamic'),
        () => magentoBundleOrder('fixed'),
      ],
      (body, n) => {
        Object.assign(body as object, { entity_id: 8_000_000 + n, increment_id: `F${n}` });
      },
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async (raw) => {
        const res = await server.app.inject({
          method: 'POST',
          url: '/v1/connectors/magento/orders',
          headers: { ...bearer(CHANNEL_KEYS.magento), 'content-type': 'application/json' },
          payload: raw,
        });
        expectNamed(res.statusCode, res.json(), raw);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('holds exactly the orders the 201 answers describe, with their amounts', async () => {
    const orders = await server.db
      .selectFrom('orders')
      .select([
        'id',
        'channel_code',
        'subtotal_minor',
        'discount_minor',
        'tax_minor',
        'total_minor',
      ])
      .execute();
    expect(new Set(orders.map((o) => o.id))).toEqual(new Set(placed.keys()));
    // Both routes placed orders and refused bodies, so both outcomes were tested.
    for (const channel of ['magento', 'web'])
      expect(orders.filter((o) => o.channel_code === channel).length).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(200);
    for (const o of orders) {
      const answer = placed.get(o.id)!;
      expect([
        o.channel_code,
        o.subtotal_minor,
        o.discount_minor,
        o.tax_minor,
        o.total_minor,
      ]).toEqual([
        answer.channel,
        answer.subtotalMinor,
        answer.discountMinor,
        answer.taxMinor,
        answer.totalMinor,
      ]);
    }
    const lineSums = await server.db
      .selectFrom('order_lines as l')
      .innerJoin('orders as o', 'o.id', 'l.order_id')
      .select(['o.id', 'o.total_minor', 'o.shipping_charged_minor', 'o.shipping_discount_minor'])
      .select((eb) => eb.fn.sum<string>('l.gross_minor').as('gross'))
      .select('o.prices_include_tax')
      .select('o.shipping_tax_minor')
      .groupBy(['o.id'])
      .execute();
    expect(lineSums).toHaveLength(orders.length);
    for (const s of lineSums) {
      const shippingGross =
        s.shipping_charged_minor -
        s.shipping_discount_minor +
        (s.prices_include_tax ? 0 : s.shipping_tax_minor);
      expect(Number(s.gross) + shippingGross).toBe(s.total_minor);
    }
  });
});
