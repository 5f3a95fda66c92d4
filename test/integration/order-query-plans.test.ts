// With many orders stored, every read the order API runs — one order, a page of the list under
// any mix of its filters (status, channel, warehouse, date range, cursor), a warehouse's queue —
// must stay a few index look-ups: each statement the routes send is EXPLAIN ANALYZEd on
// PostgreSQL 15 and must not scan a big table sequentially, nor read more than a few pages' worth
// of orders to fill one page.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ORDER_STATUSES } from '../../shared/orders/order-state';
import { FULFILLMENT_STATUSES } from '../../shared/orders/fulfillment-state';
import { createApp } from '../../src-server/app';
import { loadServerConfig } from '../../src-server/config';
import { openDatabase } from '../../src-server/db/connect';
import type { DatabaseHandle } from '../../src-server/db/connect';
import { migrateToLatest } from '../../src-server/db/migrate';
import { createDatabase } from '../setup/postgres-cluster';
import { generateOrders } from '../support/generated-orders';
import type { GeneratedOrders } from '../support/generated-orders';
import {
  bearer,
  CHANNEL_KEYS,
  seedCatalog,
  seedChannels,
  WAREHOUSES,
} from '../support/oms-fixtures';
import { ADMIN_TOKEN } from '../support/server-harness';

const ORDER_COUNT = 50_000;
const PAGE = 50;
/**
 * Rows of `orders` one page may read (2% of those stored): the page, and the orders a warehouse
 * filter passes over — it checks each candidate's fulfillments, so with three warehouses and three
 * channels a page of one channel and one warehouse passes over about eight orders per hit.
 */
const MAX_ORDER_ROWS_PER_PAGE = 1000;
const BIG_TABLES = new Set([
  'orders',
  'order_lines',
  'order_events',
  'fulfillment_orders',
  'fulfillment_lines',
  'reservations',
  'sync_documents',
]);

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

interface Page {
  nextCursor?: unknown;
  orders?: { orderId: string }[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

describe('order API query plans on PostgreSQL with 50,000 orders stored', () => {
  let handle: DatabaseHandle;
  let app: Awaited<ReturnType<typeof createApp>>;
  let history: GeneratedOrders;
  let orderIds: string[];
  /** Every stored order as the list filters see it, newest first: the reference the pages match. */
  let reference: {
    id: string;
    channel: string;
    status: string;
    placedAt: number;
    warehouses: string[];
  }[];
  let seen: CompiledQuery[] = [];

  beforeAll(async () => {
    const name = `oms_plans_${randomBytes(4).toString('hex')}`;
    const databaseUrl = createDatabase(inject('postgresUrl'), name);
    handle = await openDatabase({
      databaseUrl,
      maxConnections: 4,
      onQuery: (query) => seen.push(query),
    });
    await migrateToLatest(handle.db);
    await seedChannels(handle.db);
    await seedCatalog(
      handle.db,
      Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`SKU-${i}`, { 'NL-TIL': 100 }])),
    );
    history = await generateOrders(handle.db, ORDER_COUNT, { slice: 25_000 });
    const stored = await handle.db
      .selectFrom('orders as o')
      .leftJoin('fulfillment_orders as f', 'f.order_id', 'o.id')
      .select(['o.id', 'o.channel_code', 'o.status', 'o.placed_at', 'f.warehouse_code'])
      .orderBy('o.placed_at', 'desc')
      .orderBy('o.id', 'desc')
      .execute();
    reference = [];
    for (const row of stored) {
      const last = reference.at(-1);
      if (last?.id === row.id) last.warehouses.push(row.warehouse_code!);
      else
        reference.push({
          id: row.id,
          channel: row.channel_code,
          status: row.status,
          placedAt: row.placed_at.getTime(),
          warehouses: row.warehouse_code === null ? [] : [row.warehouse_code],
        });
    }
    orderIds = reference.filter((_, i) => i % 25 === 0).map((r) => r.id);
    const config = {
      ...loadServerConfig({ ADMIN_TOKEN, ADMIN_TOKEN_SCOPE: 'system' }),
      databaseUrl: undefined,
    };
    app = await createApp(config, { db: handle.db, listen: handle.listen, logger: false });
    await app.ready();
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  /** Runs a request, then EXPLAIN ANALYZEs every statement it sent and checks each plan. */
  async function expectIndexedReads(url: string, key: string): Promise<Page> {
    seen = [];
    const res = await app.inject({ method: 'GET', url, headers: bearer(key) });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    const statements = seen.filter((q) => /^\s*select/i.test(q.sql));
    seen = [];
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      const { rows } = await handle.db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        CompiledQuery.raw(`explain (analyze, format json) ${statement.sql}`, [
          ...statement.parameters,
        ]),
      );
      const nodes = nodesOf(rows[0]!['QUERY PLAN'][0].Plan);
      const shape = nodes
        .map(
          (n) =>
            `${n['Node Type']} ${n['Relation Name'] ?? ''} rows=${n['Actual Rows']}x${n['Actual Loops']} removed=${n['Rows Removed by Filter'] ?? 0}`,
        )
        .join(' / ');
      const where = `${url}\n${statement.sql}\n${shape}`;
      const seqScans = nodes.filter(
        (n) => n['Node Type'] === 'Seq Scan' && BIG_TABLES.has(n['Relation Name'] ?? ''),
      );
      expect(
        seqScans.map((n) => n['Relation Name']),
        `sequential scan in ${where}`,
      ).toEqual([]);
      const orderRowsRead = nodes
        .filter((n) => n['Relation Name'] === 'orders')
        .reduce(
          (sum, n) =>
            sum +
            (n['Actual Rows'] +
              (n['Rows Removed by Filter'] ?? 0) +
              (n['Rows Removed by Index Recheck'] ?? 0)) *
              n['Actual Loops'],
          0,
        );
      expect(orderRowsRead, `orders rows read by ${where}`).toBeLessThanOrEqual(
        MAX_ORDER_ROWS_PER_PAGE,
      );
    }
    return res.json<Page>();
  }

  const instant = (ordersBack: number) =>
    new Date(history.newest.getTime() - ordersBack * history.spacingSeconds * 1000).toISOString();

  it('lists the orders matching any mix of filters, and the next page, by index', async () => {
    const channels = Object.keys(CHANNEL_KEYS);
    const filters = fc.record(
      {
        status: fc.constantFrom(...ORDER_STATUSES),
        channel: fc.constantFrom(...channels),
        warehouse: fc.constantFrom(...Object.keys(WAREHOUSES)),
        from: fc.integer({ min: 0, max: ORDER_COUNT }),
        to: fc.integer({ min: 0, max: ORDER_COUNT }),
        asChannelKey: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(filters, async ({ asChannelKey, from, to, ...equal }) => {
        const query = new URLSearchParams({ limit: String(PAGE) });
        for (const [name, value] of Object.entries(equal)) query.set(name, value);
        if (from !== undefined) query.set('placedFrom', instant(from));
        if (to !== undefined) query.set('placedTo', instant(to));
        const channel = equal.channel ?? 'web';
        const key = asChannelKey ? CHANNEL_KEYS[channel as keyof typeof CHANNEL_KEYS] : ADMIN_TOKEN;
        const matching = reference.filter(
          (o) =>
            (equal.status === undefined || o.status === equal.status) &&
            (equal.channel === undefined || o.channel === equal.channel) &&
            (!asChannelKey || o.channel === channel) &&
            (equal.warehouse === undefined || o.warehouses.includes(equal.warehouse)) &&
            (from === undefined || o.placedAt >= Date.parse(instant(from))) &&
            (to === undefined || o.placedAt < Date.parse(instant(to))),
        );
        const first = await expectIndexedReads(`/v1/orders?${query}`, key);
        const ids = (page: Page) => page.orders?.map((o) => o.orderId);
        expect(ids(first)).toEqual(matching.slice(0, PAGE).map((o) => o.id));
        if (typeof first.nextCursor === 'string') {
          query.set('cursor', first.nextCursor);
          const second = await expectIndexedReads(`/v1/orders?${query}`, key);
          expect(ids(second)).toEqual(matching.slice(PAGE, 2 * PAGE).map((o) => o.id));
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('reads one order (lines, fulfillments, pick lines, events) by index look-ups', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: orderIds.length - 1 }), async (i) => {
        await expectIndexedReads(`/v1/orders/${orderIds[i]}`, ADMIN_TOKEN);
      }),
      { numRuns: 30 },
    );
  });

  it("pages a warehouse's fulfillment queue by index, for every status", async () => {
    for (const warehouse of Object.keys(WAREHOUSES)) {
      for (const status of FULFILLMENT_STATUSES) {
        const url = `/v1/warehouses/${warehouse}/fulfillments?status=${status}&limit=${PAGE}`;
        const first = await expectIndexedReads(url, ADMIN_TOKEN);
        if (typeof first.nextCursor === 'string')
          await expectIndexedReads(`${url}&cursor=${first.nextCursor}`, ADMIN_TOKEN);
      }
    }
  }, 60_000);
});
