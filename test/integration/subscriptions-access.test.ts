// Who may use the subscription routes, stated here on its own (not read from the code under test),
// and what a person's change leaves behind: the subscription's history and the audit log name them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/people/roles';
import type { Caller } from '../../src-server/access/route-rules';
import { BACKENDS } from '../support/server-harness';
import { makePerson, sessionFor } from '../support/people-fixtures';
import { createPlan, createSubscription, startSubscriptionWorld } from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

const SIGNERS: Caller[] = ['admin', 'customer_service', 'sales_rep', 'channel', 'admin_token'];
const READERS: Caller[] = [
  'admin',
  'customer_service',
  'sales_rep',
  'finance',
  'channel',
  'admin_token',
];
const EXPECTED: Record<string, readonly Caller[] | 'public'> = {
  'POST /v1/subscriptions': SIGNERS,
  'GET /v1/subscriptions': READERS,
  'GET /v1/subscriptions/:id': READERS,
  'POST /v1/subscriptions/:id/changes': ['admin', 'customer_service', 'channel', 'admin_token'],
  'POST /v1/subscription-plans': ['admin', 'admin_token'],
  'GET /v1/subscription-plans': READERS,
  'GET /v1/subscription-plans/:code': READERS,
  'GET /v1/subscriptions/demand': ['admin', 'purchasing', 'admin_token'],
  'GET /v1/subscription-customers': ['admin', 'customer_service', 'sales_rep', 'admin_token'],
  'GET /v1/subscription-channels': ['admin', 'customer_service', 'sales_rep', 'admin_token'],
  'GET /v1/subscription-reports/weekly': ['admin', 'finance', 'admin_token'],
  'GET /v1/subscription-reports/mrr': ['admin', 'finance', 'admin_token'],
  'GET /v1/subscription-reports/renewals': ['admin', 'finance', 'admin_token'],
  'GET /v1/recurring-charges.csv': ['admin', 'finance', 'admin_token'],
  'GET /s/:token': 'public',
  'POST /s/:token/:action': 'public',
  'GET /s/assets/self-service.css': 'public',
};

describe.each(BACKENDS)('subscription access on %s', (backend) => {
  let world: SubscriptionWorld;
  let planCode: string;

  beforeAll(async () => {
    world = await startSubscriptionWorld(backend, 'subscription_access');
    planCode = (await createPlan(world, { skus: ['SKU-1'] })).code;
  });
  afterAll(() => world.close());

  it('gives each subscription route to the callers a retailer would, and no others', () => {
    const table = world.app.routeAccessTable.filter((e) =>
      /^\/(v1\/subscription|v1\/recurring-charges|s\/)/.test(e.url),
    );
    const declared = Object.fromEntries(
      table.map((e) => [
        `${e.method} ${e.url}`,
        e.rule.allow === 'public' ? 'public' : [...e.rule.allow].sort(),
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(EXPECTED).map(([k, v]) => [k, v === 'public' ? v : [...v].sort()]),
    );
    expect(declared).toEqual(expected);
  });

  async function as(role: Role) {
    const person = await makePerson(world.db, { roles: [role] });
    return { person, headers: (await sessionFor(world.db, person.id)).headers };
  }

  it('lets customer service pause a subscription, on record in its history and the audit log', async () => {
    const sub = await createSubscription(world, planCode);
    const { person, headers } = await as('customer_service');
    const res = await world.app.inject({
      method: 'POST',
      url: `/v1/subscriptions/${sub.id}/changes`,
      headers,
      payload: { type: 'pause', until: '2026-06-01' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('paused');
    const history = res.json().history as { type: string; actor: string }[];
    expect(history.at(-1)).toMatchObject({ actor: `user:${person.email}` });
    const audit = await world.db
      .selectFrom('audit_log')
      .selectAll()
      .where('object_type', '=', 'subscription')
      .where('object_id', '=', sub.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_type])).toEqual([
      ['created', 'admin_token'],
      ['changed:pause', 'user'],
    ]);
    expect(audit[1]).toMatchObject({ actor_id: person.id });
    expect((audit[1]!.before as { state: string }).state).toBe('active');
    expect((audit[1]!.after as { state: string }).state).toBe('paused');
  });

  it.each<[Role, string]>([
    ['finance', 'may read but not change'],
    ['warehouse_lead', 'may not change'],
    ['purchasing', 'may not change'],
  ])('refuses a change by %s (%s) and leaves the subscription as it was', async (role) => {
    const sub = await createSubscription(world, planCode);
    const { headers } = await as(role);
    const res = await world.app.inject({
      method: 'POST',
      url: `/v1/subscriptions/${sub.id}/changes`,
      headers,
      payload: { type: 'cancel', force: true },
    });
    expect(res.statusCode).toBe(403);
    const row = await world.db
      .selectFrom('subscriptions')
      .select('state')
      .where('id', '=', sub.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('active');
  });

  it('keeps subscriptions from the warehouse lead and the plans from customer service to make', async () => {
    const lead = await as('warehouse_lead');
    const list = await world.app.inject({
      method: 'GET',
      url: '/v1/subscriptions',
      headers: lead.headers,
    });
    expect(list.statusCode).toBe(403);
    const service = await as('customer_service');
    const plan = await world.app.inject({
      method: 'POST',
      url: '/v1/subscription-plans',
      headers: service.headers,
      payload: {
        code: 'CS-PLAN',
        name: 'x',
        interval: { unit: 'week', count: 1 },
        skus: ['SKU-1'],
      },
    });
    expect(plan.statusCode).toBe(403);
    const finance = await as('finance');
    const read = await world.app.inject({
      method: 'GET',
      url: '/v1/subscriptions',
      headers: finance.headers,
    });
    expect(read.statusCode).toBe(200);
  });
});
