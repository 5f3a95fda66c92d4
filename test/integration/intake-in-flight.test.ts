// One instance keeps more than one intake batch going: an order waiting for a stock lock (another
// instance, a shipment) does not hold up the orders that arrive behind it for other stock. With
// one batch in flight, as before issue 14, they waited for it.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH, OrderIntake } from '../../src-server/orders/intake-queue';
import type { PlaceOrderCommand } from '../../src-server/orders/place-order';
import { DEMO_SHIPPING_SERVICES } from '../../src-server/shipping/demo-rates';
import { makeOrder, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';

const settings = { shippingServices: DEMO_SHIPPING_SERVICES, maxExtraKmForSingleWarehouse: 100 };
const command = (sku: string): PlaceOrderCommand => ({
  channelCode: 'web',
  order: makeOrder({ skus: { [sku]: 1 } }),
  idempotencyKey: null,
  actor: 'test',
});

/** Settles to 'placed' or 'waiting' after `ms`. */
const within = (p: Promise<unknown>, ms: number) =>
  Promise.race([
    p.then(() => 'placed'),
    new Promise((resolve) => setTimeout(() => resolve('waiting'), ms)),
  ]);

describe('intake batches in flight on PostgreSQL', () => {
  let server: TestServer;
  let locker: pg.Client;

  beforeAll(async () => {
    server = await startTestServer('postgres', 'inflight', { poolSize: 6 });
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-A': { 'NL-TIL': 50 }, 'SKU-B': { 'NL-TIL': 50 } });
    locker = new pg.Client({ connectionString: server.databaseUrl });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await server?.close();
  });

  /** Holds SKU-A's stock rows locked until the returned function is called. */
  async function lockSkuA() {
    await locker.query('begin');
    await locker.query(`select * from stock where sku = 'SKU-A' for update`);
    return () => locker.query('commit');
  }

  async function untilWaitingOnLock() {
    for (let i = 0; i < 100; i++) {
      // The locker's open transaction would otherwise keep reading its first activity snapshot.
      await locker.query('select pg_stat_clear_snapshot()');
      const { rows } = await locker.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (rows[0]!.n > 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the first order never waited for the lock');
  }

  it('places an order for free stock while the batch before it waits for a lock', async () => {
    const intake = new OrderIntake(server.db, settings);
    const unlock = await lockSkuA();
    const blocked = intake.place(command('SKU-A'));
    await untilWaitingOnLock();
    expect(await within(intake.place(command('SKU-B')), 5000)).toBe('placed');
    expect(await within(blocked, 100)).toBe('waiting');
    await unlock();
    expect((await blocked).statusCode).toBe(201);
  });

  it('with one batch in flight, the order for free stock waits behind the blocked one', async () => {
    const intake = new OrderIntake(server.db, settings, MAX_BATCH, 1);
    const unlock = await lockSkuA();
    const blocked = intake.place(command('SKU-A'));
    await untilWaitingOnLock();
    const free = intake.place(command('SKU-B'));
    expect(await within(free, 1000)).toBe('waiting');
    await unlock();
    expect((await blocked).statusCode).toBe(201);
    expect((await free).statusCode).toBe(201);
  });
});
