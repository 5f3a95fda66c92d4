// Carrier credentials in the central OMS: validated with the adapter's schema (a 400 that names
// the field), stored only sealed (AES-256-GCM), listed to the back office without secrets and
// with every carrier's label status, and opened only for a station of that warehouse. Only admins
// set them (audited, without secrets); a warehouse lead reads their own warehouse's status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CarrierSecrets } from '../../src-server/carriers/carrier-secrets';
import { bearer, seedCatalog } from '../support/oms-fixtures';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import { makePerson, sessionFor } from '../support/people-fixtures';
import { enrolTestStation, type EnrolledTestStation } from '../support/sync-fixtures';

const DHL = { userId: 'dhl-user-0001', key: 'dhl-secret-key-000001', accountId: '01234567' };

describe.each(BACKENDS)('carrier credentials on %s', (backend) => {
  let server: TestServer;
  let station: EnrolledTestStation;
  let warehouseCode: string;
  beforeAll(async () => {
    server = await startTestServer(backend, 'carrier_credentials');
    await seedCatalog(server.db, {});
    warehouseCode = 'NL-TIL';
    station = await enrolTestStation(server.app, warehouseCode);
  });
  afterAll(async () => {
    await server?.close();
  });

  const put = (
    carrier: string,
    payload: unknown,
    headers: Record<string, string> = bearer(ADMIN_TOKEN),
  ) =>
    server.app.inject({
      method: 'PUT',
      url: `/v1/warehouses/${warehouseCode}/carriers/${carrier}`,
      headers,
      payload: payload as object,
    });

  it('refuses credentials that do not fit the carrier, naming the field, and stores nothing', async () => {
    const res = await put('dhl-parcel', { credentials: { ...DHL, accountId: 'ACME' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_error', field: 'credentials.accountId' });
    expect(await server.db.selectFrom('carrier_credentials').selectAll().execute()).toEqual([]);
    expect(
      (await put('dhl-parcel', { credentials: DHL }, { authorization: 'Bearer wrong' })).statusCode,
    ).toBe(401);
    expect(
      (
        await server.app.inject({
          method: 'PUT',
          url: '/v1/warehouses/NOPE/carriers/dhl-parcel',
          headers: bearer(ADMIN_TOKEN),
          payload: { credentials: DHL },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('stores them sealed and lists every carrier of the shipping services with its status', async () => {
    expect((await put('dhl-parcel', { credentials: DHL })).statusCode).toBe(204);
    expect((await put('dpd', { fallbackToOwn: true })).statusCode).toBe(204);
    expect((await put('fedex', { fallbackToOwn: true })).statusCode).toBe(204);
    const row = await server.db
      .selectFrom('carrier_credentials')
      .selectAll()
      .where('carrier', '=', 'dhl-parcel')
      .executeTakeFirstOrThrow();
    expect(row.sealed).not.toContain(DHL.key);
    expect(Buffer.from(row.sealed!, 'base64').toString('latin1')).not.toContain(DHL.key);
    const res = await server.app.inject({
      method: 'GET',
      url: `/v1/warehouses/${warehouseCode}/carriers`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(DHL.key);
    const byCarrier = Object.fromEntries(
      (res.json().carriers as { carrier: string; status: string }[]).map((c) => [
        c.carrier,
        c.status,
      ]),
    );
    expect(byCarrier).toMatchObject({
      'dhl-parcel': 'configured',
      dpd: 'fallback-to-own',
      postnl: 'missing',
      ups: 'missing',
      bpost: 'missing',
      fedex: 'no-adapter',
    });
    expect(byCarrier.own).toBeUndefined();
  });

  it('gives the station of the warehouse its opened credentials over its token, and nobody else', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/v1/stations/carriers',
      headers: bearer(station.token),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const carriers = res.json().carriers as {
      carrier: string;
      credentials: unknown;
      fallbackToOwn: boolean;
    }[];
    expect(carriers.find((c) => c.carrier === 'dhl-parcel')).toEqual({
      carrier: 'dhl-parcel',
      credentials: { ...DHL, baseUrl: 'https://api-gw.dhlparcel.nl', timeoutMs: 8000 },
      fallbackToOwn: false,
    });
    expect(carriers.find((c) => c.carrier === 'dpd')).toEqual({
      carrier: 'dpd',
      credentials: null,
      fallbackToOwn: true,
    });
    expect(
      (
        await server.app.inject({
          method: 'GET',
          url: '/v1/stations/carriers',
          headers: bearer(ADMIN_TOKEN),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('lets an admin set credentials, audited without secrets; a lead only reads their own warehouse', async () => {
    const admin = await sessionFor(
      server.db,
      (await makePerson(server.db, { roles: ['admin'] })).id,
    );
    const lead = await sessionFor(
      server.db,
      (await makePerson(server.db, { roles: ['warehouse_lead'], leadWarehouses: ['NL-TIL'] })).id,
    );
    const service = await sessionFor(
      server.db,
      (await makePerson(server.db, { roles: ['customer_service'] })).id,
    );
    const ups = {
      clientId: 'ups-client-0001',
      clientSecret: 'ups-client-secret-0001',
      shipperNumber: 'A1B2C3',
    };
    expect((await put('ups', { credentials: ups }, lead.headers)).statusCode).toBe(403);
    expect((await put('ups', { credentials: ups }, service.headers)).statusCode).toBe(403);
    expect(
      (await put('ups', { credentials: ups, fallbackToOwn: true }, admin.headers)).statusCode,
    ).toBe(204);

    const entries = await server.db
      .selectFrom('audit_log')
      .selectAll()
      .where('object_type', '=', 'carrier_credentials')
      .where('object_id', '=', 'NL-TIL/ups')
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor_type: 'user',
      action: 'set',
      before: null,
      after: { credentialsSet: true, fallbackToOwn: true },
    });
    expect(JSON.stringify(entries[0])).not.toContain(ups.clientSecret);

    // Changing only the fallback keeps the stored credentials; null removes them.
    const sealedUps = () =>
      server.db
        .selectFrom('carrier_credentials')
        .select('sealed')
        .where('warehouse_code', '=', 'NL-TIL')
        .where('carrier', '=', 'ups')
        .executeTakeFirstOrThrow();
    const before = (await sealedUps()).sealed;
    expect((await put('ups', { fallbackToOwn: false }, admin.headers)).statusCode).toBe(204);
    expect((await sealedUps()).sealed).toBe(before);
    expect((await put('ups', { credentials: null }, admin.headers)).statusCode).toBe(204);
    expect((await sealedUps()).sealed).toBeNull();

    const read = (code: string, headers: Record<string, string>) =>
      server.app.inject({ method: 'GET', url: `/v1/warehouses/${code}/carriers`, headers });
    expect((await read('NL-TIL', lead.headers)).statusCode).toBe(200);
    expect((await read('BE-GNT', lead.headers)).statusCode).toBe(403);
    expect((await read('NL-TIL', service.headers)).statusCode).toBe(403);
    expect((await read('NL-TIL', bearer(station.token))).statusCode).toBe(403);
  });
});

describe('sealing', () => {
  const secrets = CarrierSecrets.fromSetting(Buffer.alloc(32, 7).toString('base64'), 'x');
  it('opens what it sealed, and refuses another row, a changed byte or another key', () => {
    const sealed = secrets.seal('{"key":"s3cret"}', 'TLB/dhl-parcel');
    expect(secrets.open(sealed, 'TLB/dhl-parcel')).toBe('{"key":"s3cret"}');
    expect(secrets.seal('{"key":"s3cret"}', 'TLB/dhl-parcel')).not.toBe(sealed);
    expect(() => secrets.open(sealed, 'AMS/dhl-parcel')).toThrow();
    const raw = Buffer.from(sealed, 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => secrets.open(raw.toString('base64'), 'TLB/dhl-parcel')).toThrow();
    expect(() =>
      CarrierSecrets.fromSetting('a'.repeat(64), 'x').open(sealed, 'TLB/dhl-parcel'),
    ).toThrow();
    expect(() => CarrierSecrets.fromSetting('short', 'x')).toThrow(/32 bytes/);
  });
});
