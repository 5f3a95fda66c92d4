// Renewals on both databases with a clock the test moves: a cycle's order placed when it closes
// and charged on its date; catch-up after downtime (place or skip); stock-short renewals neither
// charged nor placed, and placed once stock is back; dunning against the local Mollie to the end;
// two schedulers racing over many cycles, and a scheduler dying between the charge and its record.
import { afterEach, describe, expect, it } from 'vitest';
import { chargeDueBatch } from '../../src-server/subscriptions/renewal-charge';
import { prepareDueBatch } from '../../src-server/subscriptions/renewal-prepare';
import { recordChargeResults } from '../../src-server/subscriptions/renewal-settle';
import { openDatabase } from '../../src-server/db/connect';
import { addDays } from '../../src-server/subscriptions/subscription-calendar';
import { SubscriptionScheduler } from '../../src-server/subscriptions/subscription-scheduler';
import { BACKENDS } from '../support/server-harness';
import {
  createPlan,
  createSubscription,
  renewalOrders,
  renewalsOf,
  startSubscriptionWorld,
} from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

const MANDATE = { provider: 'mollie', customerId: 'cst_emma1234', mandateId: 'mdt_emma1234' };

async function stockOf(world: SubscriptionWorld, sku: string) {
  const row = await world.db
    .selectFrom('stock')
    .select((eb) => eb.fn.sum<string>('on_hand').as('n'))
    .where('sku', '=', sku)
    .executeTakeFirstOrThrow();
  const reserved = await world.db
    .selectFrom('reservations')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('quantity'), eb.val('0')).as('n'))
    .where('sku', '=', sku)
    .where('released_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { onHand: Number(row.n), reserved: Number(reserved.n) };
}

async function outboxTypes(world: SubscriptionWorld, subscriptionId: string) {
  const rows = await world.db
    .selectFrom('outbox_events')
    .select('type')
    .where('aggregate_id', '=', subscriptionId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.type);
}

/** Rounds until a round does nothing (bounded). */
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

describe.each(BACKENDS)('renewals on %s', (backend) => {
  let world: SubscriptionWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('places the cycle on hold when it closes, charges the ledger on its date and releases it', async () => {
    world = await startSubscriptionWorld(backend, 'renew_ledger');
    const plan = await createPlan(world);
    const sub = await createSubscription(world, plan.code);
    expect(sub.nextRenewal.date).toBe('2026-03-09');
    const scheduler = world.scheduler();

    world.clock.setDay('2026-03-06'); // before the cut-off: nothing yet
    await settle(scheduler);
    expect(await renewalOrders(world.db, sub.reference)).toEqual([]);

    world.clock.setDay('2026-03-07'); // the cycle closes: stock reserved in NL-TIL, order held
    await settle(scheduler);
    const [order] = await renewalOrders(world.db, sub.reference);
    expect(order).toMatchObject({ channel_order_ref: `${sub.reference}-1`, status: 'on_hold' });
    expect(await stockOf(world, 'SKU-1')).toEqual({ onHand: 100, reserved: 2 });
    expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({ status: 'awaiting_payment' });

    world.clock.setDay('2026-03-09');
    await settle(scheduler);
    expect((await renewalOrders(world.db, sub.reference))[0]!.status).not.toBe('on_hold');
    expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({
      status: 'completed',
      amount_minor: 2000,
      attempts: 1,
    });
    const charges = await world.db.selectFrom('recurring_charges').selectAll().execute();
    expect(charges).toEqual([expect.objectContaining({ status: 'paid', provider: 'ledger' })]);
    expect(await outboxTypes(world, sub.id)).toContain('subscription.renewed');
  });

  it.each(['place', 'skip'] as const)(
    'catches up on cycles missed while down (setting: %s)',
    async (catchUp) => {
      world = await startSubscriptionWorld(backend, `renew_catchup_${catchUp}`, {
        env: { SUBSCRIPTION_CATCH_UP: catchUp },
      });
      const plan = await createPlan(world);
      const sub = await createSubscription(world, plan.code);
      // Down from before the first cut-off until 2026-03-24: renewals of 03-09, 03-16 and 03-23
      // have passed; 03-30 closes on 03-28.
      world.clock.setDay('2026-03-24');
      await settle(world.scheduler());
      const renewals = await renewalsOf(world.db, sub.id);
      const orders = await renewalOrders(world.db, sub.reference);
      if (catchUp === 'place') {
        expect(renewals.map((r) => [r.cycle_no, r.status])).toEqual([
          [1, 'completed'],
          [2, 'completed'],
          [3, 'completed'],
        ]);
        expect(orders).toHaveLength(3);
      } else {
        expect(renewals.map((r) => [r.cycle_no, r.status])).toEqual([
          [1, 'missed'],
          [2, 'missed'],
          [3, 'missed'],
        ]);
        expect(orders).toEqual([]);
        expect(await outboxTypes(world, sub.id)).toContain('subscription.renewal_missed');
      }
      world.clock.setDay('2026-03-28');
      await settle(world.scheduler());
      expect(await renewalOrders(world.db, sub.reference)).toHaveLength(
        catchUp === 'place' ? 4 : 1,
      );
    },
  );

  it('does not place or charge a renewal short of stock, tells purchasing, and places it when stock is back', async () => {
    world = await startSubscriptionWorld(backend, 'renew_short', {
      stock: { 'SKU-1': { 'NL-TIL': 1 } },
    });
    const plan = await createPlan(world);
    const sub = await createSubscription(world, plan.code, { payment: MANDATE });
    world.mollie.mandates.set(MANDATE.mandateId, { customerId: MANDATE.customerId, outcomes: [] });
    const scheduler = world.scheduler();
    world.clock.setDay('2026-03-09');
    await settle(scheduler);
    expect(await renewalOrders(world.db, sub.reference)).toEqual([]);
    expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({
      status: 'stock_short',
      order_id: null,
      promised_date: '2026-03-16',
      // 2 ordered, 1 in stock: the unit missing.
      shortage: { reason: 'stock', lines: [{ sku: 'SKU-1', quantity: 1 }] },
    });
    expect(await stockOf(world, 'SKU-1')).toEqual({ onHand: 1, reserved: 0 });
    expect(world.mollie.recurringRequests).toBe(0);
    expect(await outboxTypes(world, sub.id)).toContain('subscription.stock_short');

    await world.db
      .updateTable('stock')
      .set({ on_hand: 10 })
      .where('sku', '=', 'SKU-1')
      .where('warehouse_code', '=', 'NL-TIL')
      .execute();
    world.clock.setDay('2026-03-10');
    await settle(scheduler);
    expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({ status: 'completed' });
    expect(await renewalOrders(world.db, sub.reference)).toHaveLength(1);
    expect(world.mollie.recurring).toHaveLength(1);
    expect(world.mollie.recurring[0]).toMatchObject({ value: '20.00', currency: 'EUR' });
  });

  it('dunning: retries a failed Mollie charge 3 days apart, then cancels the order and pauses the subscription', async () => {
    world = await startSubscriptionWorld(backend, 'renew_dunning');
    const plan = await createPlan(world);
    const sub = await createSubscription(world, plan.code, { payment: MANDATE });
    world.mollie.mandates.set(MANDATE.mandateId, {
      customerId: MANDATE.customerId,
      outcomes: ['failed', 'failed', 'failed'],
    });
    const scheduler = world.scheduler();
    world.clock.setDay('2026-03-09');
    await settle(scheduler);
    expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({
      status: 'payment_failed',
      attempts: 1,
      next_attempt_on: '2026-03-12',
    });
    world.clock.setDay('2026-03-11'); // not yet
    await settle(scheduler);
    expect(world.mollie.recurring).toHaveLength(1);
    world.clock.setDay('2026-03-12');
    await settle(scheduler);
    world.clock.setDay('2026-03-15');
    await settle(scheduler);
    expect(world.mollie.recurring.map((p) => p.status)).toEqual(['failed', 'failed', 'failed']);
    expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({
      status: 'unpaid',
      attempts: 3,
    });
    // Cycle 2 (03-16) had closed on 03-14 and was placed; it goes with the pause, uncharged.
    const orders = await renewalOrders(world.db, sub.reference);
    expect(orders.map((o) => o.status)).toEqual(['cancelled', 'cancelled']);
    expect((await renewalsOf(world.db, sub.id)).map((r) => r.status)).toEqual([
      'unpaid',
      'cancelled',
    ]);
    expect(await stockOf(world, 'SKU-1')).toEqual({ onHand: 100, reserved: 0 });
    const state = await world.db
      .selectFrom('subscriptions')
      .select(['state', 'paused_until'])
      .where('id', '=', sub.id)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ state: 'paused', paused_until: null });
    const types = await outboxTypes(world, sub.id);
    expect(types.filter((t) => t === 'subscription.payment_failed')).toHaveLength(2);
    expect(types).toContain('subscription.dunning_ended');
    // Paused: no further cycles are placed however far the clock moves.
    world.clock.setDay('2026-04-30');
    await settle(scheduler);
    expect(await renewalOrders(world.db, sub.reference)).toHaveLength(2);
    expect(world.mollie.recurring).toHaveLength(3);
  });

  it('recovers a payment on the second try and ships the order', async () => {
    world = await startSubscriptionWorld(backend, 'renew_recover');
    const plan = await createPlan(world);
    const sub = await createSubscription(world, plan.code, { payment: MANDATE });
    world.mollie.mandates.set(MANDATE.mandateId, {
      customerId: MANDATE.customerId,
      outcomes: ['failed', 'paid'],
    });
    const scheduler = world.scheduler();
    world.clock.setDay('2026-03-09');
    await settle(scheduler);
    world.clock.setDay('2026-03-12');
    await settle(scheduler);
    expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({
      status: 'completed',
      attempts: 2,
    });
    expect((await renewalOrders(world.db, sub.reference))[0]!.status).not.toMatch(
      /on_hold|cancelled/,
    );
  });

  it('a scheduler dying after Mollie charged but before the record: the next one finds the charge, never charges twice', async () => {
    world = await startSubscriptionWorld(backend, 'renew_crash');
    const plan = await createPlan(world);
    const sub = await createSubscription(world, plan.code, { payment: MANDATE });
    world.mollie.mandates.set(MANDATE.mandateId, { customerId: MANDATE.customerId, outcomes: [] });
    world.clock.setDay('2026-03-09');
    // The dying instance: its provider reaches Mollie, then the process is gone before it records.
    const real = world.providers.mollie!;
    const dying = world.context({ leaseMs: 200 });
    dying.providers = {
      mollie: {
        ...real,
        async charge(request) {
          await real.charge(request);
          throw new Error('process killed');
        },
      },
    };
    expect((await prepareDueBatch(world.context())).placed).toBe(1);
    await expect(chargeDueBatch(dying)).rejects.toThrow('process killed');
    expect(world.mollie.recurring).toHaveLength(1);
    const claimed = (await renewalsOf(world.db, sub.id))[0]!;
    expect(claimed.status).toBe('awaiting_payment');
    expect(claimed.lease_until).not.toBeNull();

    // While the lease holds, nobody else charges it.
    const other = world.context();
    expect((await chargeDueBatch(other)).claimed).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the 200 ms lease runs out
    // Mollie forgot the idempotency key meanwhile: the look-up by metadata must find the payment.
    world.mollie.forgetIdempotencyKeys();
    const after = await chargeDueBatch(other);
    expect(after).toMatchObject({ claimed: 1, paid: 1 });
    expect(world.mollie.recurring).toHaveLength(1);
    expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({ status: 'completed' });
    const charges = await world.db.selectFrom('recurring_charges').selectAll().execute();
    expect(charges).toEqual([
      expect.objectContaining({ attempt: 1, status: 'paid', provider_reference: 'tr_rec1' }),
    ]);
    // A record arriving late for the old claim changes nothing.
    const stale = await recordChargeResults(other, '00000000-0000-4000-8000-000000000000', [], []);
    expect(stale.paid).toBe(0);
  });

  // 120 renewals through the intake: 27-30 s on PGlite with 2 cores shared, at the default 30 s.
  it('two schedulers racing over ten weeks place each cycle of each subscription exactly once', async () => {
    world = await startSubscriptionWorld(backend, 'renew_race', {
      stock: { 'SKU-1': { 'NL-TIL': 10_000 } },
    });
    const plan = await createPlan(world);
    const subs = [];
    for (let i = 0; i < 12; i++) subs.push(await createSubscription(world, plan.code));
    // On PostgreSQL the second instance has its own connection pool, as another process would.
    const second = world.databaseUrl
      ? await openDatabase({ databaseUrl: world.databaseUrl, maxConnections: 4 })
      : undefined;
    try {
      const a = world.scheduler({ batchSize: 5 });
      const bCtx = world.context({ batchSize: 3 });
      const b = new SubscriptionScheduler(second ? { ...bCtx, db: second.db } : bCtx);
      for (let day = 0; day < 70; day += 3) {
        world.clock.setDay(addDays('2026-03-02', day));
        await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
      }
      world.clock.setDay('2026-05-11');
      await settle(a);
      for (const sub of subs) {
        const orders = await renewalOrders(world.db, sub.reference);
        const refs = orders.map((o) => o.channel_order_ref);
        expect(new Set(refs).size).toBe(refs.length);
        // Renewals on the Mondays 03-09 … 05-11; 05-18 closes on 05-16, after the last day.
        expect(refs).toHaveLength(10);
        const renewals = await renewalsOf(world.db, sub.id);
        expect(renewals.map((r) => r.cycle_no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(renewals.every((r) => r.status === 'completed')).toBe(true);
      }
      const charges = await world.db.selectFrom('recurring_charges').select('id').execute();
      expect(charges).toHaveLength(12 * 10);
    } finally {
      await second?.close();
    }
  }, 120_000);
});
