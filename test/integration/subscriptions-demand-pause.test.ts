// Known future demand and dated pauses, on both databases: a subscription paused until a date needs
// nothing before that date and its usual deliveries from the first renewal on or after it, for any
// date (fast-check); after the pause ends the demand is the same; an open-ended pause needs nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src-server/subscriptions/subscription-calendar';
import { BACKENDS } from '../support/server-harness';
import {
  admin,
  changeSubscription,
  createPlan,
  createSubscription,
  startSubscriptionWorld,
} from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

const FROM = '2026-03-03';
const TO = '2026-05-31';
/** The weekly plan's renewals of a subscription made on 2026-03-02: Mondays from 03-09. */
const MONDAYS = Array.from({ length: 13 }, (_, i) => addDays('2026-03-09', 7 * i)).filter(
  (d) => d <= TO,
);

describe.each(BACKENDS)('subscription demand under dated pauses on %s', (backend) => {
  let world: SubscriptionWorld;
  let planCode: string;

  beforeAll(async () => {
    world = await startSubscriptionWorld(backend, 'demand_pause');
    planCode = (await createPlan(world)).code;
  });
  afterAll(() => world.close());

  const dailyDemand = async () => {
    const res = await world.app.inject({
      method: 'GET',
      url: `/v1/subscriptions/demand?from=${FROM}&to=${TO}&sku=SKU-1`,
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    const [row] = res.json<{ demand: { daily: { date: string; quantity: number }[] }[] }>().demand;
    return row?.daily ?? [];
  };

  it('needs nothing while paused until any date, and every delivery from that date on', async () => {
    world.clock.setDay('2026-03-02');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 90 }), async (days) => {
        const until = addDays('2026-03-02', days);
        const sub = await createSubscription(world, planCode);
        const paused = await changeSubscription(world, sub.id, { type: 'pause', until });
        expect(paused.statusCode).toBe(200);
        expect(await dailyDemand()).toEqual(
          MONDAYS.filter((d) => d >= until).map((date) => ({ date, quantity: 2 })),
        );
        expect((await changeSubscription(world, sub.id, { type: 'cancel' })).statusCode).toBe(200);
      }),
      { numRuns: 12 },
    );
  });

  it('the same demand after the pause has ended; none for an open-ended pause', async () => {
    world.clock.setDay('2026-03-02');
    const sub = await createSubscription(world, planCode);
    await changeSubscription(world, sub.id, { type: 'pause', until: '2026-04-01' });
    const during = await dailyDemand();
    expect(during[0]).toEqual({ date: '2026-04-06', quantity: 2 });
    world.clock.setDay('2026-04-01');
    await world.scheduler().runOnce();
    const state = await world.db
      .selectFrom('subscriptions')
      .select('state')
      .where('id', '=', sub.id)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('active');
    expect(await dailyDemand()).toEqual(during);

    await changeSubscription(world, sub.id, { type: 'pause' });
    expect(await dailyDemand()).toEqual([]);
  });
});
