// Channels for admins: the list with keys in use, keyset-paged; an API key issued (shown once,
// working at once), the old key revoked (refused at once, even right after it was used and
// cached), each change in the audit log without any secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import { bearer, CHANNEL_KEYS, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { makePerson, sessionFor } from '../support/people-fixtures';
import type { TestSession } from '../support/people-fixtures';

describe.each(BACKENDS)('channels and their API keys on %s', (backend) => {
  let server: TestServer;
  let admin: TestSession;
  let service: TestSession;

  beforeAll(async () => {
    server = await startTestServer(backend, 'channels');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 10 } });
    admin = await sessionFor(server.db, (await makePerson(server.db, { roles: ['admin'] })).id);
    service = await sessionFor(
      server.db,
      (await makePerson(server.db, { roles: ['customer_service'] })).id,
    );
  });
  afterAll(() => server.close());

  const call = (
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    headers: object = admin.headers,
  ) =>
    server.app.inject({
      method,
      url,
      headers: headers as Record<string, string>,
      ...(payload ? { payload } : {}),
    });
  const ordersWith = async (key: string) =>
    (await server.app.inject({ method: 'GET', url: '/v1/orders?limit=1', headers: bearer(key) }))
      .statusCode;

  it('lists channels by code with their keys in use, a page at a time', async () => {
    const first = await call('GET', '/v1/channels?limit=2');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().channels.map((c: { code: string }) => c.code)).toEqual([
      'magento',
      'market',
    ]);
    expect(first.json().channels[0]).toMatchObject({ activeKeys: 1 });
    const next = await call('GET', `/v1/channels?limit=2&cursor=${first.json().nextCursor}`);
    expect(next.json()).toMatchObject({ channels: [{ code: 'web' }], nextCursor: null });
    expect((await call('GET', '/v1/channels', undefined, service.headers)).statusCode).toBe(403);
  });

  it('rotates a key: the new one works at once, the old one is refused at once', async () => {
    expect(await ordersWith(CHANNEL_KEYS.web)).toBe(200); // used, so it is cached
    const issued = await call('POST', '/v1/channels/web/keys', { label: 'ERP 2027' });
    expect(issued.statusCode, issued.body).toBe(201);
    const { apiKey, id: newId } = issued.json() as { apiKey: string; id: string };
    expect(apiKey).toMatch(/^oms_[\w-]{43}$/);
    expect(await ordersWith(apiKey)).toBe(200);

    const keys = (await call('GET', '/v1/channels/web/keys')).json().keys as {
      id: string;
      label: string;
      revokedAt: string | null;
    }[];
    expect(JSON.stringify(keys)).not.toContain(apiKey);
    expect(keys[0]).toMatchObject({ id: newId, label: 'ERP 2027', revokedAt: null });
    const old = keys.find((k) => k.id !== newId)!;
    const revoked = await call('POST', `/v1/channels/web/keys/${old.id}/revoke`, {
      reason: 'Rotated to the ERP 2027 key',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await ordersWith(CHANNEL_KEYS.web)).toBe(401);
    expect(await ordersWith(apiKey)).toBe(200);
    const again = await call('POST', `/v1/channels/web/keys/${old.id}/revoke`, {});
    expect(again.json()).toMatchObject({ code: 'already_revoked' });
    expect(again.statusCode).toBe(409);

    const audit = (await call('GET', '/v1/audit?objectType=channel&objectId=web')).json()
      .entries as { action: string; reason: string | null }[];
    expect(audit.map((e) => [e.action, e.reason])).toEqual([
      ['key_revoked', 'Rotated to the ERP 2027 key'],
      ['key_issued', null],
    ]);
    const stored = JSON.stringify(audit);
    expect(stored).not.toContain(apiKey);
    expect(stored).not.toMatch(/key_hash|[0-9a-f]{64}/);
  });

  it('refuses bad input with a 4xx naming what is wrong, and changes nothing', async () => {
    const before = (await call('GET', '/v1/channels/market/keys')).json().keys;
    expect((await call('POST', '/v1/channels/market/keys', {})).json()).toMatchObject({
      field: 'label',
    });
    expect((await call('POST', '/v1/channels/market/keys', { label: '' })).statusCode).toBe(400);
    expect((await call('POST', '/v1/channels/nowhere/keys', { label: 'x' })).statusCode).toBe(404);
    expect((await call('GET', '/v1/channels/nowhere/keys')).statusCode).toBe(404);
    const wrong = await call('POST', '/v1/channels/market/keys/not-a-uuid/revoke', {});
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().field).toBe('id');
    const otherChannelsKey = (await call('GET', '/v1/channels/magento/keys')).json().keys[0].id;
    expect(
      (await call('POST', `/v1/channels/market/keys/${otherChannelsKey}/revoke`, {})).statusCode,
    ).toBe(404);
    expect((await call('GET', '/v1/channels/market/keys')).json().keys).toEqual(before);
    expect(await ordersWith(CHANNEL_KEYS.magento)).toBe(200);
  });
});
