// The demo's subscriptions (`npm start`), on both databases: three plans and twelve subscriptions
// through the real create path; at the scheduler's first round the ones signed up a week (or four
// weeks, prepaid) ago renew today and the one five days ago is placed on hold; a second start
// adds nothing.
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src-server/config';
import { seedDemoCatalogue } from '../../src-server/seed/demo-seed';
import { seedDemoSubscriptions } from '../../src-server/seed/demo-subscriptions';
import { SubscriptionScheduler } from '../../src-server/subscriptions/subscription-scheduler';
import { renewalContextFor } from '../../src-server/subscriptions/subscriptions-runtime';
import { ADMIN_TOKEN, BACKENDS, openTestDatabase } from '../support/server-harness';
import { TestClock } from './subscriptions-helpers';

const quietLog = { info: () => undefined };

describe.each(BACKENDS)('the demo subscriptions on %s', (backend) => {
  it('seeds plans and subscriptions of which some renew at the first round, once', async () => {
    const handle = await openTestDatabase(backend, 'demo_subscriptions');
    try {
      await seedDemoCatalogue(handle.db, {
        seed: 'demo-subscriptions-test',
        log: quietLog,
        maxExtraKmForSingleWarehouse: 100,
        productCount: 40,
      });
      const config = loadServerConfig({ ADMIN_TOKEN, SUBSCRIPTION_SCHEDULER: 'off' });
      const clock = new TestClock('2026-03-10');
      const ctx = renewalContextFor(config, { db: handle.db, clock });
      await seedDemoSubscriptions(ctx, quietLog);
      await seedDemoSubscriptions(ctx, quietLog);
      const plans = await handle.db.selectFrom('subscription_plans').select('code').execute();
      expect(plans.map((p) => p.code).sort()).toEqual([
        'DEMO-MONTHLY-15',
        'DEMO-PREPAID-4W',
        'DEMO-WEEKLY',
      ]);
      const subs = await handle.db
        .selectFrom('subscriptions')
        .select(['external_ref', 'next_renewal_date', 'state'])
        .execute();
      expect(subs).toHaveLength(12);
      expect(subs.every((s) => s.state === 'active')).toBe(true);

      await new SubscriptionScheduler(ctx).runOnce();
      const renewals = await handle.db
        .selectFrom('subscription_renewals as r')
        .innerJoin('subscriptions as s', 's.id', 'r.subscription_id')
        .select(['s.external_ref', 'r.renewal_date', 'r.status', 'r.charge_kind'])
        .orderBy('s.external_ref')
        .execute();
      expect(renewals).toEqual(
        expect.arrayContaining([
          {
            external_ref: 'DEMO-SUB-1',
            renewal_date: '2026-03-10',
            status: 'completed',
            charge_kind: 'charge',
          },
          {
            external_ref: 'DEMO-SUB-2',
            renewal_date: '2026-03-10',
            status: 'completed',
            charge_kind: 'charge',
          },
          {
            external_ref: 'DEMO-SUB-3',
            renewal_date: '2026-03-12',
            status: 'awaiting_payment',
            charge_kind: 'charge',
          },
          {
            external_ref: 'DEMO-SUB-9',
            renewal_date: '2026-03-10',
            status: 'completed',
            charge_kind: 'prepaid',
          },
        ]),
      );
      const orders = await handle.db
        .selectFrom('orders')
        .select('id')
        .where('channel_code', '=', 'webshop')
        .execute();
      expect(orders.length).toBe(renewals.filter((r) => r.status !== 'stock_short').length);
    } finally {
      await handle.close();
    }
  });
});
