// Customer service signs a customer up and changes the subscription from the back office: the
// customer and channel look-ups the form uses, the create through the same path as a channel's
// checkout (session, CSRF, X-Channel-Code, Idempotency-Key), and each change — quantity, product,
// address, date — with its reason in the history under the person's name. A refused signup
// writes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/server-harness';
import { makePerson, sessionFor } from '../support/people-fixtures';
import type { TestPerson } from '../support/people-fixtures';
import { createPlan, startSubscriptionWorld, subscriptionBody } from './subscriptions-helpers';
import type { SubscriptionWorld } from './subscriptions-helpers';

interface History {
  history: { type: string; actor: string; detail: Record<string, unknown> }[];
}

describe.each(BACKENDS)('subscriptions from the back office on %s', (backend) => {
  let world: SubscriptionWorld;
  let planCode: string;
  let agent: TestPerson;
  let headers: Record<string, string>;

  beforeAll(async () => {
    world = await startSubscriptionWorld(backend, 'subscription_backoffice', {
      stock: { 'SKU-1': { 'NL-TIL': 100 }, 'SKU-2': { 'NL-TIL': 100 } },
    });
    planCode = (await createPlan(world, { skus: ['SKU-1', 'SKU-2'] })).code;
    agent = await makePerson(world.db, { roles: ['customer_service'] });
    headers = (await sessionFor(world.db, agent.id)).headers;
  });
  afterAll(() => world.close());

  const signUp = (body: Record<string, unknown>, key = randomUUID()) =>
    world.app.inject({
      method: 'POST',
      url: '/v1/subscriptions',
      headers: { ...headers, 'idempotency-key': key, 'x-channel-code': 'web' },
      payload: body,
    });
  const change = (id: string, payload: Record<string, unknown>) =>
    world.app.inject({
      method: 'POST',
      url: `/v1/subscriptions/${id}/changes`,
      headers,
      payload,
    });

  it('signs a customer up in the name of the person at the desk, found again by the look-up', async () => {
    const body = subscriptionBody(planCode, {
      customer: {
        type: 'person',
        name: 'Noor Jansen',
        email: 'noor.jansen@example.com',
        locale: 'de',
      },
      shipTo: {
        name: 'Noor Jansen',
        line1: 'Oudegracht 12',
        postalCode: '3511 AP',
        city: 'Utrecht',
        country: 'NL',
      },
    });
    const res = await signUp(body);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<
      { id: string; channel: string; customer: { locale: string } } & History
    >();
    expect(created.channel).toBe('web');
    expect(created.customer.locale).toBe('de');
    expect(created.history).toMatchObject([{ type: 'created', actor: `user:${agent.email}` }]);

    const found = await world.app.inject({
      method: 'GET',
      url: '/v1/subscription-customers?q=JANSEN',
      headers,
    });
    expect(found.statusCode).toBe(200);
    expect(found.json().customers).toEqual([
      {
        id: expect.any(String),
        name: 'Noor Jansen',
        email: 'noor.jansen@example.com',
        locale: 'de',
        lastShipTo: {
          name: 'Noor Jansen',
          line1: 'Oudegracht 12',
          postalCode: '3511 AP',
          city: 'Utrecht',
          country: 'NL',
        },
      },
    ]);
    // `_` and `%` are letters in the search, not wildcards.
    const literal = await world.app.inject({
      method: 'GET',
      url: '/v1/subscription-customers?q=%25_',
      headers,
    });
    expect(literal.json().customers).toEqual([]);
  });

  it('answers a look-up of one character with 400 naming q', async () => {
    const res = await world.app.inject({
      method: 'GET',
      url: '/v1/subscription-customers?q=a',
      headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field ?? res.json().message).toMatch(/q/);
  });

  it('lists the channels a subscription may belong to', async () => {
    const res = await world.app.inject({
      method: 'GET',
      url: '/v1/subscription-channels',
      headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().channels.map((c: { code: string }) => c.code)).toContain('web');
  });

  it('records each change customer service makes with its reason and who made it', async () => {
    const created = (await signUp(subscriptionBody(planCode))).json<{ id: string }>();
    const steps: [Record<string, unknown>, string][] = [
      [
        { type: 'change_quantity', lineNo: 1, quantity: 5, reason: 'Customer asked by phone' },
        'quantity_changed',
      ],
      [
        { type: 'swap_product', lineNo: 1, sku: 'SKU-2', reason: 'Prefers the other one' },
        'product_swapped',
      ],
      [
        {
          type: 'change_address',
          reason: 'Moved house',
          shipTo: {
            name: 'Emma de Vries',
            line1: 'Coolsingel 40',
            postalCode: '3011 AD',
            city: 'Rotterdam',
            country: 'NL',
          },
        },
        'address_changed',
      ],
    ];
    let view: { lines: { sku: string; quantity: number }[]; shipTo: { city?: string } } & History;
    for (const [payload, type] of steps) {
      const res = await change(created.id, payload);
      expect(res.statusCode, res.body).toBe(200);
      view = res.json();
      expect(view.history.at(-1)).toMatchObject({
        type,
        actor: `user:${agent.email}`,
        detail: { reason: payload.reason },
      });
    }
    expect(view!.lines).toMatchObject([{ sku: 'SKU-2', quantity: 5 }]);
    expect(view!.shipTo.city).toBe('Rotterdam');
  });

  it('refuses a swap to a product outside the plan and changes nothing', async () => {
    const created = (await signUp(subscriptionBody(planCode))).json<{ id: string }>();
    const res = await change(created.id, {
      type: 'swap_product',
      lineNo: 1,
      sku: 'SKU-9',
      reason: 'Wrong product',
    });
    expect(res.statusCode).toBe(422);
    const lines = await world.db
      .selectFrom('subscription_lines')
      .select('sku')
      .where('subscription_id', '=', created.id)
      .execute();
    expect(lines).toEqual([{ sku: 'SKU-1' }]);
  });

  it('refuses a signup for a product outside the plan with 422 naming the line, and writes nothing', async () => {
    const count = async () =>
      Number(
        (
          await world.db
            .selectFrom('subscriptions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await signUp(
      subscriptionBody(planCode, {
        lines: [
          { sku: 'SKU-1', quantity: 1 },
          { sku: 'SKU-9', quantity: 1 },
        ],
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'not_in_plan', field: 'lines[1].sku' });
    expect(await count()).toBe(before);
  });

  it('refuses the look-ups to a warehouse lead', async () => {
    const lead = await makePerson(world.db, {
      roles: ['warehouse_lead'],
      leadWarehouses: ['NL-TIL'],
    });
    const leadHeaders = (await sessionFor(world.db, lead.id)).headers;
    for (const url of ['/v1/subscription-customers?q=emma', '/v1/subscription-channels']) {
      const res = await world.app.inject({ method: 'GET', url, headers: leadHeaders });
      expect(res.statusCode, url).toBe(403);
    }
  });
});
