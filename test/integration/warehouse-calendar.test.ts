// A warehouse's working calendar: admins set its time zone, cut-off and holiday region (validated,
// 400s that name the field, audited); intake dates each fulfillment's ship-by day from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shipDateFor } from '../../src-server/shipping/warehouse-calendar';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { makePerson, sessionFor } from '../support/people-fixtures';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';

describe.each(BACKENDS)('warehouse calendars on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, 'warehouse_calendar');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 50 }, 'SKU-2': { 'DE-KSL': 50 } });
  });
  afterAll(() => server.close());

  const put = (
    code: string,
    payload: object,
    headers: Record<string, string> = bearer(ADMIN_TOKEN),
  ) =>
    server.app.inject({ method: 'PUT', url: `/v1/warehouses/${code}/calendar`, headers, payload });

  it('refuses what is not a calendar, naming the field, and changes nothing', async () => {
    const cases: [object, string][] = [
      [{ timeZone: 'Europe/Tilburg', cutoffTime: '17:00' }, 'timeZone'],
      [{ timeZone: 'Europe/Berlin', cutoffTime: '24:00' }, 'cutoffTime'],
      [{ timeZone: 'Europe/Berlin', cutoffTime: '5pm' }, 'cutoffTime'],
      [{ timeZone: 'Europe/Berlin', cutoffTime: '17:00', holidayRegion: 'XX' }, 'holidayRegion'],
      [{ timeZone: 'Europe/Berlin', cutoffTime: '17:00', colour: 'red' }, ''],
    ];
    for (const [payload, field] of cases) {
      const res = await put('DE-KSL', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      if (field) expect(res.json().message).toContain(field);
    }
    expect((await put('NOPE', { timeZone: 'Europe/Berlin', cutoffTime: '17:00' })).statusCode).toBe(
      404,
    );
    const row = await server.db
      .selectFrom('warehouses')
      .select(['time_zone', 'cutoff_time', 'holiday_region'])
      .where('code', '=', 'DE-KSL')
      .executeTakeFirstOrThrow();
    // Seeded without a zone: the migration's default, never one of the refused values.
    expect(row).toEqual({
      time_zone: 'Europe/Amsterdam',
      cutoff_time: '17:00',
      holiday_region: null,
    });
  });

  it('lets only admins set it, audits the change, and shows what it means now', async () => {
    const lead = await makePerson(server.db, {
      roles: ['warehouse_lead'],
      leadWarehouses: ['DE-KSL'],
    });
    const session = await sessionFor(server.db, lead.id);
    const body = { timeZone: 'Europe/Berlin', cutoffTime: '15:30', holidayRegion: 'BY' };
    expect((await put('DE-KSL', body, session.headers)).statusCode).toBe(403);

    const res = await put('DE-KSL', body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'DE-KSL',
      country: 'DE',
      ...body,
      shipDateNow: shipDateFor({ ...body, country: 'DE' }, new Date()),
    });
    expect(res.json().holidayRegions).toHaveProperty('BY', 'Bayern');
    const audit = await server.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('object_type', '=', 'warehouse')
      .where('object_id', '=', 'DE-KSL')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'set_calendar',
      before: { cutoff_time: '17:00', holiday_region: null },
      after: { cutoff_time: '15:30', holiday_region: 'BY', time_zone: 'Europe/Berlin' },
    });

    // The lead reads their own warehouse's calendar, in German, with its next holidays.
    const read = await server.app.inject({
      method: 'GET',
      url: '/v1/warehouses/DE-KSL/calendar?language=de',
      headers: session.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().upcomingHolidays.length).toBeGreaterThan(0);
    expect(read.json().localNow).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    const other = await server.app.inject({
      method: 'GET',
      url: '/v1/warehouses/NL-TIL/calendar',
      headers: session.headers,
    });
    expect(other.statusCode).toBe(403);
  });

  it("dates each fulfillment's ship-by day from its own warehouse's cut-off", async () => {
    // 00:00 means every release is after the cut-off: work leaves the next business day.
    expect(
      (await put('NL-TIL', { timeZone: 'Europe/Amsterdam', cutoffTime: '00:00' })).statusCode,
    ).toBe(200);
    expect(
      (await put('DE-KSL', { timeZone: 'Pacific/Kiritimati', cutoffTime: '23:59' })).statusCode,
    ).toBe(200);
    // Sourcing remembers warehouses for a few seconds.
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    const nl = {
      timeZone: 'Europe/Amsterdam',
      cutoffTime: '00:00',
      country: 'NL',
      holidayRegion: null,
    };
    const de = {
      timeZone: 'Pacific/Kiritimati',
      cutoffTime: '23:59',
      country: 'DE',
      holidayRegion: null,
    };
    const before = new Date();
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': 'calendar-1' },
      payload: makeOrder({ skus: { 'SKU-1': 1, 'SKU-2': 1 } }),
    });
    const after = new Date();
    expect(res.statusCode).toBe(201);
    const rows = await server.db
      .selectFrom('fulfillment_orders')
      .select(['warehouse_code', 'ship_by'])
      .where('order_id', '=', res.json().orderId)
      .orderBy('warehouse_code')
      .execute();
    const day = (value: unknown) =>
      value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    expect(rows.map((r) => r.warehouse_code)).toEqual(['DE-KSL', 'NL-TIL']);
    expect([shipDateFor(de, before), shipDateFor(de, after)]).toContain(day(rows[0]!.ship_by));
    expect([shipDateFor(nl, before), shipDateFor(nl, after)]).toContain(day(rows[1]!.ship_by));
    // Never today in Tilburg: its cut-off is midnight.
    const tilburgToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      after,
    );
    expect(day(rows[1]!.ship_by) > tilburgToday).toBe(true);
  });
});
