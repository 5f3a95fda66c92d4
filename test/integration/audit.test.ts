// The audit log: an entry per change with who, what, before and after, written in the change's
// transaction (a refused or failing change leaves none), readable filtered by object and actor.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audited, auditActorOf } from '../../src-server/audit/audit';
import { rowSnapshot } from '../../src-server/audit/snapshots';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { makePerson, sessionFor, TEST_PASSWORD } from '../support/people-fixtures';
import type { TestSession } from '../support/people-fixtures';

describe.each(BACKENDS)('audit on %s', (backend) => {
  let server: TestServer;
  let admin: TestSession;
  let adminEmail: string;
  let service: TestSession;

  beforeAll(async () => {
    server = await startTestServer(backend, 'audit');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 100 } });
    const person = await makePerson(server.db, { roles: ['admin'] });
    adminEmail = person.email;
    admin = await sessionFor(server.db, person.id);
    service = await sessionFor(
      server.db,
      (await makePerson(server.db, { roles: ['customer_service'] })).id,
    );
  });
  afterAll(() => server.close());

  const auditRows = (objectType: string, objectId: string) =>
    server.db
      .selectFrom('audit_log')
      .selectAll()
      .where('object_type', '=', objectType)
      .where('object_id', '=', objectId)
      .orderBy('at')
      .execute();

  async function placeOrder(): Promise<string> {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.market), 'idempotency-key': randomUUID() },
      payload: makeOrder(),
    });
    return res.json().orderId as string;
  }

  it('records a hold, its release and a cancel by a person, with the order before and after', async () => {
    const orderId = await placeOrder();
    const post = (action: string) =>
      server.app.inject({
        method: 'POST',
        url: `/v1/orders/${orderId}/${action}`,
        headers: service.headers,
        payload: { reason: 'payment check' },
      });
    expect((await post('hold')).statusCode).toBe(200);
    expect((await post('release-hold')).statusCode).toBe(200);
    expect((await post('cancel')).statusCode).toBe(200);
    const rows = await auditRows('order', orderId);
    expect(rows.map((r) => r.action)).toEqual(['held', 'hold_released', 'cancelled']);
    expect(rows[0]).toMatchObject({
      actor_type: 'user',
      actor_label: expect.stringContaining('customer_service'),
    });
    expect(rows[0]!.before).toMatchObject({ status: 'released' });
    expect(rows[0]!.after).toMatchObject({ status: 'on_hold', heldFrom: 'released' });
    expect(rows[2]!.after).toMatchObject({ status: 'cancelled' });
  });

  it('writes no entry when the change is refused (a second cancel: 409)', async () => {
    const orderId = await placeOrder();
    const cancel = () =>
      server.app.inject({
        method: 'POST',
        url: `/v1/orders/${orderId}/cancel`,
        headers: bearer(ADMIN_TOKEN),
      });
    expect((await cancel()).statusCode).toBe(200);
    expect((await cancel()).statusCode).toBe(409);
    const rows = await auditRows('order', orderId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_type: 'admin_token', action: 'cancelled' });
  });

  it('rolls the change and its entry back together when the change fails after writing', async () => {
    const id = randomUUID();
    const attempt = audited(
      server.db,
      auditActorOf(null),
      {
        objectType: 'webhook_subscription',
        objectId: id,
        action: 'created',
        snapshot: rowSnapshot('webhook_subscriptions', 'id'),
      },
      async (trx) => {
        await trx
          .insertInto('webhook_subscriptions')
          .values({
            id,
            url: 'https://erp.shop.example/hook',
            event_types: JSON.stringify(['order.placed']),
            secret: 's',
          })
          .execute();
        // A domain function that opens "its own" transaction joins this one.
        await trx.transaction().execute(async (inner) => {
          await inner
            .updateTable('webhook_subscriptions')
            .set({ description: 'joined' })
            .where('id', '=', id)
            .execute();
        });
        throw new Error('the change fails after its writes');
      },
    );
    await expect(attempt).rejects.toThrow('the change fails after its writes');
    expect(
      await server.db
        .selectFrom('webhook_subscriptions')
        .select('id')
        .where('id', '=', id)
        .execute(),
    ).toEqual([]);
    expect(await auditRows('webhook_subscription', id)).toEqual([]);
  });

  it('records a product save with before and after, and never a secret', async () => {
    const product = {
      name: 'Fietsbel',
      weightGrams: 120,
      lengthMm: 80,
      widthMm: 60,
      heightMm: 40,
      hsCode: '871491',
      countryOfOrigin: 'NL',
      gtins: ['4006381333931'],
      prices: { EUR: 999 },
    };
    const put = (name: string) =>
      server.app.inject({
        method: 'PUT',
        url: '/v1/products/BELL-1',
        headers: admin.headers,
        payload: { ...product, name },
      });
    const created = await put('Fietsbel');
    expect([200, 201]).toContain(created.statusCode);
    expect((await put('Fietsbel rood')).statusCode).toBe(200);
    const rows = await auditRows('product', 'BELL-1');
    expect(rows.map((r) => [r.before === null, (r.after as { name: string }).name])).toEqual([
      [true, 'Fietsbel'],
      [false, 'Fietsbel rood'],
    ]);
    const hook = await server.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: admin.headers,
      payload: { url: 'https://erp.shop.example/in', eventTypes: ['order.placed'] },
    });
    expect(hook.statusCode).toBe(201);
    const [entry] = await auditRows('webhook_subscription', hook.json().id);
    expect((entry!.after as { secret: string }).secret).toBe('[redacted]');
    expect(JSON.stringify(entry)).not.toContain(hook.json().secret);
  });

  it('records user admin, reads the log filtered by object and by actor, newest first, keyset-paged', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/v1/people/users',
      headers: admin.headers,
      payload: {
        email: 'audited@shop.example',
        name: 'Audited',
        password: TEST_PASSWORD,
        roles: ['finance'],
      },
    });
    const userId = created.json().id as string;
    await server.app.inject({
      method: 'PATCH',
      url: `/v1/people/users/${userId}`,
      headers: admin.headers,
      payload: { roles: ['finance', 'purchasing'] },
    });
    await server.app.inject({
      method: 'PATCH',
      url: `/v1/people/users/${userId}`,
      headers: admin.headers,
      payload: { active: false },
    });
    const read = (query: string) =>
      server.app.inject({ method: 'GET', url: `/v1/audit?${query}`, headers: admin.headers });
    const byObject = (await read(`objectType=user&objectId=${userId}`)).json();
    expect(byObject.entries.map((e: { action: string }) => e.action)).toEqual([
      'deactivated',
      'changed',
      'created',
    ]);
    expect(byObject.entries[1]).toMatchObject({
      before: { roles: ['finance'] },
      after: { roles: ['finance', 'purchasing'] },
    });
    expect(JSON.stringify(byObject)).not.toMatch(/argon2|password_hash/);

    const byActor = (await read(`actorId=${encodeURIComponent(adminEmail)}&limit=2`)).json();
    expect(byActor.entries).toHaveLength(2);
    expect(byActor.nextCursor).not.toBeNull();
    expect(
      byActor.entries.every((e: { actor: { label: string } }) => e.actor.label === adminEmail),
    ).toBe(true);
    const next = (
      await read(`actorId=${encodeURIComponent(adminEmail)}&limit=2&cursor=${byActor.nextCursor}`)
    ).json();
    const all = [...byActor.entries, ...next.entries];
    expect(new Set(all.map((e: { id: string }) => e.id)).size).toBe(all.length);
    const times = all.map((e: { at: string }) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect((await read('cursor=garbage')).json()).toMatchObject({
      code: 'invalid_cursor',
      field: 'cursor',
    });
    // Customer service reads the audit log of orders only.
    const asService = (query: string) =>
      server.app.inject({ method: 'GET', url: `/v1/audit${query}`, headers: service.headers });
    for (const query of ['', '?objectType=user', `?actorId=${encodeURIComponent(adminEmail)}`]) {
      const refused = await asService(query);
      expect(refused.statusCode, query).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'audit_orders_only', field: 'objectType' });
    }
    const orders = (await asService('?objectType=order')).json().entries as {
      objectType: string;
    }[];
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.every((e) => e.objectType === 'order')).toBe(true);
  });
});
