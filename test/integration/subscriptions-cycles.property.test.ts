// Property: over any sequence of clock moves, customer changes (skip, pause, resume, cancel) and
// scheduler rounds (either of two instances, or both at once, or racing a change), the orders a
// weekly subscription gets are exactly the cycles the plan and the changes imply — no cycle
// twice, none missing — on both databases. The model below is the plan's rule written plainly.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-server/db/connect';
import { addDays } from '../../src-server/subscriptions/subscription-calendar';
import type { IsoDate } from '../../src-server/subscriptions/subscription-calendar';
import { SubscriptionScheduler } from '../../src-server/subscriptions/subscription-scheduler';
import { BACKENDS } from '../support/server-harness';
import {
  changeSubscription,
  createPlan,
  createSubscription,
  renewalOrders,
  startSubscriptionWorld,
} from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

const LEAD = 2; // the plan's cut-off and the reserve-ahead setting, both 2 days
const START: IsoDate = '2026-03-02';

type Change = 'skip_next' | 'pause' | 'resume' | 'cancel';
type Command =
  | { kind: 'advance'; days: number }
  | { kind: 'round'; who: 'a' | 'b' | 'both' }
  | { kind: 'change'; change: Change; racing: boolean };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 9 }) }),
  fc.record({
    kind: fc.constant('round' as const),
    who: fc.constantFrom('a' as const, 'b' as const, 'both' as const),
  }),
  fc.record({
    kind: fc.constant('change' as const),
    change: fc.constantFrom<Change>('skip_next', 'pause', 'resume', 'cancel'),
    racing: fc.boolean(),
  }),
);

/** The weekly plan's rule: a cycle is placed when it closes (LEAD days ahead) while active. */
class PlanModel {
  placed: IsoDate[] = [];
  state: 'active' | 'paused' | 'cancelled' = 'active';
  constructor(
    public next: IsoDate,
    private readonly anchor: IsoDate,
  ) {}
  placeDue(today: IsoDate) {
    if (this.state !== 'active') return;
    while (addDays(this.next, -LEAD) <= today) {
      this.placed.push(this.next);
      this.next = addDays(this.next, 7);
    }
  }
  apply(change: Change, today: IsoDate) {
    this.placeDue(today);
    if (this.state === 'cancelled') return;
    if (change === 'skip_next' && this.state === 'active') this.next = addDays(this.next, 7);
    if (change === 'pause') this.state = 'paused';
    if (change === 'cancel') this.state = 'cancelled';
    if (change === 'resume' && this.state === 'paused') {
      // The first date on the rhythm whose cut-off is still ahead.
      const open = addDays(today, LEAD + 1);
      let date = this.anchor;
      while (date < open) date = addDays(date, 7);
      this.next = date;
      this.state = 'active';
    }
  }
}

describe.each(BACKENDS)('renewal cycles by property on %s', (backend) => {
  let world: SubscriptionWorld;
  let planCode: string;
  let a: SubscriptionScheduler;
  let b: SubscriptionScheduler;
  let closeSecond: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    world = await startSubscriptionWorld(backend, 'subscription_cycles', {
      stock: { 'SKU-1': { 'NL-TIL': 1_000_000 } },
    });
    planCode = (await createPlan(world)).code;
    a = world.scheduler({ batchSize: 4 });
    // On PostgreSQL the second instance has a pool of its own, as another process would.
    const second = world.databaseUrl
      ? await openDatabase({ databaseUrl: world.databaseUrl, maxConnections: 4 })
      : undefined;
    closeSecond = second?.close;
    const ctx = world.context({ batchSize: 2 });
    b = new SubscriptionScheduler(second ? { ...ctx, db: second.db } : ctx);
  });
  afterAll(async () => {
    await closeSecond?.();
    await world.close();
  });

  it('places exactly the cycles the plan and the changes imply', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 14 }), async (commands) => {
        world.clock.setDay(START);
        const sub = await createSubscription(world, planCode);
        const model = new PlanModel(sub.nextRenewal.date, sub.nextRenewal.date);
        for (const command of commands) {
          if (command.kind === 'advance') world.clock.advanceDays(command.days);
          else if (command.kind === 'round') {
            if (command.who === 'both') await Promise.all([a.runOnce(), b.runOnce()]);
            else await (command.who === 'a' ? a : b).runOnce();
          } else {
            const change = changeSubscription(world, sub.id, { type: command.change });
            const [res] = await Promise.all([change, command.racing ? b.runOnce() : null]);
            expect(res.statusCode).toBeLessThan(500);
            model.apply(command.change, world.clock.today());
          }
        }
        await Promise.all([a.runOnce(), b.runOnce()]);
        for (let i = 0; i < 30; i++) {
          const r = await a.runOnce();
          if (r.prepare.placed + r.prepare.short + r.prepare.missed === 0) break;
        }
        model.placeDue(world.clock.today());

        const renewals = await world.db
          .selectFrom('subscription_renewals')
          .select(['renewal_date', 'order_id'])
          .where('subscription_id', '=', sub.id)
          .where('order_id', 'is not', null)
          .orderBy('cycle_no')
          .execute();
        const orders = await renewalOrders(world.db, sub.reference);
        expect(renewals.map((r) => r.renewal_date)).toEqual(model.placed);
        expect(orders).toHaveLength(model.placed.length);
        expect(new Set(orders.map((o) => o.id))).toEqual(new Set(renewals.map((r) => r.order_id)));
        // Leave it inert for the runs after this one (the clock goes back to START).
        if (model.state !== 'cancelled')
          await changeSubscription(world, sub.id, { type: 'cancel' });
      }),
      { numRuns: 40, endOnFailure: true },
    );
  }, 240_000);
});
