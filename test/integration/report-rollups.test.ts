// The reporting rollups on PGlite and PostgreSQL: after any sequence of orders placed (some
// backordered, some split), shipments confirmed (some short), returns taken in (with and without
// an RMA), refunds issued and released reservations archived, every rollup equals its
// recomputation from the raw tables (reservations and reservations_archive alike).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfillmentDoc } from '../../shared/sync/documents';
import { archiveReleasedReservations } from '../../src-server/inventory/reservation-archive';
import { ROLLUPS, type RollupTable } from '../../src-server/reports/rollup-table';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { recomputed, storedRollup } from '../support/report-recompute';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import {
  enrolTestStation,
  makeShipment,
  syncClient,
  type EnrolledTestStation,
} from '../support/sync-fixtures';
import { GHENT_ADDRESS, makeItem, makeReceipt, pushReceipt } from './returns-helpers';

const SKUS = ['SKU-1', 'SKU-2', 'SKU-3'];
const HOUR_MS = 3_600_000;

type Event =
  | {
      kind: 'place';
      channel: 'web' | 'market';
      toGhent: boolean;
      lines: [number, number][];
      daysAgo: number;
    }
  | { kind: 'ship'; pick: number; keep: number[]; afterHours: number }
  | { kind: 'return'; pick: number; withRma: boolean; restock: boolean }
  | { kind: 'archive' };

const eventArb: fc.Arbitrary<Event> = fc.oneof(
  fc.record({
    kind: fc.constant('place' as const),
    channel: fc.constantFrom('web' as const, 'market' as const),
    toGhent: fc.boolean(),
    lines: fc.uniqueArray(fc.tuple(fc.nat(SKUS.length - 1), fc.integer({ min: 1, max: 6 })), {
      minLength: 1,
      maxLength: 3,
      selector: ([sku]) => sku,
    }),
    daysAgo: fc.integer({ min: 0, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('ship' as const),
    pick: fc.nat(),
    keep: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }),
    afterHours: fc.integer({ min: 0, max: 120 }),
  }),
  fc.record({
    kind: fc.constant('return' as const),
    pick: fc.nat(),
    withRma: fc.boolean(),
    restock: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('archive' as const) }),
);

/** Every released reservation, however recent, goes to the archive. */
const ARCHIVE_ALL = { releasedBeforeMs: -60_000, step: 50 };

describe.each(BACKENDS)('reporting rollups on %s', (backend) => {
  let server: TestServer;
  let stations: Record<string, EnrolledTestStation>;
  const open: { doc: FulfillmentDoc; placedAt: number }[] = [];
  const shipped: { doc: FulfillmentDoc; orderId: string; lines: Map<string, number> }[] = [];

  beforeAll(async () => {
    server = await startTestServer(backend, 'report_rollups');
    await seedChannels(server.db);
    // Little stock, so some orders split over warehouses and some are backordered.
    await seedCatalog(
      server.db,
      Object.fromEntries(SKUS.map((sku, i) => [sku, { 'NL-TIL': 6 + 4 * i, 'BE-GNT': 4 + 2 * i }])),
    );
    stations = {
      'NL-TIL': await enrolTestStation(server.app, 'NL-TIL'),
      'BE-GNT': await enrolTestStation(server.app, 'BE-GNT'),
    };
  });
  afterAll(() => server.close());

  const checkpoints = new Map<string, string>();
  const pulled: FulfillmentDoc[] = [];

  /** The fulfillment documents of an order, pulled from where each station's last pull ended. */
  async function newFulfillments(orderId: string) {
    for (const station of Object.values(stations)) {
      for (let page = 0; page < 100; page++) {
        const res = await server.app.inject({
          method: 'GET',
          url: `/v1/sync/fulfillments/pull?limit=100${checkpoints.get(station.stationId) ?? ''}`,
          headers: bearer(station.token),
        });
        const body = res.json();
        if (body.documents.length === 0) break;
        pulled.push(...(body.documents as FulfillmentDoc[]));
        checkpoints.set(
          station.stationId,
          `&updatedAt=${body.checkpoint.updatedAt}&id=${body.checkpoint.id}`,
        );
      }
    }
    const mine = pulled.filter((d) => d.orderId === orderId);
    return mine.filter((d, i) => mine.findIndex((o) => o.id === d.id) === i);
  }

  async function apply(event: Event) {
    if (event.kind === 'archive') {
      await archiveReleasedReservations(server.db, ARCHIVE_ALL);
      return;
    }
    if (event.kind === 'place') {
      const placedAt = Date.now() - event.daysAgo * 24 * HOUR_MS - 5 * HOUR_MS;
      const res = await server.app.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...bearer(CHANNEL_KEYS[event.channel]), 'idempotency-key': randomUUID() },
        payload: makeOrder({
          skus: Object.fromEntries(event.lines.map(([i, q]) => [SKUS[i]!, q])),
          placedAt: new Date(placedAt).toISOString(),
          shippingChargedMinor: 495,
          ...(event.toGhent ? { shipTo: GHENT_ADDRESS } : {}),
        }),
      });
      expect(res.statusCode, res.body).toBe(201);
      for (const doc of await newFulfillments(res.json().orderId)) open.push({ doc, placedAt });
      return;
    }
    if (event.kind === 'ship') {
      if (open.length === 0) return;
      const [{ doc, placedAt }] = open.splice(event.pick % open.length, 1) as [(typeof open)[0]];
      const station = stations[doc.warehouseCode]!;
      const base = makeShipment(station, doc, {
        confirmedAt: new Date(
          Math.min(Date.now(), placedAt + event.afterHours * HOUR_MS),
        ).toISOString(),
      });
      // Short picks: some lines ship fewer units, at least one unit ships.
      const items = base.cartons[0]!.items.map((item, i) => ({
        ...item,
        quantity: Math.min(item.quantity, event.keep[i] ?? item.quantity),
      }));
      if (items.every((i) => i.quantity === 0)) items[0]!.quantity = 1;
      const cartons = [{ ...base.cartons[0]!, items: items.filter((i) => i.quantity > 0) }];
      const pushed = await syncClient(server.app, station).push('shipments', [
        { newDocumentState: { ...base, cartons, _deleted: false } },
      ]);
      expect(pushed.json()[0]?.status, pushed.body).toBe('accepted');
      shipped.push({
        doc,
        orderId: doc.orderId,
        lines: new Map(cartons[0]!.items.map((i) => [i.sku, i.quantity])),
      });
      return;
    }
    if (shipped.length === 0) return;
    const [parcel] = shipped.splice(event.pick % shipped.length, 1) as [(typeof shipped)[0]];
    const station = stations[parcel.doc.warehouseCode]!;
    const [sku, quantity] = [...parcel.lines.entries()][0]!;
    const item = makeItem(sku, {
      quantity,
      ...(event.restock
        ? { disposition: 'restock', binCode: 'A-01' }
        : { disposition: 'scrap', binCode: null, grade: 'C' }),
    });
    let rmaId: string | null = null;
    // A line shipped from two warehouses needs one RMA per warehouse: taken in without one here.
    const split =
      pulled.filter((d) => d.orderId === parcel.orderId && d.lines.some((l) => l.sku === sku))
        .length > 1;
    if (event.withRma && !split) {
      const view = await server.app.inject({
        method: 'GET',
        url: `/v1/orders/${parcel.orderId}`,
        headers: bearer(ADMIN_TOKEN),
      });
      const line = (view.json().lines as { id: string; sku: string }[]).find((l) => l.sku === sku)!;
      const rma = await server.app.inject({
        method: 'POST',
        url: '/v1/rmas',
        headers: bearer(ADMIN_TOKEN),
        payload: {
          orderId: parcel.orderId,
          lines: [{ orderLineId: line.id, quantity }],
          reason: 'damaged',
          refundMethod: 'store_credit',
        },
      });
      expect(rma.statusCode, rma.body).toBe(201);
      rmaId = rma.json().id;
    }
    const receipt = makeReceipt(station, rmaId, [{ ...item, match: rmaId ? 'expected' : 'extra' }]);
    const pushed = await pushReceipt(server.app, station, receipt);
    expect(pushed.json()[0]?.status, pushed.body).toBe('accepted');
  }

  it('recomputes the same rollups after shipped reservations moved to the archive', async () => {
    // Runs before the property test, which may leave no stock of any SKU to place this with.
    await apply({ kind: 'place', channel: 'web', toGhent: false, lines: [[0, 1]], daysAgo: 1 });
    expect(open.length, 'the order was released to a warehouse').toBeGreaterThan(0);
    while (open.length > 0) await apply({ kind: 'ship', pick: 0, keep: [6, 6, 6], afterHours: 2 });
    expect(await archiveReleasedReservations(server.db, ARCHIVE_ALL)).toBeGreaterThan(0);
    const live = await server.db
      .selectFrom('reservations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('released_at', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(live.n)).toBe(0);
    const expected = await recomputed(server.db);
    for (const table of Object.keys(ROLLUPS) as RollupTable[]) {
      expect(await storedRollup(server.db, table), table).toEqual(expected[table]);
    }
    expect(expected.report_sales_daily.length).toBeGreaterThan(0);
  }, 60_000);

  it('keeps every rollup equal to its recomputation from the raw tables', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { minLength: 1, maxLength: 10 }), async (events) => {
        for (const event of events) await apply(event);
        const expected = await recomputed(server.db);
        for (const table of Object.keys(ROLLUPS) as RollupTable[]) {
          expect(await storedRollup(server.db, table), table).toEqual(expected[table]);
        }
      }),
      { numRuns: 12 },
    );
    // The property held over real activity, not empty tables.
    const expected = await recomputed(server.db);
    expect(expected.report_sales_daily.length).toBeGreaterThan(0);
    expect(expected.report_fulfilment_daily.length).toBeGreaterThan(0);
  }, 180_000);
});
