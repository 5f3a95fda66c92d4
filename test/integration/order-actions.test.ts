// Customer service acting on an order from the back office: a hold, its release and a cancel
// need a reason from a person (a 400 naming `reason`, and nothing changes without one); the
// reason is kept in the order's timeline and with the audit entry, readable by object.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { makePerson, sessionFor } from '../support/people-fixtures';
import type { TestSession } from '../support/people-fixtures';

describe.each(BACKENDS)('order actions with a reason on %s', (backend) => {
  let server: TestServer;
  let service: TestSession;
  let serviceEmail: string;

  beforeAll(async () => {
    server = await startTestServer(backend, 'order-actions');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 100 } });
    const person = await makePerson(server.db, { roles: ['customer_service'] });
    serviceEmail = person.email;
    service = await sessionFor(server.db, person.id);
  });
  afterAll(() => server.close());

  async function placeOrder(): Promise<string> {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': randomUUID() },
      payload: makeOrder(),
    });
    return res.json().orderId as string;
  }
  const act = (orderId: string, action: string, payload: unknown, headers = service.headers) =>
    server.app.inject({
      method: 'POST',
      url: `/v1/orders/${orderId}/${action}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const statusOf = async (orderId: string) =>
    (
      await server.db
        .selectFrom('orders')
        .select('status')
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow()
    ).status;
  const readAudit = async (orderId: string) =>
    (
      await server.app.inject({
        method: 'GET',
        url: `/v1/audit?objectType=order&objectId=${orderId}`,
        headers: service.headers,
      })
    ).json().entries as { action: string; reason: string | null; actor: { label: string } }[];

  it('refuses a hold or cancel by a person without a reason, and changes nothing', async () => {
    const orderId = await placeOrder();
    for (const [action, payload] of [
      ['hold', undefined],
      ['hold', {}],
      ['hold', { reason: '   ' }],
      ['cancel', { reason: '' }],
    ] as const) {
      const res = await act(orderId, action, payload);
      expect(res.statusCode, `${action} ${JSON.stringify(payload)}`).toBe(400);
      expect(res.json().field).toBe('reason');
    }
    expect(await statusOf(orderId)).toBe('released');
    expect(await readAudit(orderId)).toEqual([]);
  });

  it('keeps the reason in the timeline and with the audit entry, newest first', async () => {
    const orderId = await placeOrder();
    expect((await act(orderId, 'hold', { reason: 'Address to confirm' })).statusCode).toBe(200);
    expect((await act(orderId, 'release-hold', { reason: 'Customer confirmed' })).statusCode).toBe(
      200,
    );
    expect((await act(orderId, 'cancel', { reason: '  Changed their mind ' })).statusCode).toBe(
      200,
    );
    const entries = await readAudit(orderId);
    expect(entries.map((e) => [e.action, e.reason, e.actor.label])).toEqual([
      ['cancelled', 'Changed their mind', serviceEmail],
      ['hold_released', 'Customer confirmed', serviceEmail],
      ['held', 'Address to confirm', serviceEmail],
    ]);
    const view = (
      await server.app.inject({
        method: 'GET',
        url: `/v1/orders/${orderId}`,
        headers: service.headers,
      })
    ).json();
    const reasons = (view.events as { type: string; detail: { reason?: string } }[])
      .filter((e) => e.detail.reason)
      .map((e) => [e.type, e.detail.reason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['on_hold', 'Address to confirm'],
        ['hold_released', 'Customer confirmed'],
      ]),
    );
  });

  it('lets a system (the admin token) act without a reason, as automation does', async () => {
    const orderId = await placeOrder();
    expect((await act(orderId, 'hold', undefined, bearer(ADMIN_TOKEN) as never)).statusCode).toBe(
      200,
    );
    const [entry] = await readAudit(orderId);
    expect(entry).toMatchObject({ action: 'held', reason: null });
  });
});
