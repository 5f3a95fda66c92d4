// The plan and subscription API: bad input answered with a 4xx naming the field and nothing stored;
// a subscription created once per Idempotency-Key; every change on record with who made it; a
// change after the cut-off applies to the next cycle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, CHANNEL_KEYS } from '../support/oms-fixtures';
import { BACKENDS } from '../support/server-harness';
import {
  admin,
  changeSubscription,
  createPlan,
  createSubscription,
  startSubscriptionWorld,
  subscriptionBody,
} from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

describe.each(BACKENDS)('subscription API on %s', (backend) => {
  let world: SubscriptionWorld;
  let planCode: string;

  beforeAll(async () => {
    world = await startSubscriptionWorld(backend, 'subscription_api', {
      stock: { 'SKU-1': { 'NL-TIL': 50 }, 'SKU-2': { 'NL-TIL': 50 }, 'SKU-9': { 'NL-TIL': 5 } },
    });
    planCode = (await createPlan(world, { skus: ['SKU-1', 'SKU-2'] })).code;
  });
  afterAll(() => world.close());

  const countSubscriptions = async () =>
    Number(
      (
        await world.db
          .selectFrom('subscriptions')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each([
    [{ interval: { unit: 'week', count: 1 }, dayOfMonth: 3 }, 'dayOfMonth'],
    [{ billing: 'prepaid' }, 'prepaidDeliveries'],
    [{ interval: { unit: 'fortnight', count: 1 } }, 'interval.unit'],
    [{ minCycles: 5, maxCycles: 2 }, 'maxCycles'],
    [{ skus: [] }, 'skus'],
  ])('refuses plan %j naming %s', async (overrides, field) => {
    const res = await world.app.inject({
      method: 'POST',
      url: '/v1/subscription-plans',
      headers: admin,
      payload: {
        code: 'BAD',
        name: 'Bad',
        interval: { unit: 'week', count: 1 },
        skus: ['SKU-1'],
        ...overrides,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field });
    const stored = await world.db
      .selectFrom('subscription_plans')
      .select('id')
      .where('code', '=', 'BAD')
      .execute();
    expect(stored).toEqual([]);
  });

  it('refuses a plan without the admin token', async () => {
    const res = await world.app.inject({
      method: 'POST',
      url: '/v1/subscription-plans',
      headers: bearer(CHANNEL_KEYS.web),
      payload: { code: 'X', name: 'X', interval: { unit: 'week', count: 1 }, skus: ['SKU-1'] },
    });
    expect(res.statusCode).toBe(403);
  });

  it.each([
    [{ lines: [{ sku: 'SKU-9', quantity: 1 }] }, 422, 'lines[0].sku'],
    [{ lines: [{ sku: 'SKU-1', quantity: 0 }] }, 400, 'lines[0].quantity'],
    [{ currency: 'XXX' }, 400, 'currency'],
    [{ planCode: 'NO-SUCH-PLAN' }, 422, 'planCode'],
    [
      { payment: { provider: 'mollie', customerId: 'cst_x', mandateId: 'mdt_abcd' } },
      400,
      'payment.customerId',
    ],
    [{ firstRenewalDate: '2026-03-03' }, 422, 'firstRenewalDate'],
    [{ firstRenewalDate: '2026-02-30' }, 400, 'firstRenewalDate'],
  ])(
    'refuses subscription %j with %i naming %s, storing nothing',
    async (overrides, status, field) => {
      const before = await countSubscriptions();
      const res = await world.app.inject({
        method: 'POST',
        url: '/v1/subscriptions',
        headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': `bad-${field}` },
        payload: subscriptionBody(planCode, overrides),
      });
      expect(res.statusCode).toBe(status);
      expect(res.json()).toMatchObject({ field });
      expect(await countSubscriptions()).toBe(before);
    },
  );

  it('creates a subscription once per Idempotency-Key and records who created it', async () => {
    const payload = subscriptionBody(planCode);
    const send = () =>
      world.app.inject({
        method: 'POST',
        url: '/v1/subscriptions',
        headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': 'checkout-42' },
        payload,
      });
    const first = await send();
    const again = await send();
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const view = first.json();
    expect(view).toMatchObject({
      channel: 'web',
      state: 'active',
      plan: { code: planCode },
      lines: [{ sku: 'SKU-1', quantity: 2 }],
      // Today is Monday 2026-03-02; weekly, one interval after signup.
      nextRenewal: { cycleNo: 1, date: '2026-03-09', lastChangeDate: '2026-03-06' },
    });
    expect(view.history).toEqual([
      expect.objectContaining({ type: 'created', actor: expect.stringContaining('web') }),
    ]);
  });

  it('keeps another channel out of a subscription', async () => {
    const sub = await createSubscription(world, planCode);
    const res = await world.app.inject({
      method: 'GET',
      url: `/v1/subscriptions/${sub.id}`,
      headers: bearer(CHANNEL_KEYS.market),
    });
    expect(res.statusCode).toBe(403);
  });

  it('records every change with its actor, and refuses a bad change naming the field', async () => {
    const sub = await createSubscription(world, planCode);
    const qty = await changeSubscription(world, sub.id, {
      type: 'change_quantity',
      lineNo: 1,
      quantity: 3,
    });
    expect(qty.statusCode).toBe(200);
    const swap = await changeSubscription(world, sub.id, {
      type: 'swap_product',
      lineNo: 1,
      sku: 'SKU-2',
    });
    expect(swap.statusCode).toBe(200);
    const notInPlan = await changeSubscription(world, sub.id, {
      type: 'swap_product',
      lineNo: 1,
      sku: 'SKU-9',
    });
    expect(notInPlan.statusCode).toBe(422);
    expect(notInPlan.json()).toMatchObject({ field: 'sku' });
    const badLine = await changeSubscription(world, sub.id, {
      type: 'change_quantity',
      lineNo: 7,
      quantity: 1,
    });
    expect(badLine.statusCode).toBe(422);
    expect(badLine.json()).toMatchObject({ field: 'lineNo' });
    const badType = await changeSubscription(world, sub.id, { type: 'teleport' });
    expect(badType.statusCode).toBe(400);
    expect(badType.json()).toMatchObject({ field: 'type' });

    const view = swap.json();
    expect(view.lines).toEqual([expect.objectContaining({ sku: 'SKU-2', quantity: 3 })]);
    const changes = await world.db
      .selectFrom('subscription_events')
      .select(['type', 'actor'])
      .where('subscription_id', '=', sub.id)
      .orderBy('id')
      .execute();
    expect(changes.map((c) => c.type)).toEqual(['created', 'quantity_changed', 'product_swapped']);
    expect(changes.slice(1).map((c) => c.actor)).toEqual(['admin', 'admin']);
  });

  it('refuses to rewrite history: the events table is append-only', async () => {
    const sub = await createSubscription(world, planCode);
    await expect(
      world.db
        .updateTable('subscription_events')
        .set({ actor: 'someone else' })
        .where('subscription_id', '=', sub.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
  });
});
