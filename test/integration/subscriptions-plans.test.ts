// The parts of subscriptions other tests leave out, on both databases with a clock the test moves:
// moving the next delivery and the address (both reach the next order), prepaid plans (one charge
// pays several deliveries), a cancel refused before the plan's minimum, a day-of-month plan through
// real renewals, a Mollie charge that stays pending before it is paid, dunning ending in a cancel,
// and finance's CSV of recurring charges.
import { afterEach, describe, expect, it } from 'vitest';
import type { SubscriptionScheduler } from '../../src-server/subscriptions/subscription-scheduler';
import { BACKENDS } from '../support/server-harness';
import {
  admin,
  changeSubscription,
  createPlan,
  createSubscription,
  renewalOrders,
  renewalsOf,
  startSubscriptionWorld,
} from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

const MANDATE = { provider: 'mollie', customerId: 'cst_plans1234', mandateId: 'mdt_plans1234' };

async function settle(scheduler: SubscriptionScheduler, rounds = 20) {
  for (let i = 0; i < rounds; i++) {
    const r = await scheduler.runOnce();
    const busy =
      r.pausesEnded +
      r.reminders +
      Object.values(r.prepare).reduce((a, b) => a + b, 0) +
      Object.values(r.charge).reduce((a, b) => a + b, 0);
    if (busy === 0) return;
  }
}

async function subscriptionRow(world: SubscriptionWorld, id: string) {
  return world.db
    .selectFrom('subscriptions')
    .select(['state', 'next_renewal_date', 'prepaid_remaining'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe.each(BACKENDS)('subscription plans and changes on %s', (backend) => {
  let world: SubscriptionWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('moves the next delivery to a later date and refuses one past the cut-off, naming the date', async () => {
    world = await startSubscriptionWorld(backend, 'plans_change_date');
    const plan = await createPlan(world);
    const sub = await createSubscription(world, plan.code);
    expect(sub.nextRenewal.date).toBe('2026-03-09');
    // Today 03-02, the cut-off is 2 days before: 03-04 is the earliest date still open.
    const early = await changeSubscription(world, sub.id, {
      type: 'change_date',
      date: '2026-03-03',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'date_before_cutoff', field: 'date' });
    const moved = await changeSubscription(world, sub.id, {
      type: 'change_date',
      date: '2026-03-12',
    });
    expect(moved.statusCode).toBe(200);
    const scheduler = world.scheduler();
    world.clock.setDay('2026-03-09'); // the old date passes: nothing is placed
    await settle(scheduler);
    expect(await renewalOrders(world.db, sub.reference)).toEqual([]);
    world.clock.setDay('2026-03-12');
    await settle(scheduler);
    expect((await renewalsOf(world.db, sub.id)).map((r) => [r.renewal_date, r.status])).toEqual([
      ['2026-03-12', 'completed'],
    ]);
    // A weekly plan continues from the moved date.
    expect((await subscriptionRow(world, sub.id)).next_renewal_date).toBe('2026-03-19');
  });

  it('ships the next delivery to a changed address and keeps the old one on the order already placed', async () => {
    world = await startSubscriptionWorld(backend, 'plans_change_address');
    const plan = await createPlan(world);
    const sub = await createSubscription(world, plan.code);
    const scheduler = world.scheduler();
    world.clock.setDay('2026-03-09');
    await settle(scheduler);
    const changed = await changeSubscription(world, sub.id, {
      type: 'change_address',
      shipTo: {
        name: 'Emma de Vries',
        line1: 'Stationsplein 5',
        postalCode: '5038 CA',
        city: 'Tilburg',
        country: 'NL',
      },
    });
    expect(changed.statusCode).toBe(200);
    const bad = await changeSubscription(world, sub.id, {
      type: 'change_address',
      shipTo: { name: 'Emma', line1: 'x', postalCode: '1', city: 'y', country: 'ZZ' },
    });
    // ZZ is no ISO 3166-1 country: the address schema refuses it.
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('country');
    world.clock.setDay('2026-03-16');
    await settle(scheduler);
    const orders = await world.db
      .selectFrom('orders')
      .select(['channel_order_ref', 'ship_to'])
      .where('channel_order_ref', 'like', `${sub.reference}-%`)
      .orderBy('channel_order_ref')
      .execute();
    expect(orders.map((o) => [o.channel_order_ref, o.ship_to.city])).toEqual([
      [`${sub.reference}-1`, 'Amsterdam'],
      [`${sub.reference}-2`, 'Tilburg'],
    ]);
    const history = await world.db
      .selectFrom('subscription_events')
      .select('type')
      .where('subscription_id', '=', sub.id)
      .execute();
    expect(history.map((h) => h.type)).toContain('address_changed');
  });

  it('a prepaid plan charges three deliveries at once and the two after it nothing', async () => {
    world = await startSubscriptionWorld(backend, 'plans_prepaid');
    const plan = await createPlan(world, { billing: 'prepaid', prepaidDeliveries: 3 });
    // The checkout paid the first three deliveries; the renewals charge from the fourth.
    const sub = await createSubscription(world, plan.code, {
      payment: MANDATE,
      prepaidDeliveriesRemaining: 0,
    });
    world.mollie.mandates.set(MANDATE.mandateId, { customerId: MANDATE.customerId, outcomes: [] });
    const scheduler = world.scheduler();
    for (const day of ['2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']) {
      world.clock.setDay(day);
      await settle(scheduler);
    }
    const renewals = await renewalsOf(world.db, sub.id);
    expect(renewals.map((r) => [r.cycle_no, r.status, r.charge_kind, r.amount_minor])).toEqual([
      [1, 'completed', 'charge', 6000],
      [2, 'completed', 'prepaid', 0],
      [3, 'completed', 'prepaid', 0],
      [4, 'completed', 'charge', 6000],
    ]);
    expect(world.mollie.recurring.map((p) => p.value)).toEqual(['60.00', '60.00']);
    expect(await renewalOrders(world.db, sub.reference)).toHaveLength(4);
  });

  it('refuses a customer cancel before the minimum of deliveries, and lets staff force it', async () => {
    world = await startSubscriptionWorld(backend, 'plans_min_cycles');
    const plan = await createPlan(world, { minCycles: 3 });
    const sub = await createSubscription(world, plan.code);
    const refused = await changeSubscription(world, sub.id, { type: 'cancel' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'minimum_cycles', field: 'type' });
    expect(refused.json().message).toContain('2026-03-23');
    expect((await subscriptionRow(world, sub.id)).state).toBe('active');
    const scheduler = world.scheduler();
    for (const day of ['2026-03-09', '2026-03-16', '2026-03-21']) {
      world.clock.setDay(day);
      await settle(scheduler);
    }
    // The third delivery (03-23) closed on 03-21 and is placed: the minimum is met.
    const allowed = await changeSubscription(world, sub.id, { type: 'cancel' });
    expect(allowed.statusCode).toBe(200);
    expect((await subscriptionRow(world, sub.id)).state).toBe('cancelled');

    const other = await createSubscription(world, plan.code);
    const forced = await changeSubscription(world, other.id, { type: 'cancel', force: true });
    expect(forced.statusCode).toBe(200);
    expect((await subscriptionRow(world, other.id)).state).toBe('cancelled');
  });

  it('a day-of-month plan renews on that day each month, across a short February', async () => {
    world = await startSubscriptionWorld(backend, 'plans_day_of_month', { today: '2026-01-05' });
    // The first renewal is one month after signup, on the plan's day (or the month's last).
    const plan = await createPlan(world, {
      interval: { unit: 'month', count: 1 },
      dayOfMonth: 31,
    });
    const sub = await createSubscription(world, plan.code);
    expect(sub.nextRenewal.date).toBe('2026-02-28');
    const scheduler = world.scheduler();
    for (const day of ['2026-02-28', '2026-03-31', '2026-04-30']) {
      world.clock.setDay(day);
      await settle(scheduler);
    }
    expect((await renewalsOf(world.db, sub.id)).map((r) => [r.renewal_date, r.status])).toEqual([
      ['2026-02-28', 'completed'],
      ['2026-03-31', 'completed'],
      ['2026-04-30', 'completed'],
    ]);
    expect((await subscriptionRow(world, sub.id)).next_renewal_date).toBe('2026-05-31');
  });

  it('a pending Mollie charge is asked about again and completes when Mollie says paid, charged once', async () => {
    world = await startSubscriptionWorld(backend, 'plans_pending');
    const plan = await createPlan(world);
    const sub = await createSubscription(world, plan.code, { payment: MANDATE });
    world.mollie.mandates.set(MANDATE.mandateId, {
      customerId: MANDATE.customerId,
      outcomes: ['pending'],
    });
    const scheduler = world.scheduler();
    world.clock.setDay('2026-03-09');
    await scheduler.runOnce();
    await scheduler.runOnce();
    expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({ status: 'payment_pending' });
    expect((await renewalOrders(world.db, sub.reference))[0]!.status).toBe('on_hold');
    await settle(scheduler); // still pending: asked again, still held
    expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({ status: 'payment_pending' });
    world.mollie.recurring[0]!.status = 'paid';
    await settle(scheduler);
    expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({
      status: 'completed',
      attempts: 1,
    });
    expect((await renewalOrders(world.db, sub.reference))[0]!.status).not.toBe('on_hold');
    expect(world.mollie.recurring).toHaveLength(1);
    const charges = await world.db.selectFrom('recurring_charges').selectAll().execute();
    expect(charges).toEqual([
      expect.objectContaining({ status: 'paid', provider_reference: 'tr_rec1' }),
    ]);
  });

  it('dunning set to cancel: the last failure cancels the subscription and its placed orders', async () => {
    world = await startSubscriptionWorld(backend, 'plans_dunning_cancel', {
      env: { DUNNING_FINAL_ACTION: 'cancel', DUNNING_ATTEMPTS: '2' },
    });
    const plan = await createPlan(world);
    const sub = await createSubscription(world, plan.code, { payment: MANDATE });
    world.mollie.mandates.set(MANDATE.mandateId, {
      customerId: MANDATE.customerId,
      outcomes: ['failed', 'failed'],
    });
    const scheduler = world.scheduler();
    for (const day of ['2026-03-09', '2026-03-12']) {
      world.clock.setDay(day);
      await settle(scheduler);
    }
    expect((await subscriptionRow(world, sub.id)).state).toBe('cancelled');
    expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({
      status: 'unpaid',
      attempts: 2,
    });
    expect((await renewalOrders(world.db, sub.reference)).map((o) => o.status)).toEqual([
      'cancelled',
    ]);
    world.clock.setDay('2026-04-30');
    await settle(scheduler);
    expect(await renewalOrders(world.db, sub.reference)).toHaveLength(1);
    expect(world.mollie.recurring).toHaveLength(2);
    const resumed = await changeSubscription(world, sub.id, { type: 'resume' });
    expect(resumed.statusCode).toBe(409);
  });

  it('exports every charge attempt as CSV for finance, within a period, and names a bad period', async () => {
    world = await startSubscriptionWorld(backend, 'plans_csv');
    const plan = await createPlan(world);
    const ledger = await createSubscription(world, plan.code);
    const mollie = await createSubscription(world, plan.code, { payment: MANDATE });
    world.mollie.mandates.set(MANDATE.mandateId, {
      customerId: MANDATE.customerId,
      outcomes: ['failed', 'paid'],
    });
    const scheduler = world.scheduler();
    for (const day of ['2026-03-09', '2026-03-12']) {
      world.clock.setDay(day);
      await settle(scheduler);
    }
    const res = await world.app.inject({
      method: 'GET',
      url: '/v1/recurring-charges.csv',
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = res.body.trimEnd().split('\r\n');
    expect(header).toBe(
      'created_at,settled_at,subscription,cycle,attempt,provider,status,currency,amount,provider_reference,failure_reason,idempotency_key',
    );
    const cells = rows.map((r) => r.split(','));
    expect(cells.map((c) => [c[2], c[3], c[4], c[5], c[6], c[8]]).sort()).toEqual(
      [
        [ledger.reference, '1', '1', 'ledger', 'paid', '20.00'],
        [mollie.reference, '1', '1', 'mollie', 'failed', '20.00'],
        [mollie.reference, '1', '2', 'mollie', 'paid', '20.00'],
      ].sort(),
    );
    const none = await world.app.inject({
      method: 'GET',
      url: '/v1/recurring-charges.csv?from=2099-01-01T00:00:00Z',
      headers: admin,
    });
    expect(none.body.trimEnd().split('\r\n')).toHaveLength(1);
    const bad = await world.app.inject({
      method: 'GET',
      url: '/v1/recurring-charges.csv?from=yesterday',
      headers: admin,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('from');
    const anonymous = await world.app.inject({ method: 'GET', url: '/v1/recurring-charges.csv' });
    expect(anonymous.statusCode).toBe(401);
  });
});
