// Renewal orders carry the VAT engine's tax exactly as any intake order does: the subscriber's
// country and the plan's product tax class decide the rate, the supply date is the day the cycle's
// order is placed (so a rate change between two renewals shows in the second), and a price change
// between renewals is taxed at its new amount. The charge is the order's total with that VAT.
import { afterEach, describe, expect, it } from 'vitest';
import type { SubscriptionScheduler } from '../../src-server/subscriptions/subscription-scheduler';
import { BACKENDS } from '../support/server-harness';
import {
  createPlan,
  createSubscription,
  renewalOrders,
  renewalsOf,
  startSubscriptionWorld,
} from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

const ADDRESSES = {
  NL: { name: 'Emma de Vries', line1: 'Damrak 1', postalCode: '1012 AB', city: 'Amsterdam' },
  BE: { name: 'Lotte Peeters', line1: 'Rue Neuve 1', postalCode: '1000', city: 'Brussel' },
  DE: { name: 'Jonas Weber', line1: 'Unter den Linden 1', postalCode: '10117', city: 'Berlin' },
  SK: { name: 'Ján Novák', line1: 'Obchodná 1', postalCode: '81106', city: 'Bratislava' },
} as const;
type Country = keyof typeof ADDRESSES;

const shipTo = (country: Country) => ({ ...ADDRESSES[country], country });

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

/** Moves the clock to each day in turn and lets the scheduler do that day's work. */
async function runTo(world: SubscriptionWorld, scheduler: SubscriptionScheduler, days: string[]) {
  for (const day of days) {
    world.clock.setDay(day);
    await settle(scheduler);
  }
}

/** The order of a cycle with its VAT snapshot and lines, as stored. */
async function renewalOrderVat(world: SubscriptionWorld, reference: string, cycleNo: number) {
  const order = await world.db
    .selectFrom('orders')
    .select(['id', 'total_minor', 'tax_minor', 'net_minor', 'vat_scheme', 'tax_source', 'vat'])
    .where('channel_order_ref', '=', `${reference}-${cycleNo}`)
    .executeTakeFirstOrThrow();
  const lines = await world.db
    .selectFrom('order_lines')
    .select(['unit_price_minor', 'tax_minor', 'tax_rate_ppm'])
    .where('order_id', '=', order.id)
    .execute();
  return { ...order, lines };
}

/** A world whose `web` channel leaves the tax to the OMS, SKU-1 a reduced-rate product. */
async function vatWorld(backend: (typeof BACKENDS)[number], label: string, today: string) {
  const world = await startSubscriptionWorld(backend, label, {
    today,
    env: { VAT_ORIGIN_COUNTRY: 'NL', VAT_OSS_OPTED_IN: 'true' },
  });
  await world.db
    .updateTable('channels')
    .set({ tax_mode: 'oms', prices_include_tax: false })
    .where('code', '=', 'web')
    .execute();
  await world.db
    .updateTable('products')
    .set({ tax_class: 'reduced' })
    .where('sku', '=', 'SKU-1')
    .execute();
  return world;
}

describe.each(BACKENDS)('renewal VAT on %s', (backend) => {
  let world: SubscriptionWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('taxes NL, BE and DE consumers at their own reduced rate, and a price change at its new amount', async () => {
    world = await vatWorld(backend, 'renew_vat_countries', '2026-03-02');
    const plan = await createPlan(world);
    const subs = {
      NL: await createSubscription(world, plan.code, { shipTo: shipTo('NL') }),
      BE: await createSubscription(world, plan.code, { shipTo: shipTo('BE') }),
      DE: await createSubscription(world, plan.code, { shipTo: shipTo('DE') }),
    };
    const scheduler = world.scheduler();
    await runTo(world, scheduler, ['2026-03-07', '2026-03-09']);

    // Two units of 10.00 excl. VAT: NL 9 % domestic, BE 6 % and DE 7 % through the OSS.
    const expected = {
      NL: { scheme: 'domestic', ratePpm: 90_000, taxMinor: 180 },
      BE: { scheme: 'oss', ratePpm: 60_000, taxMinor: 120 },
      DE: { scheme: 'oss', ratePpm: 70_000, taxMinor: 140 },
    } as const;
    for (const country of ['NL', 'BE', 'DE'] as const) {
      const sub = subs[country];
      const order = await renewalOrderVat(world, sub.reference, 1);
      const want = expected[country];
      expect(order).toMatchObject({
        vat_scheme: want.scheme,
        tax_source: 'oms',
        net_minor: 2000,
        tax_minor: want.taxMinor,
        total_minor: 2000 + want.taxMinor,
      });
      expect(order.lines).toEqual([
        { unit_price_minor: 1000, tax_minor: want.taxMinor, tax_rate_ppm: want.ratePpm },
      ]);
      expect(order.vat!.decision).toMatchObject({
        rateCountry: country,
        supplyDate: '2026-03-07',
      });
      expect((await renewalsOf(world.db, sub.id))[0]).toMatchObject({
        status: 'completed',
        amount_minor: 2000 + want.taxMinor,
      });
    }

    // The catalogue price rises between renewals: the plan prices at the current price.
    await world.db
      .updateTable('product_prices')
      .set({ unit_price_minor: 1250 })
      .where('sku', '=', 'SKU-1')
      .execute();
    await runTo(world, scheduler, ['2026-03-14', '2026-03-16']);
    const second = await renewalOrderVat(world, subs.BE.reference, 2);
    expect(second).toMatchObject({ net_minor: 2500, tax_minor: 150, total_minor: 2650 });
    expect(second.lines).toEqual([
      { unit_price_minor: 1250, tax_minor: 150, tax_rate_ppm: 60_000 },
    ]);
    expect((await renewalsOf(world.db, subs.BE.id))[1]).toMatchObject({ amount_minor: 2650 });
  });

  it('taxes each renewal at the rate of the day its order is placed when a rate changes between two', async () => {
    // Slovakia cut its reduced rate from 10 % to 5 % on 1 January 2025.
    world = await vatWorld(backend, 'renew_vat_rate_change', '2024-12-16');
    const plan = await createPlan(world);
    const sub = await createSubscription(world, plan.code, { shipTo: shipTo('SK') });
    expect(sub.nextRenewal.date).toBe('2024-12-23');
    const scheduler = world.scheduler();
    // Each cycle's order is placed the day it closes, two days before its renewal.
    await runTo(world, scheduler, ['2024-12-21', '2024-12-23', '2024-12-28', '2024-12-30']);
    await runTo(world, scheduler, ['2025-01-04', '2025-01-06']);

    expect((await renewalOrders(world.db, sub.reference)).map((o) => o.channel_order_ref)).toEqual(
      [1, 2, 3].map((n) => `${sub.reference}-${n}`),
    );
    const cycles = await Promise.all(
      [1, 2, 3].map((n) => renewalOrderVat(world!, sub.reference, n)),
    );
    expect(
      cycles.map((o) => [o.vat!.decision.supplyDate, o.lines[0]!.tax_rate_ppm, o.tax_minor]),
    ).toEqual([
      ['2024-12-21', 100_000, 200],
      ['2024-12-28', 100_000, 200],
      ['2025-01-04', 50_000, 100],
    ]);
    expect((await renewalsOf(world.db, sub.id)).map((r) => r.amount_minor)).toEqual([
      2200, 2200, 2100,
    ]);
  });
});
