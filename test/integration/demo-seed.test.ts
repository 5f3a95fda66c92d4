// The demo that `npm start` seeds: its orders and shipped history are written while the API
// already serves (a batch or a shipment per transaction, so requests take turns with them), the
// same demo from the same seed on both backends and after a stop midway, stock that adds up
// afterwards, and return analytics with something to show.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCodes } from '../../src-server/db/code-order';
import type { Database } from '../../src-server/db/schema';
import { demoChannelCredentials } from '../../src-server/seed/demo-channels';
import {
  seedDemoActivity,
  seedDemoCatalogue,
  unfinishedDemoSeed,
} from '../../src-server/seed/demo-seed';
import { bearer } from '../support/oms-fixtures';
import {
  ADMIN_TOKEN,
  openTestDatabase,
  startTestServer,
  type TestServer,
} from '../support/server-harness';

const SEED = 'demo-seed-test';
const quietLog = { info: () => undefined };
const seedOptions = {
  seed: SEED,
  log: quietLog,
  maxExtraKmForSingleWarehouse: 100,
  orderCount: 600,
  productCount: 40,
};

/** What a demo consists of, without the random ids and times: equal for equal demos. */
async function fingerprint(db: Kysely<Database>) {
  const fulfillments = await sql<{ row: string }>`
    select concat_ws(' ', o.channel_code, o.channel_order_ref, f.warehouse_code, f.status,
      (select string_agg(l.sku || 'x' || l.quantity || '@' || l.bin_code, ',' order by l.sku collate "C", l.bin_code collate "C")
         from fulfillment_lines l where l.fulfillment_id = f.id)) as row
    from fulfillment_orders f join orders o on o.id = f.order_id`.execute(db);
  const rmas = await sql<{ row: string }>`
    select concat_ws(' ', r.code, o.channel_order_ref, r.status, r.reason,
      (select string_agg(l.sku || 'x' || l.quantity, ',' order by l.sku collate "C") from rma_lines l where l.rma_id = r.id)) as row
    from rmas r join orders o on o.id = r.order_id`.execute(db);
  const sorted = (rows: { row: string }[]) => rows.map((r) => r.row).sort(compareCodes);
  return { fulfillments: sorted(fulfillments.rows), rmas: sorted(rmas.rows) };
}

describe('the demo seed', () => {
  let pglite: TestServer;
  let postgres: TestServer;

  beforeAll(async () => {
    [pglite, postgres] = await Promise.all([
      startTestServer('pglite', 'demo_seed'),
      startTestServer('postgres', 'demo_seed'),
    ]);
    await Promise.all([
      seedDemoCatalogue(pglite.db, seedOptions),
      seedDemoCatalogue(postgres.db, seedOptions),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([pglite?.close(), postgres?.close()]);
  });

  it('answers requests while the demo orders and history are written (PGlite), and the stock adds up', async () => {
    let activityDone = false;
    const activity = seedDemoActivity(pglite.db, seedOptions).then(() => {
      activityDone = true;
    });
    const apiKey = demoChannelCredentials(SEED).find((c) => c.channel === 'marketplace')!.apiKey;
    const listed = await pglite.app.inject({
      method: 'GET',
      url: '/v1/orders?limit=5',
      headers: bearer(apiKey),
    });
    expect(listed.statusCode).toBe(200);
    // The request did not wait for the whole seeding: it took its turn between two batches.
    expect(activityDone).toBe(false);
    await activity;

    const shipped = await pglite.db
      .selectFrom('shipments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'accepted')
      .executeTakeFirstOrThrow();
    expect(Number(shipped.n)).toBeGreaterThan(10);
    // Per warehouse and SKU: nothing negative on hand, and never more reserved than on hand.
    const overbooked = await sql<{ warehouse_code: string; sku: string }>`
      select s.warehouse_code, s.sku
      from (select warehouse_code, sku, sum(on_hand) as on_hand from stock group by 1, 2) s
      left join (select warehouse_code, sku, sum(quantity) as reserved from reservations
                 where released_at is null group by 1, 2) r using (warehouse_code, sku)
      where s.on_hand < 0 or coalesce(r.reserved, 0) > s.on_hand`.execute(pglite.db);
    expect(overbooked.rows).toEqual([]);
  });

  it('gives the same demo from the same seed, on PGlite and on PostgreSQL', async () => {
    await seedDemoActivity(postgres.db, seedOptions);
    const [a, b] = await Promise.all([fingerprint(pglite.db), fingerprint(postgres.db)]);
    expect(a.rmas.length).toBeGreaterThan(0);
    expect(a.fulfillments).toEqual(b.fulfillments);
    expect(a.rmas).toEqual(b.rmas);
  });

  it('finishes a demo a stop interrupted: the same demo as one seeded in one go', async () => {
    const interrupted = await openTestDatabase('postgres', 'demo_seed_resume');
    try {
      await seedDemoCatalogue(interrupted.db, seedOptions);
      let asked = 0;
      await seedDemoActivity(interrupted.db, { ...seedOptions, shouldStop: () => ++asked > 3 });
      expect(await unfinishedDemoSeed(interrupted.db)).toEqual({
        seed: SEED,
        productCount: seedOptions.productCount,
        orderCount: seedOptions.orderCount,
      });
      const partly = await interrupted.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(partly.n)).toBeGreaterThan(0);
      expect(Number(partly.n)).toBeLessThan(seedOptions.orderCount);

      // The next start finishes it as it was begun, whatever the configuration says now.
      const unfinished = (await unfinishedDemoSeed(interrupted.db))!;
      await seedDemoActivity(interrupted.db, { ...seedOptions, orderCount: 5, ...unfinished });
      expect(await unfinishedDemoSeed(interrupted.db)).toBeNull();
      expect(await fingerprint(interrupted.db)).toEqual(await fingerprint(postgres.db));
    } finally {
      await interrupted.close();
    }
  });

  it('on a restart after the orders were all placed, places none twice (PGlite, with the server listening)', async () => {
    await pglite.db.updateTable('demo_seed').set({ activity_finished_at: null }).execute();
    const logged: object[] = [];
    await seedDemoActivity(pglite.db, {
      ...seedOptions,
      log: { info: (detail) => logged.push(detail) },
    });
    expect(logged[0]).toMatchObject({ placed: 0, alreadyStored: seedOptions.orderCount });
    expect(await unfinishedDemoSeed(pglite.db)).toBeNull();
  });

  it('answers return analytics from the demo data, refunded, from stations no one can sign in as', async () => {
    const body = (
      await pglite.app.inject({
        method: 'GET',
        url: '/v1/analytics/returns',
        headers: bearer(ADMIN_TOKEN),
      })
    ).json();
    expect(body.shippedUnits).toBeGreaterThan(0);
    expect(body.returnedUnits).toBeGreaterThan(0);
    expect(body.topReturned.length).toBeGreaterThan(0);
    expect(body.reasons.length).toBeGreaterThan(0);
    const refunds = await pglite.db.selectFrom('refunds').select(['status']).execute();
    expect(refunds.length).toBeGreaterThan(0);
    expect(refunds.every((r) => r.status === 'issued')).toBe(true);
    const stations = await pglite.db.selectFrom('stations').select(['revoked_at']).execute();
    expect(stations.every((s) => s.revoked_at !== null)).toBe(true);
  });
  it('sends one purchase order per demo warehouse, with lines to receive at its stations', async () => {
    const orders = await pglite.db
      .selectFrom('purchase_orders')
      .select(['number', 'warehouse_code', 'status'])
      .orderBy('warehouse_code')
      .execute();
    const warehouses = await pglite.db.selectFrom('warehouses').select('code').execute();
    expect(orders.map((o) => o.warehouse_code).sort()).toEqual(
      warehouses.map((w) => w.code).sort(),
    );
    for (const order of orders) {
      const answer = await pglite.app.inject({
        method: 'GET',
        url: `/v1/receiving/${order.number}`,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toMatchObject({ status: 'sent', warehouseCode: order.warehouse_code });
      expect(answer.json().lines.length).toBeGreaterThan(0);
      expect(
        answer.json().lines.every((l: { receivedQuantity: number }) => l.receivedQuantity === 0),
      ).toBe(true);
    }
  });
});
