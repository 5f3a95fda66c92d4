// The subscription reports staff read: monthly recurring revenue of the active subscriptions per
// currency, renewal success and dunning recovery, and new and churned per week.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/server-harness';
import {
  admin,
  changeSubscription,
  createPlan,
  createSubscription,
  startSubscriptionWorld,
} from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

const MANDATE = { provider: 'mollie', customerId: 'cst_report1234', mandateId: 'mdt_report1234' };

describe.each(BACKENDS)('subscription reports on %s', (backend) => {
  let world: SubscriptionWorld;
  let planCode: string;

  beforeAll(async () => {
    world = await startSubscriptionWorld(backend, 'subscription_reports');
    const plan = await createPlan(world);
    planCode = plan.code;
    await createSubscription(world, plan.code);
    await createSubscription(world, plan.code, { payment: MANDATE });
    const churned = await createSubscription(world, plan.code);
    expect((await changeSubscription(world, churned.id, { type: 'cancel' })).statusCode).toBe(200);
    world.mollie.mandates.set(MANDATE.mandateId, {
      customerId: MANDATE.customerId,
      outcomes: ['failed', 'paid'],
    });
    const scheduler = world.scheduler();
    for (const day of ['2026-03-09', '2026-03-12']) {
      world.clock.setDay(day);
      await scheduler.runOnce();
    }
  });
  afterAll(() => world.close());

  const get = async (url: string) => {
    const res = await world.app.inject({ method: 'GET', url, headers: admin });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('counts monthly recurring revenue of the active subscriptions only', async () => {
    const { mrr } = await get('/v1/subscription-reports/mrr');
    // Two weekly subscriptions of 2 × €10.00: 2000 × (365.25 / 12) / 7 each.
    expect(mrr).toEqual([
      {
        currency: 'EUR',
        group: 'all',
        activeSubscriptions: 2,
        mrrMinor: Math.round((2 * 2000 * 365.25) / 12 / 7),
      },
    ]);
  });

  it('reports renewal success and a payment recovered in dunning', async () => {
    const { renewals } = await get(
      '/v1/subscription-reports/renewals?from=2026-03-01&to=2026-03-31',
    );
    expect(renewals).toEqual([
      expect.objectContaining({
        decided: 2,
        completed: 2,
        unpaid: 0,
        successRate: 1,
        enteredDunning: 1,
        recovered: 1,
        dunningRecoveryRate: 1,
      }),
    ]);
    const byPlan = await get(
      '/v1/subscription-reports/renewals?from=2026-03-01&to=2026-03-31&by=plan',
    );
    expect(byPlan.renewals).toEqual([expect.objectContaining({ group: planCode, completed: 2 })]);
  });

  it('counts new and churned per week', async () => {
    const { weeks } = await get(
      `/v1/subscription-reports/weekly?weeks=4&to=${new Date().toISOString().slice(0, 10)}`,
    );
    const totals = (weeks as { new: number; churned: number }[]).reduce(
      (sum, w) => ({ new: sum.new + w.new, churned: sum.churned + w.churned }),
      { new: 0, churned: 0 },
    );
    expect(totals).toEqual({ new: 3, churned: 1 });
  });
});
