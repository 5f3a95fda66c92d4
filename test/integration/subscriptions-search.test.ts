// What the back office's subscription screens ask of the API: subscriptions found by part of
// their reference, e-mail or customer name and filtered by state and plan; pause, resume and
// skip taken with a reason that the history and the audit log keep.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/server-harness';
import {
  admin,
  changeSubscription,
  createPlan,
  createSubscription,
  startSubscriptionWorld,
} from './subscriptions-helpers';
import type { CreatedSubscription, SubscriptionWorld } from './subscriptions-helpers';

interface ListedSubscription {
  reference: string;
  externalRef: string | null;
  email: string;
  state: string;
  plan: { code: string };
}

describe.each(BACKENDS)('subscription search on %s', (backend) => {
  let world: SubscriptionWorld;
  let coffee: string;
  let tea: string;
  let emma: CreatedSubscription;
  let jonas: CreatedSubscription;
  let lotte: CreatedSubscription;

  const list = async (query: Record<string, string>) => {
    const res = await world.app.inject({
      method: 'GET',
      url: `/v1/subscriptions?${new URLSearchParams(query).toString()}`,
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ subscriptions: ListedSubscription[] }>().subscriptions;
  };
  const refs = (rows: ListedSubscription[]) => rows.map((r) => r.reference).sort();

  beforeAll(async () => {
    world = await startSubscriptionWorld(backend, 'subscription_search');
    coffee = (await createPlan(world)).code;
    tea = (await createPlan(world)).code;
    const person = (name: string, email: string) => ({
      customer: { type: 'person', name, email, locale: 'nl' },
    });
    emma = await createSubscription(world, coffee, person('Emma de Vries', 'emma@example.com'));
    jonas = await createSubscription(world, coffee, person('Jonas Weber', 'jonas@example.de'));
    lotte = await createSubscription(world, tea, person('Lotte Peeters', 'lotte_p@example.be'));
  });
  afterAll(() => world.close());

  it('finds subscriptions by part of the customer name, e-mail or reference', async () => {
    expect(refs(await list({ q: 'weber' }))).toEqual([jonas.reference]);
    expect(refs(await list({ q: 'example.be' }))).toEqual([lotte.reference]);
    expect(refs(await list({ q: emma.reference.slice(-6) }))).toEqual([emma.reference]);
  });

  it('filters by plan and by state', async () => {
    expect(refs(await list({ plan: coffee }))).toEqual([emma.reference, jonas.reference].sort());
    expect(refs(await list({ plan: tea }))).toEqual([lotte.reference]);
    const paused = await changeSubscription(world, jonas.id, {
      type: 'pause',
      reason: 'On holiday',
    });
    expect(paused.statusCode).toBe(200);
    expect(refs(await list({ plan: coffee, state: 'paused' }))).toEqual([jonas.reference]);
    expect(refs(await list({ plan: coffee, state: 'active' }))).toEqual([emma.reference]);
    await changeSubscription(world, jonas.id, { type: 'resume', reason: 'Back home' });
  });

  it('treats % and _ in the search as plain characters', async () => {
    expect(refs(await list({ q: 'lotte_p' }))).toEqual([lotte.reference]);
    expect(refs(await list({ q: 'lotte%p' }))).toEqual([]);
    expect(refs(await list({ q: '_' }))).toEqual([lotte.reference]);
  });

  it('finds exactly the subscriptions whose name, e-mail, reference or channel id hold the text', async () => {
    const names = new Map([
      [emma.reference, 'Emma de Vries'],
      [jonas.reference, 'Jonas Weber'],
      [lotte.reference, 'Lotte Peeters'],
    ]);
    const texts = (await list({})).map((row) => ({
      reference: row.reference,
      text: [names.get(row.reference), row.email, row.reference, row.externalRef]
        .join(' ')
        .toLowerCase(),
    }));
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom(...'aeor_%\\.@-SUB1'), minLength: 1, maxLength: 4 }),
        async (q) => {
          const expected = texts
            .filter((t) => t.text.includes(q.toLowerCase()))
            .map((t) => t.reference)
            .sort();
          expect(refs(await list({ q }))).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps the reason of a pause, a resume and a skip in the history and the audit log', async () => {
    for (const change of [
      { type: 'pause', reason: 'Customer on holiday' },
      { type: 'resume', reason: 'Customer is back' },
      { type: 'skip_next', reason: 'Still has coffee' },
    ]) {
      const res = await changeSubscription(world, emma.id, change);
      expect(res.statusCode).toBe(200);
    }
    const view = await world.app.inject({
      method: 'GET',
      url: `/v1/subscriptions/${emma.id}`,
      headers: admin,
    });
    const history = view.json<{ history: { type: string; detail: { reason?: string } }[] }>()
      .history;
    expect(history.filter((e) => e.detail.reason).map((e) => [e.type, e.detail.reason])).toEqual([
      ['paused', 'Customer on holiday'],
      ['resumed', 'Customer is back'],
      ['skipped', 'Still has coffee'],
    ]);
    const audit = await world.db
      .selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('object_type', '=', 'subscription')
      .where('object_id', '=', emma.id)
      .where('action', 'like', 'changed:%')
      .orderBy('at')
      .execute();
    expect(audit).toEqual([
      { action: 'changed:pause', reason: 'Customer on holiday' },
      { action: 'changed:resume', reason: 'Customer is back' },
      { action: 'changed:skip_next', reason: 'Still has coffee' },
    ]);
  });

  it('refuses a reason longer than 500 characters, naming the field, and changes nothing', async () => {
    const res = await changeSubscription(world, lotte.id, {
      type: 'pause',
      reason: 'x'.repeat(501),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'reason' });
    expect(refs(await list({ state: 'paused' }))).toEqual([]);
  });
});
