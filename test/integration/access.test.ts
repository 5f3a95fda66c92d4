// The access matrix: every route of the route table (as registered, so a new route is in it) ×
// every kind of caller (nobody, an unknown key, the admin token, a channel key, a station token,
// a person of each role, a warehouse lead of another warehouse), each answer checked against the
// route's declared rule. Plus: a route without a rule stops the server, and tampered session,
// CSRF, channel and station secrets are never accepted.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/people/roles';
import { ACCESS_REFUSAL_CODES, installRouteAccess } from '../../src-server/access/route-access';
import type { RouteAccessEntry } from '../../src-server/access/route-access';
import type { AccessRule } from '../../src-server/access/route-rules';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { makePerson, sessionFor, sessionHeaders } from '../support/people-fixtures';
import type { TestPerson } from '../support/people-fixtures';
import { enrolTestStation } from '../support/sync-fixtures';

type Caller =
  | { kind: 'nobody' }
  | { kind: 'unknown_key' }
  | { kind: 'admin_token' }
  | { kind: 'channel' }
  | { kind: 'station' }
  | { kind: 'person'; person: TestPerson; csrf: boolean };

/** What the rule says, stated here on its own (not by the code under test). */
function expectedGrant(rule: AccessRule, caller: Caller, warehouse: string): 'granted' | 401 | 403 {
  if (rule.allow === 'public') return 'granted';
  const allowed = rule.allow;
  switch (caller.kind) {
    case 'nobody':
    case 'unknown_key':
      return 401;
    case 'admin_token':
      return allowed.includes('admin_token') ? 'granted' : 403;
    case 'channel':
      return allowed.includes('channel') ? 'granted' : 403;
    case 'station':
      return allowed.includes('station') ? 'granted' : 403;
    case 'person': {
      const matching = caller.person.roles.filter((r) => allowed.includes(r));
      if (matching.length === 0) return 403;
      const onlyAsLead = matching.every((r) => r === 'warehouse_lead');
      if (rule.warehouseOf && onlyAsLead && !caller.person.leadWarehouses.includes(warehouse))
        return 403;
      return 'granted';
    }
  }
}

const fill = (url: string, params: Record<string, string>) =>
  url.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? randomUUID()).replace('*', 'x');

describe.each(BACKENDS)('access on %s', (backend) => {
  let server: TestServer;
  let base: string;
  let stationToken: string;
  let marketOrderId: string;
  const people: Partial<Record<Role | 'other_lead', TestPerson>> = {};

  beforeAll(async () => {
    server = await startTestServer(backend, 'access');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 100 } });
    stationToken = (await enrolTestStation(server.app, 'NL-TIL')).token;
    for (const role of ROLES) {
      people[role] = await makePerson(server.db, {
        roles: [role],
        leadWarehouses: role === 'warehouse_lead' ? ['NL-TIL'] : [],
      });
    }
    people.other_lead = await makePerson(server.db, {
      roles: ['warehouse_lead'],
      leadWarehouses: ['BE-GNT'],
    });
    const placed = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.market), 'idempotency-key': 'm1' },
      payload: makeOrder(),
    });
    marketOrderId = placed.json().orderId;
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  async function headersFor(caller: Caller): Promise<Record<string, string>> {
    switch (caller.kind) {
      case 'nobody':
        return {};
      case 'unknown_key':
        return bearer('not-a-key');
      case 'admin_token':
        return bearer(ADMIN_TOKEN);
      case 'channel':
        return bearer(CHANNEL_KEYS.web);
      case 'station':
        return bearer(stationToken);
      case 'person': {
        // A fresh session each time: a route such as sign-out ends the one it was called with.
        const session = await sessionFor(server.db, caller.person.id);
        return caller.csrf ? session.headers : { cookie: session.headers.cookie };
      }
    }
  }

  /** One request to a route with placeholder inputs; answers the status and the error code. */
  async function call(entry: RouteAccessEntry, headers: Record<string, string>, junk?: string) {
    const url = fill(entry.url, {
      code: 'NL-TIL',
      sku: 'SKU-1',
      collection: 'products',
      channel: 'web',
      carrier: 'dpd',
      ...(junk !== undefined ? { id: junk } : {}),
    });
    const hasBody = ['POST', 'PUT', 'PATCH'].includes(entry.method);
    const response = await fetch(base + url, {
      method: entry.method,
      headers: { ...headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
      body: hasBody ? JSON.stringify({ warehouseCode: 'NL-TIL', junk: junk ?? null }) : undefined,
      signal: AbortSignal.timeout(15_000),
    });
    let code: string | undefined;
    if ((response.headers.get('content-type') ?? '').includes('application/json')) {
      code = ((await response.json()) as { code?: string }).code;
    } else {
      await response.body?.cancel(); // a live stream (server-sent events) stays open otherwise
    }
    return { status: response.status, code };
  }

  function check(
    entry: RouteAccessEntry,
    caller: Caller,
    got: { status: number; code: string | undefined },
  ) {
    const label = `${entry.method} ${entry.url} as ${caller.kind === 'person' ? `${caller.person.roles}@${caller.person.leadWarehouses}${caller.csrf ? '' : ' without CSRF'}` : caller.kind}`;
    const refusedByAccess =
      (got.status === 401 || got.status === 403) &&
      (ACCESS_REFUSAL_CODES as readonly string[]).includes(got.code ?? '');
    const expected = expectedGrant(entry.rule, caller, 'NL-TIL');
    const changes = !['GET', 'HEAD', 'OPTIONS'].includes(entry.method);
    if (
      expected === 'granted' &&
      entry.rule.allow !== 'public' &&
      caller.kind === 'person' &&
      !caller.csrf &&
      changes
    ) {
      expect({ label, ...got }).toEqual({ label, status: 403, code: 'csrf_token_invalid' });
    } else if (expected === 'granted') {
      expect(refusedByAccess, `${label}: ${got.status} ${got.code}`).toBe(false);
      expect(got.status, label).toBeLessThan(500);
    } else {
      expect(refusedByAccess, `${label}: ${got.status} ${got.code}`).toBe(true);
      expect(got.status, label).toBe(expected);
    }
  }

  function callers(): Caller[] {
    return [
      { kind: 'nobody' },
      { kind: 'unknown_key' },
      { kind: 'admin_token' },
      { kind: 'channel' },
      { kind: 'station' },
      ...Object.values(people).flatMap((person) => [
        { kind: 'person' as const, person: person!, csrf: true },
        { kind: 'person' as const, person: person!, csrf: false },
      ]),
    ];
  }

  it('answers every route × every caller as the route table declares', async () => {
    const table = server.app.routeAccessTable;
    expect(table.length).toBeGreaterThan(40);
    for (const entry of table) {
      for (const caller of callers()) {
        check(entry, caller, await call(entry, await headersFor(caller)));
      }
    }
    // Every route × every caller, one request each: a minute on a loaded machine.
  }, 120_000);

  it('holds for any route, any caller and any path and body values (property)', async () => {
    const table = server.app.routeAccessTable;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...table),
        fc.constantFrom(...callers()),
        // `.` and `..` survive encoding and are dot segments: the URL would name another route.
        fc
          .string({ maxLength: 40 })
          .map((s) => encodeURIComponent(s))
          .map((s) => (s === '' || s === '.' || s === '..' ? 'x' : s)),
        async (entry, caller, junk) => {
          check(entry, caller, await call(entry, await headersFor(caller), junk));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never accepts a tampered session cookie, CSRF token, channel key or station token', async () => {
    const person = people.admin!;
    const mutate = (secret: string) =>
      fc
        .oneof(
          fc.nat({ max: secret.length - 1 }).map((i) => {
            const c = secret[i] === 'A' ? 'B' : 'A';
            return secret.slice(0, i) + c + secret.slice(i + 1);
          }),
          fc.nat({ max: secret.length - 1 }).map((i) => secret.slice(0, i)),
          fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/).map((s) => secret + s),
        )
        .filter((s) => s !== secret && s !== '');
    const session = await sessionFor(server.db, person.id);
    const get = (headers: Record<string, string>) =>
      fetch(`${base}/v1/people/users`, { headers }).then((r) => r.status);
    await fc.assert(
      fc.asyncProperty(mutate(session.sessionId), async (cookieValue) => {
        expect(await get(sessionHeaders(cookieValue))).toBe(401);
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(mutate(session.csrfToken), async (csrf) => {
        const response = await fetch(`${base}/v1/people/users`, {
          method: 'POST',
          headers: {
            ...sessionHeaders(session.sessionId, csrf),
            'content-type': 'application/json',
          },
          body: '{}',
        });
        expect(response.status).toBe(403);
        expect(((await response.json()) as { code: string }).code).toBe('csrf_token_invalid');
      }),
      { numRuns: 40 },
    );
    for (const key of [CHANNEL_KEYS.web, stationToken]) {
      await fc.assert(
        fc.asyncProperty(mutate(key), async (tampered) => {
          expect(
            await fetch(`${base}/v1/orders`, { headers: bearer(tampered) }).then((r) => r.status),
          ).toBe(401);
        }),
        { numRuns: 30 },
      );
    }
    expect(await get(session.headers)).toBe(200);
  });

  it('lets a channel read its own order (X-Api-Key works too) but not another channel’s', async () => {
    const own = await server.app.inject({
      method: 'GET',
      url: `/v1/orders/${marketOrderId}`,
      headers: { 'x-api-key': CHANNEL_KEYS.market },
    });
    expect(own.statusCode).toBe(200);
    const other = await server.app.inject({
      method: 'GET',
      url: `/v1/orders/${marketOrderId}`,
      headers: bearer(CHANNEL_KEYS.web),
    });
    expect(other.json()).toMatchObject({ code: 'forbidden' });
    const list = await server.app.inject({
      method: 'GET',
      url: '/v1/orders',
      headers: bearer(CHANNEL_KEYS.web),
    });
    expect(list.json().orders.every((o: { channel: string }) => o.channel === 'web')).toBe(true);
  });

  it('makes the admin token and people name the channel when placing an order', async () => {
    const headers = { ...bearer(ADMIN_TOKEN), 'idempotency-key': 'admin-1' };
    const missing = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers,
      payload: makeOrder(),
    });
    expect(missing.json()).toMatchObject({ code: 'channel_required', field: 'x-channel-code' });
    const rep = await sessionFor(server.db, people.sales_rep!.id);
    const named = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...rep.headers, 'idempotency-key': 'rep-1', 'x-channel-code': 'market' },
      payload: makeOrder(),
    });
    expect(named.statusCode).toBe(201);
    const view = await server.app.inject({
      method: 'GET',
      url: `/v1/orders/${named.json().orderId}`,
      headers: rep.headers,
    });
    expect(view.json().events[0].actor).toBe(`user:${people.sales_rep!.email}`);
  });

  it('keeps a warehouse lead to their own warehouse', async () => {
    const lead = await sessionFor(server.db, people.warehouse_lead!.id);
    const own = await server.app.inject({
      method: 'GET',
      url: '/v1/warehouses/NL-TIL/fulfillments',
      headers: lead.headers,
    });
    expect(own.statusCode).toBe(200);
    const other = await server.app.inject({
      method: 'GET',
      url: '/v1/warehouses/BE-GNT/fulfillments',
      headers: lead.headers,
    });
    expect(other.json()).toMatchObject({ code: 'not_your_warehouse' });
    const station = await server.app.inject({
      method: 'POST',
      url: '/v1/stations',
      headers: lead.headers,
      payload: { warehouseCode: 'BE-GNT', name: 'Not mine' },
    });
    expect(station.statusCode).toBe(403);
  });

  it('lets purchasing plan and order stock and read the figures; customer service neither', async () => {
    const asRole = async (role: Role) => (await sessionFor(server.db, people[role]!.id)).headers;
    const get = async (role: Role, url: string) =>
      (await server.app.inject({ method: 'GET', url, headers: await asRole(role) })).statusCode;
    const purchasing = await asRole('purchasing');
    const supplier = await server.app.inject({
      method: 'PUT',
      url: '/v1/suppliers/ACME',
      headers: purchasing,
      payload: { name: 'Acme', email: null },
    });
    expect(supplier.statusCode, supplier.body).toBe(204);
    expect(await get('purchasing', '/v1/replenishment/suggestions')).toBe(200);
    expect(await get('purchasing', '/v1/forecasts')).toBe(200);
    expect(await get('purchasing', '/v1/reports/stock?from=2026-11-01&to=2026-11-30')).toBe(200);
    expect(await get('finance', '/v1/reports/sales?from=2026-11-01&to=2026-11-30')).toBe(200);
    expect(await get('finance', '/v1/replenishment/suggestions')).toBe(403);
    expect(await get('purchasing', '/v1/purchase-orders')).toBe(200);
    expect(await get('finance', '/v1/purchase-orders')).toBe(403);
    expect(await get('customer_service', '/v1/forecasts')).toBe(403);
    expect(await get('customer_service', '/v1/reports/sales?from=2026-11-01&to=2026-11-30')).toBe(
      403,
    );
    expect(await get('sales_rep', '/v1/reports/sales?from=2026-11-01&to=2026-11-30')).toBe(403);
    const refused = await server.app.inject({
      method: 'PUT',
      url: '/v1/suppliers/ACME',
      headers: await asRole('customer_service'),
      payload: { name: 'Not Acme', email: null },
    });
    expect(refused.json()).toMatchObject({ code: 'not_permitted' });
    const audit = await server.db
      .selectFrom('audit_log')
      .select(['actor_label', 'action'])
      .where('object_type', '=', 'supplier')
      .where('object_id', '=', 'ACME')
      .execute();
    expect(audit).toContainEqual({ actor_label: people.purchasing!.email, action: 'saved' });
  });

  it('keeps /health, the OpenAPI document and the back office page public', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/health' })).json()).toMatchObject({
      status: 'ok',
    });
    const doc = (await server.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/orders',
        '/v1/people/sessions',
        '/v1/people/users',
        '/v1/audit',
      ]),
    );
    const unknownApi = await server.app.inject({ method: 'GET', url: '/v1/nothing-here' });
    expect(unknownApi.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('route rules', () => {
  it('refuses to start with a route that declares no access rule', async () => {
    const app = Fastify({ logger: false });
    installRouteAccess(app, {
      resolve: async () => ({ principal: null, sessionId: null }),
      adminTokenScope: 'system',
    });
    const start = async () => {
      app.get('/v1/forgotten', async () => ({ open: true }));
      await app.ready();
    };
    await expect(start()).rejects.toThrow(/GET \/v1\/forgotten declares no access rule/);
  });
});
