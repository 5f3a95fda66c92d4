// Known future demand (GET /v1/subscriptions/demand?from&to): the coming renewals per SKU ×
// warehouse × day, as the forecasting work reads them; skips and pauses leave it, a placed cycle
// moves from demand to reserved, and what no warehouse has shows as a shortfall.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, CHANNEL_KEYS } from '../support/oms-fixtures';
import { BACKENDS } from '../support/server-harness';
import {
  admin,
  changeSubscription,
  createPlan,
  createSubscription,
  startSubscriptionWorld,
} from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

interface DemandRow {
  sku: string;
  warehouseCode: string;
  quantity: number;
  available: number;
  reserved: number;
  shortfall: number;
  daily: { date: string; quantity: number }[];
}

describe.each(BACKENDS)('subscription demand on %s', (backend) => {
  let world: SubscriptionWorld;

  beforeAll(async () => {
    world = await startSubscriptionWorld(backend, 'subscription_demand', {
      stock: { 'SKU-1': { 'NL-TIL': 100 }, 'SKU-2': {} },
    });
    const plan = await createPlan(world, { skus: ['SKU-1', 'SKU-2'] });
    const subs = [];
    for (let i = 0; i < 3; i++) subs.push(await createSubscription(world, plan.code));
    await createSubscription(world, plan.code, { lines: [{ sku: 'SKU-2', quantity: 1 }] });
    const paused = await createSubscription(world, plan.code);
    expect((await changeSubscription(world, subs[0]!.id, { type: 'skip_next' })).statusCode).toBe(
      200,
    );
    expect((await changeSubscription(world, paused.id, { type: 'pause' })).statusCode).toBe(200);
  });
  afterAll(() => world.close());

  const demand = async (query: string) => {
    const res = await world.app.inject({
      method: 'GET',
      url: `/v1/subscriptions/demand?${query}`,
      headers: admin,
    });
    return res;
  };

  it('counts each coming renewal per SKU, warehouse and day; a skip and a pause leave it', async () => {
    const res = await demand('from=2026-03-02&to=2026-03-31');
    expect(res.statusCode).toBe(200);
    const rows: DemandRow[] = res.json().demand;
    const sku1 = rows.find((r) => r.sku === 'SKU-1')!;
    expect(sku1).toMatchObject({
      warehouseCode: 'NL-TIL',
      // 3 active subscriptions × 2 on 4 Mondays, one of them skipping 03-09.
      quantity: 22,
      available: 100,
      reserved: 0,
      shortfall: 0,
      daily: [
        { date: '2026-03-09', quantity: 4 },
        { date: '2026-03-16', quantity: 6 },
        { date: '2026-03-23', quantity: 6 },
        { date: '2026-03-30', quantity: 6 },
      ],
    });
    // Nobody has SKU-2: its demand is counted where it would ship from, as a shortfall.
    expect(rows.find((r) => r.sku === 'SKU-2')).toMatchObject({
      warehouseCode: 'NL-TIL',
      quantity: 4,
      available: 0,
      shortfall: 4,
    });
  });

  it('filters by SKU and warehouse, and a narrower window counts less', async () => {
    const res = await demand('from=2026-03-10&to=2026-03-16&sku=SKU-1&warehouse=NL-TIL');
    expect(res.json().demand).toEqual([
      expect.objectContaining({ quantity: 6, daily: [{ date: '2026-03-16', quantity: 6 }] }),
    ]);
  });

  it('moves a placed cycle from demand to reserved', async () => {
    world.clock.setDay('2026-03-07');
    await world.scheduler().runOnce();
    const res = await demand('from=2026-03-07&to=2026-03-31&sku=SKU-1');
    const [row] = res.json().demand as DemandRow[];
    expect(row).toMatchObject({ quantity: 18, reserved: 4 });
    expect(row!.daily[0]).toEqual({ date: '2026-03-16', quantity: 6 });
    world.clock.setDay('2026-03-02');
  });

  it.each([
    ['from=2026-03-10&to=2026-03-01', 'to'],
    ['from=2026-02-30&to=2026-03-01', 'from'],
    ['to=2026-03-01', 'from'],
    ['from=2026-01-01&to=2027-06-01', 'to'],
    ['days=0', 'days'],
  ])('refuses %s naming %s', async (query, field) => {
    const res = await demand(query);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field });
  });

  it('is for staff only', async () => {
    const res = await world.app.inject({
      method: 'GET',
      url: '/v1/subscriptions/demand',
      headers: bearer(CHANNEL_KEYS.web),
    });
    expect(res.statusCode).toBe(403);
  });
});
