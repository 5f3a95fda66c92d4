// The intake queue places orders that arrive together in one transaction: each order still gets
// its own answer, stock is shared out in arrival order, and two API instances racing for the
// same stock never oversell.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src-server/app';
import { openDatabase } from '../../src-server/db/connect';
import { ApiError } from '../../src-server/http/api-error';
import { MAX_BATCH, OrderIntake } from '../../src-server/orders/intake-queue';
import type { PlaceOrderCommand } from '../../src-server/orders/place-order';
import { DEMO_SHIPPING_SERVICES } from '../../src-server/shipping/demo-rates';
import { publishFulfillments } from '../../src-server/sync/projections';
import { BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  countRows,
  makeOrder,
  reservedUnits,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';

const settings = { shippingServices: DEMO_SHIPPING_SERVICES, maxExtraKmForSingleWarehouse: 100 };

const command = (
  key: string | null,
  order = makeOrder({ skus: { 'SKU-1': 1 } }),
): PlaceOrderCommand => ({ channelCode: 'web', order, idempotencyKey: key, actor: 'test' });

/** Settles every promise; an ApiError becomes its code, a result its status. */
const outcomeOf = (p: Promise<{ statusCode: number; replayed: boolean }>) =>
  p.then(
    (r) => (r.replayed ? `${r.statusCode} replayed` : `${r.statusCode}`),
    (e: unknown) => (e instanceof ApiError ? `${e.statusCode} ${e.code}` : `error ${String(e)}`),
  );

describe.each(BACKENDS)('intake batching on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend, 'batching');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 500 },
      'SKU-S': { 'NL-TIL': 2 },
      'SKU-T': { 'NL-TIL': 3, 'BE-GNT': 1 },
      'SKU-D': { 'NL-TIL': 3, 'BE-GNT': 5 },
    });
  });
  afterAll(() => server.close());

  it('places the orders that arrived together in one transaction, each with its own answer', async () => {
    // One batch in flight, so the orders that arrive during the first all wait for the next.
    const intake = new OrderIntake(server.db, settings, MAX_BATCH, 1);
    const ordersBefore = await countRows(server.db, 'orders');
    const stored = makeOrder({ skus: { 'SKU-1': 1 } });
    await intake.place(command('stored-key', stored));

    // The first call starts a transaction at once; the others queue up meanwhile and become the
    // next batch together.
    const first = intake.place(command(null));
    const orders = Array.from({ length: 6 }, () => makeOrder({ skus: { 'SKU-1': 1 } }));
    const sameRef = {
      ...makeOrder({ skus: { 'SKU-1': 1 } }),
      channelOrderRef: orders[0]!.channelOrderRef,
    };
    const outcomes = await Promise.all([
      outcomeOf(first),
      ...orders.map((order, i) => outcomeOf(intake.place(command(`batch-${i}`, order)))),
      outcomeOf(intake.place(command('stored-key', stored))),
      outcomeOf(intake.place(command('stored-key', makeOrder({ skus: { 'SKU-1': 2 } })))),
      outcomeOf(intake.place(command('bad-sku', makeOrder({ skus: { 'SKU-NOPE': 1 } })))),
      outcomeOf(intake.place(command('batch-0', orders[0]))),
      outcomeOf(intake.place(command('other-key', sameRef))),
    ]);
    expect(outcomes).toEqual([
      '201',
      ...orders.map(() => '201'),
      '201 replayed',
      '409 idempotency_key_reused',
      '422 unknown_sku',
      '201 replayed',
      '409 duplicate_channel_order',
    ]);
    expect(await countRows(server.db, 'orders')).toBe(ordersBefore + 1 + 1 + orders.length);
    const refs = orders.map((o) => o.channelOrderRef);
    const { rows } = await sql<{ transactions: number }>`
      select count(distinct xmin::text)::int as transactions from orders
      where channel_order_ref in (${sql.join(refs)})`.execute(server.db);
    expect(rows[0]!.transactions).toBe(1);
  });

  it('sends stations the same fulfillment documents the tables would give', async () => {
    const intake = new OrderIntake(server.db, settings);
    const placed = await intake.place(
      command(
        null,
        makeOrder({
          // Tilburg has 3 of SKU-D: the order splits, and the lines sort by walk.
          skus: { 'SKU-1': 2, 'SKU-D': 4 },
          poNumber: 'PO-7788',
          promisedDeliveryDate: '2099-01-15',
          customer: {
            type: 'company',
            companyName: 'Bakkerij Öztürk B.V.',
            buyer: { name: 'Ayşe Öztürk', email: 'ayse@oztürk.example' },
            locale: 'nl',
          },
          shipTo: {
            name: 'Ayşe Öztürk',
            line1: 'Çiçekstraat 3',
            postalCode: '1012 AB',
            city: 'Amsterdam',
            country: 'NL',
          },
        }),
      ),
    );
    const ids = placed.body.fulfillments.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    const stored = async () =>
      (
        await server.db
          .selectFrom('sync_documents')
          .select(['id', 'doc'])
          .where('collection', '=', 'fulfillments')
          .where('id', 'in', ids)
          .orderBy('id')
          .execute()
      ).map((row) => row.doc);
    const fromIntake = await stored();
    await server.db.transaction().execute((trx) => publishFulfillments(trx, ids));
    const fromTables = await stored();
    expect(fromIntake).toHaveLength(ids.length);
    expect(fromIntake).toEqual(fromTables);
    expect(fromIntake[0]).toMatchObject({ poNumber: 'PO-7788', customerLocale: 'nl' });
  });

  it('gives stations a French customer’s language as French, from the intake and from the tables', async () => {
    const intake = new OrderIntake(server.db, settings);
    const placed = await intake.place(
      command(
        null,
        makeOrder({
          skus: { 'SKU-1': 1 },
          customer: {
            type: 'person',
            name: 'Camille Martin',
            email: 'camille@exemple.fr',
            locale: 'fr',
          },
        }),
      ),
    );
    const ids = placed.body.fulfillments.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    const stored = async () =>
      (
        await server.db
          .selectFrom('sync_documents')
          .select('doc')
          .where('collection', '=', 'fulfillments')
          .where('id', 'in', ids)
          .execute()
      ).map((row) => row.doc);
    expect(await stored()).toEqual(
      ids.map(() => expect.objectContaining({ customerLocale: 'fr' })),
    );
    await server.db.transaction().execute((trx) => publishFulfillments(trx, ids));
    expect(await stored()).toEqual(
      ids.map(() => expect.objectContaining({ customerLocale: 'fr' })),
    );
  });

  it('shares scarce stock out in arrival order within a batch', async () => {
    const intake = new OrderIntake(server.db, settings);
    void intake.place(command(null)); // occupies the queue so the next three form one batch
    const results = await Promise.all(
      [1, 2, 3].map(() => intake.place(command(null, makeOrder({ skus: { 'SKU-S': 1 } })))),
    );
    expect(results.map((r) => r.body.status)).toEqual(['released', 'released', 'backordered']);
    expect(await reservedUnits(server.db, 'SKU-S')).toBe(2);
  });

  it('splits an order over warehouses against what earlier orders of the batch left', async () => {
    const intake = new OrderIntake(server.db, settings);
    void intake.place(command(null));
    const [a, b] = await Promise.all([
      intake.place(command(null, makeOrder({ skus: { 'SKU-T': 3 } }))),
      intake.place(command(null, makeOrder({ skus: { 'SKU-T': 1 } }))),
    ]);
    expect(a!.body.fulfillments.map((f) => f.warehouseCode)).toEqual(['NL-TIL']);
    // Tilburg has nothing left after the first order: the second goes to Gent.
    expect(b!.body.fulfillments.map((f) => f.warehouseCode)).toEqual(['BE-GNT']);
  });
});

describe('two API instances on one PostgreSQL', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('postgres', 'instances', { poolSize: 8 });
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-R': { 'NL-TIL': 9, 'BE-GNT': 6 } });
  });
  afterAll(() => server.close());

  it('never oversells when both batch orders for the same stock', async () => {
    const other = await openDatabase({ databaseUrl: server.databaseUrl, maxConnections: 8 });
    const second = await createApp(server.config, {
      db: other.db,
      listen: other.listen,
      logger: false,
    });
    try {
      const post = (app: typeof second, i: number) =>
        app.inject({
          method: 'POST',
          url: '/v1/orders',
          headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': `two-${i}` },
          payload: makeOrder({ skus: { 'SKU-R': 1 + (i % 2) } }),
        });
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => post(i % 2 === 0 ? server.app : second, i)),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(Array(40).fill(201));
      expect(await reservedUnits(server.db, 'SKU-R')).toBe(15);
      const backordered = responses.flatMap((r) => r.json().backordered as { quantity: number }[]);
      expect(backordered.reduce((sum, line) => sum + line.quantity, 0)).toBe(60 - 15);
    } finally {
      await second.close();
      await other.close();
    }
  });
});
