// Work a station holds: released after the timeout without progress (derived from the database,
// so any instance, after any restart, agrees), by a lead through the API, or by the station
// itself; the fulfillment returns to every station's queue and the holding station is told.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfillmentDoc, WorkDoc } from '../../shared/sync/documents';
import { openDatabase } from '../../src-server/db/connect';
import { releaseTimedOutWork, startWorkHoldSweeper } from '../../src-server/sync/held-work';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import {
  enrolTestStation,
  makeWork,
  syncClient,
  type EnrolledTestStation,
} from '../support/sync-fixtures';

const TIMEOUT = { timeoutMinutes: 30, sweepIntervalMs: 60_000 };

describe.each(BACKENDS)('held work on %s', (backend) => {
  let server: TestServer;
  let tilburg: EnrolledTestStation;
  let tilburg2: EnrolledTestStation;

  beforeAll(async () => {
    server = await startTestServer(backend, 'held_work');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 100 } });
    tilburg = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 1');
    tilburg2 = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 2');
  });
  afterAll(() => server.close());

  async function releasedFulfillment(): Promise<FulfillmentDoc> {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': `held-${Math.random()}` },
      payload: makeOrder({ skus: { 'SKU-1': 2 } }),
    });
    expect(res.statusCode).toBe(201);
    const docs = (await syncClient(server.app, tilburg).pullAll(
      'fulfillments',
    )) as unknown as FulfillmentDoc[];
    return docs.find((d) => d.orderId === res.json().orderId)!;
  }

  /** The station starts picking: one unit of the first line picked, pushed as progress. */
  async function startPicking(station: EnrolledTestStation, fulfillment: FulfillmentDoc) {
    const work = makeWork(station, fulfillment, { picked: { [fulfillment.lines[0]!.lineId]: 1 } });
    const res = await syncClient(server.app, station).push('work', [
      { newDocumentState: { ...work, _deleted: false } },
    ]);
    expect(res.json()).toEqual([]);
    return work;
  }

  async function statusOf(fulfillmentId: string) {
    const row = await server.db
      .selectFrom('fulfillment_orders')
      .select('status')
      .where('id', '=', fulfillmentId)
      .executeTakeFirstOrThrow();
    return row.status;
  }

  async function workDocOf(station: EnrolledTestStation, fulfillmentId: string) {
    const docs = (await syncClient(server.app, station).pullAll('work')) as unknown as WorkDoc[];
    return docs.find((d) => d.fulfillmentId === fulfillmentId);
  }

  /** Moves a hold's last progress into the past: the clock is the database's, so no waiting. */
  async function noProgressFor(fulfillmentId: string, minutes: number) {
    await server.db
      .updateTable('work_holds')
      .set({ last_progress_at: sql<Date>`now() - make_interval(mins => ${minutes})` })
      .where('fulfillment_id', '=', fulfillmentId)
      .execute();
  }

  async function releaseEvents(orderId: string) {
    return server.db
      .selectFrom('order_events')
      .select(['detail', 'actor'])
      .where('order_id', '=', orderId)
      .where('type', '=', 'work_released')
      .execute();
  }

  const heldList = async () =>
    (
      await server.app.inject({
        method: 'GET',
        url: '/v1/warehouses/NL-TIL/held-work',
        headers: bearer(ADMIN_TOKEN),
      })
    ).json();

  it('releases work after the timeout without progress: back to every queue, and the station learns', async () => {
    const fulfillment = await releasedFulfillment();
    await startPicking(tilburg, fulfillment);
    expect(await statusOf(fulfillment.id)).toBe('picking');
    await noProgressFor(fulfillment.id, 29);
    expect(await releaseTimedOutWork(server.db, TIMEOUT)).toBe(0);
    expect(await statusOf(fulfillment.id)).toBe('picking');

    await noProgressFor(fulfillment.id, 31);
    expect(await releaseTimedOutWork(server.db, TIMEOUT)).toBe(1);
    expect(await statusOf(fulfillment.id)).toBe('released');
    // Another station sees it released (no longer "in progress"); the holder's work says why.
    const seen = (await syncClient(server.app, tilburg2).pullAll(
      'fulfillments',
    )) as unknown as FulfillmentDoc[];
    expect(seen.find((d) => d.id === fulfillment.id)?.status).toBe('released');
    const work = await workDocOf(tilburg, fulfillment.id);
    expect(work?.release).toEqual({ by: 'timeout', at: expect.any(String), note: null });
    expect(work?.picked).toEqual({ [fulfillment.lines[0]!.lineId]: 1 });
    expect(
      (await heldList()).heldWork.map((h: { fulfillmentId: string }) => h.fulfillmentId),
    ).not.toContain(fulfillment.id);
    expect(await releaseTimedOutWork(server.db, TIMEOUT)).toBe(0);
    expect(await releaseEvents(fulfillment.orderId)).toEqual([
      {
        actor: 'system:work-hold-timeout',
        detail: expect.objectContaining({ by: 'timeout', stationId: tilburg.stationId }),
      },
    ]);
  });

  it('keeps work that makes progress again before the sweep, whatever the sweep saw first', async () => {
    const fulfillment = await releasedFulfillment();
    const work = await startPicking(tilburg, fulfillment);
    await noProgressFor(fulfillment.id, 45);
    const client = syncClient(server.app, tilburg);
    const master = { ...work, updatedAt: 0, _deleted: false };
    const more = { ...work, picked: { [fulfillment.lines[0]!.lineId]: 2 } };
    expect(
      (
        await client.push('work', [
          { assumedMasterState: master, newDocumentState: { ...more, _deleted: false } },
        ])
      ).json(),
    ).toEqual([]);
    expect(await releaseTimedOutWork(server.db, TIMEOUT)).toBe(0);
    expect(await statusOf(fulfillment.id)).toBe('picking');
  });

  it('releases a timed-out hold once when several instances sweep at the same moment', async () => {
    const fulfillment = await releasedFulfillment();
    await startPicking(tilburg, fulfillment);
    await noProgressFor(fulfillment.id, 60);
    // A second instance: its own connection pool on PostgreSQL (PGlite serves one process).
    const other = server.databaseUrl
      ? await openDatabase({ databaseUrl: server.databaseUrl, maxConnections: 4 })
      : null;
    try {
      const counts = await Promise.all([
        releaseTimedOutWork(server.db, TIMEOUT),
        releaseTimedOutWork(other?.db ?? server.db, TIMEOUT),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    } finally {
      await other?.close();
    }
    expect(await releaseEvents(fulfillment.orderId)).toHaveLength(1);
    expect(await statusOf(fulfillment.id)).toBe('released');
  });

  it('runs the sweep on its own on every instance', async () => {
    const fulfillment = await releasedFulfillment();
    await startPicking(tilburg, fulfillment);
    await noProgressFor(fulfillment.id, 31);
    const stop = startWorkHoldSweeper(server.db, { ...TIMEOUT, sweepIntervalMs: 20 }, () => {});
    try {
      await expect.poll(() => statusOf(fulfillment.id), { timeout: 5000 }).toBe('released');
    } finally {
      await stop();
    }
  });

  it('lets a lead see who holds what and release it, with a note for the packer', async () => {
    const fulfillment = await releasedFulfillment();
    await startPicking(tilburg, fulfillment);
    const listed = await heldList();
    expect(listed.timeoutMinutes).toBe(30);
    expect(listed.heldWork).toContainEqual(
      expect.objectContaining({
        fulfillmentId: fulfillment.id,
        orderNumber: fulfillment.orderNumber,
        stationName: 'Tilburg 1',
        stage: 'picking',
        timedOut: false,
      }),
    );
    const held = listed.heldWork.find(
      (h: { fulfillmentId: string }) => h.fulfillmentId === fulfillment.id,
    );
    expect(Date.parse(held.releasesAt) - Date.parse(held.lastProgressAt)).toBe(30 * 60_000);

    const url = `/v1/warehouses/NL-TIL/held-work/${fulfillment.id}/release`;
    const released = await server.app.inject({
      method: 'POST',
      url,
      headers: bearer(ADMIN_TOKEN),
      payload: { note: 'Noor takes this one' },
    });
    expect(released.statusCode).toBe(200);
    expect(released.json().released).toEqual([
      expect.objectContaining({ fulfillmentId: fulfillment.id, stationId: tilburg.stationId }),
    ]);
    expect(await statusOf(fulfillment.id)).toBe('released');
    expect((await workDocOf(tilburg, fulfillment.id))?.release).toEqual({
      by: 'lead',
      at: expect.any(String),
      note: 'Noor takes this one',
    });
    const again = await server.app.inject({ method: 'POST', url, headers: bearer(ADMIN_TOKEN) });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'not_held', field: 'fulfillmentId' });
  });

  it('refuses a release that names no fulfillment id, a bad station id or an unknown warehouse', async () => {
    const post = (url: string, payload?: Record<string, unknown>) =>
      server.app.inject({ method: 'POST', url, headers: bearer(ADMIN_TOKEN), payload });
    const notUuid = await post('/v1/warehouses/NL-TIL/held-work/F-1001/release');
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().field).toContain('fulfillmentId');
    const fulfillment = await releasedFulfillment();
    const badStation = await post(`/v1/warehouses/NL-TIL/held-work/${fulfillment.id}/release`, {
      stationId: 'station-1',
    });
    expect(badStation.statusCode).toBe(400);
    expect(badStation.json().field).toContain('stationId');
    expect(
      (await post(`/v1/warehouses/XX-NONE/held-work/${fulfillment.id}/release`)).statusCode,
    ).toBe(404);
  });

  it('keeps a fulfillment in progress while another station still holds it', async () => {
    const fulfillment = await releasedFulfillment();
    await startPicking(tilburg, fulfillment);
    await startPicking(tilburg2, fulfillment);
    const res = await server.app.inject({
      method: 'POST',
      url: `/v1/warehouses/NL-TIL/held-work/${fulfillment.id}/release`,
      headers: bearer(ADMIN_TOKEN),
      payload: { stationId: tilburg.stationId },
    });
    expect(res.json().released).toHaveLength(1);
    expect(await statusOf(fulfillment.id)).toBe('picking');
    expect((await workDocOf(tilburg2, fulfillment.id))?.release ?? null).toBeNull();
  });

  it('gives work back when the station releases it itself (its packer signed out)', async () => {
    const fulfillment = await releasedFulfillment();
    const work = await startPicking(tilburg, fulfillment);
    const release = { by: 'station' as const, at: new Date().toISOString(), note: null };
    const res = await syncClient(server.app, tilburg).push('work', [
      {
        assumedMasterState: { ...work, _deleted: false },
        newDocumentState: { ...work, release, _deleted: false },
      },
    ]);
    expect(res.json()).toEqual([]);
    expect(await statusOf(fulfillment.id)).toBe('released');
    expect(
      (await heldList()).heldWork.map((h: { fulfillmentId: string }) => h.fulfillmentId),
    ).not.toContain(fulfillment.id);
  });

  it('answers a station that kept picking unaware of the release with the release, holding nothing', async () => {
    const fulfillment = await releasedFulfillment();
    const work = await startPicking(tilburg, fulfillment);
    await server.app.inject({
      method: 'POST',
      url: `/v1/warehouses/NL-TIL/held-work/${fulfillment.id}/release`,
      headers: bearer(ADMIN_TOKEN),
    });
    // Pushed on top of what it last knew (before the release): a conflict carrying the release.
    const more = { ...work, picked: { [fulfillment.lines[0]!.lineId]: 2 }, _deleted: false };
    const conflicts = (
      await syncClient(server.app, tilburg).push('work', [
        { assumedMasterState: { ...work, _deleted: false }, newDocumentState: more },
      ])
    ).json();
    expect(conflicts).toEqual([
      expect.objectContaining({ release: expect.objectContaining({ by: 'lead' }) }),
    ]);
    expect(await statusOf(fulfillment.id)).toBe('released');
    // Taking the order again, on top of the released version, holds it again.
    const again = (
      await syncClient(server.app, tilburg).push('work', [
        { assumedMasterState: conflicts[0], newDocumentState: { ...more, release: null } },
      ])
    ).json();
    expect(again).toEqual([]);
    expect(await statusOf(fulfillment.id)).toBe('picking');
  });
});
