// A document one station wrote is never changed by a push from another station, of another
// warehouse or of the same one: forged and replayed shipments, work and return receipts are
// refused with nothing written anywhere, and a fulfillment ships once. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfillmentDoc, ShipmentDoc } from '../../shared/sync/documents';
import { snapshotRows, withoutRowsOf, type RowSnapshot } from '../support/db-snapshot';
import { seedCatalog, seedChannels } from '../support/oms-fixtures';
import { BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import {
  enrolTestStation,
  makeShipment,
  makeWork,
  releasedFulfillment,
  shipFulfillment,
  syncClient,
  type EnrolledTestStation,
} from '../support/sync-fixtures';
import {
  createRma,
  GHENT_ADDRESS,
  makeItem,
  makeReceipt,
  pushReceipt,
  shipOrder,
} from './returns-helpers';

type Pushed = { statusCode: number; json(): { code?: string; message?: string; field?: string } };

describe.each(BACKENDS)('ownership of station documents on %s', (backend) => {
  let server: TestServer;
  let tilburg1: EnrolledTestStation;
  let tilburg2: EnrolledTestStation;
  let ghent1: EnrolledTestStation;
  let ghent2: EnrolledTestStation;
  /** Ghent 1's accepted shipment and its fulfillment. */
  let ghentShipment: ShipmentDoc;
  let ghentFulfillment: FulfillmentDoc;
  /** Tilburg 1's accepted shipment. */
  let tilburgShipment: ShipmentDoc;

  const push = (station: EnrolledTestStation, collection: string, doc: object, assumed?: object) =>
    syncClient(server.app, station).push(collection, [
      {
        ...(assumed ? { assumedMasterState: { _deleted: false, ...assumed } } : {}),
        newDocumentState: { _deleted: false, ...doc },
      },
    ]);
  const onHand = async (sku: string, warehouse: string) =>
    (
      await server.db
        .selectFrom('stock')
        .select((eb) => eb.fn.sum<string>('on_hand').as('n'))
        .where('sku', '=', sku)
        .where('warehouse_code', '=', warehouse)
        .executeTakeFirstOrThrow()
    ).n;
  const shippedEvents = async (fulfillmentId: string) =>
    (
      await server.db
        .selectFrom('order_events')
        .select('id')
        .where('type', '=', 'shipped')
        .where((eb) => eb(eb.ref('detail', '->>').key('fulfillmentId'), '=', fulfillmentId))
        .execute()
    ).length;

  /** Refused with a 4xx that names what is wrong, and not one stored row changed. */
  async function expectRefusedUntouched(
    send: () => Promise<Pushed>,
    expected: { status: number; code: string; field?: string },
  ) {
    const before: RowSnapshot = await snapshotRows(server.db);
    const res = await send();
    expect(res.statusCode, JSON.stringify(res.json())).toBe(expected.status);
    expect(res.json()).toMatchObject({
      code: expected.code,
      message: expect.any(String),
      ...(expected.field ? { field: expected.field } : {}),
    });
    expect(await snapshotRows(server.db)).toEqual(before);
    return res;
  }

  beforeAll(async () => {
    server = await startTestServer(backend, 'ownership');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 40, 'BE-GNT': 40 },
      'SKU-2': { 'NL-TIL': 40, 'BE-GNT': 40 },
      'SKU-3': { 'NL-TIL': 1 },
    });
    tilburg1 = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 1');
    tilburg2 = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 2');
    ghent1 = await enrolTestStation(server.app, 'BE-GNT', 'Ghent 1');
    ghent2 = await enrolTestStation(server.app, 'BE-GNT', 'Ghent 2');
    ghentFulfillment = await releasedFulfillment(
      server.app,
      ghent1,
      { 'SKU-1': 1 },
      { shipTo: GHENT_ADDRESS },
    );
    ghentShipment = await shipFulfillment(server.app, ghent1, ghentFulfillment);
    tilburgShipment = await shipFulfillment(
      server.app,
      tilburg1,
      await releasedFulfillment(server.app, tilburg1, { 'SKU-2': 1 }),
    );
  });
  afterAll(() => server.close());

  it("cannot refuse another warehouse's accepted shipment by reusing its id, so its fulfillment ships once", async () => {
    const onHandBefore = await onHand('SKU-1', 'BE-GNT');
    const own = await releasedFulfillment(server.app, tilburg1, { 'SKU-1': 1 });
    // The report: a Tilburg shipment that reuses Ghent's shipment id.
    await expectRefusedUntouched(
      () => push(tilburg1, 'shipments', makeShipment(tilburg1, own, { id: ghentShipment.id })),
      { status: 409, code: 'foreign_document', field: 'id' },
    );
    await expectRefusedUntouched(
      () => push(tilburg1, 'shipments', { ...ghentShipment, stationId: tilburg1.stationId }),
      { status: 409, code: 'foreign_document', field: 'id' },
    );
    // A fresh id for Ghent's fulfillment, and Ghent's document replayed as it is.
    await expectRefusedUntouched(
      () => push(tilburg1, 'shipments', makeShipment(tilburg1, ghentFulfillment)),
      { status: 422, code: 'unknown_fulfillment', field: 'fulfillmentId' },
    );
    await expectRefusedUntouched(() => push(tilburg1, 'shipments', ghentShipment), {
      status: 403,
      code: 'foreign_station',
      field: 'stationId',
    });

    // Ghent's second station packs the same fulfillment again: refused, nothing ships twice.
    const again = await push(ghent2, 'shipments', makeShipment(ghent2, ghentFulfillment));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual([
      expect.objectContaining({
        status: 'refused',
        refusalReason: expect.stringContaining('Already shipped by station Ghent 1'),
      }),
    ]);
    expect(await shippedEvents(ghentFulfillment.id)).toBe(1);
    expect(await onHand('SKU-1', 'BE-GNT')).toBe(onHandBefore);
    const stored = await server.db
      .selectFrom('shipments')
      .select(['status', 'refusal_reason', 'station_id'])
      .where('id', '=', ghentShipment.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      status: 'accepted',
      refusal_reason: null,
      station_id: ghent1.stationId,
    });
  });

  it("never answers or changes another station's shipment of the same warehouse", async () => {
    const takeover = { ...tilburgShipment, stationId: tilburg2.stationId, updatedAt: 0 };
    await expectRefusedUntouched(() => push(tilburg2, 'shipments', takeover), {
      status: 409,
      code: 'foreign_document',
      field: 'id',
    });
    // A stale assumed master would once have been answered with the other station's document.
    const stale = await expectRefusedUntouched(
      () => push(tilburg2, 'shipments', takeover, { ...takeover, status: 'confirmed' }),
      { status: 409, code: 'foreign_document', field: 'id' },
    );
    expect(JSON.stringify(stale.json())).not.toContain(tilburgShipment.cartons[0]!.sscc);
    await expectRefusedUntouched(() => push(tilburg2, 'shipments', tilburgShipment), {
      status: 403,
      code: 'foreign_station',
      field: 'stationId',
    });
  });

  it('stores the refusal of the second station packing a fulfillment on its own document only', async () => {
    const fulfillment = await releasedFulfillment(server.app, tilburg1, { 'SKU-1': 1 });
    const first = await shipFulfillment(server.app, tilburg1, fulfillment);
    const before = await snapshotRows(server.db);
    const second = makeShipment(tilburg2, fulfillment);
    const res = await push(tilburg2, 'shipments', second);
    expect(res.json()).toEqual([
      expect.objectContaining({
        id: second.id,
        status: 'refused',
        refusalReason: expect.stringContaining(`Already shipped by station Tilburg 1`),
      }),
    ]);
    // Only rows naming the second shipment were added; the first's are byte for byte the same.
    const after = await snapshotRows(server.db);
    expect(withoutRowsOf(after, second.id)).toEqual(before);
    const verdicts = await server.db
      .selectFrom('shipments')
      .select(['id', 'status'])
      .where('fulfillment_id', '=', fulfillment.id)
      .orderBy('status')
      .execute();
    expect(verdicts).toEqual([
      { id: first.id, status: 'accepted' },
      { id: second.id, status: 'refused' },
    ]);
  });

  it("refuses work that names another station's or warehouse's work, writing nothing", async () => {
    const fulfillment = await releasedFulfillment(server.app, tilburg1, { 'SKU-2': 1 });
    const work = makeWork(tilburg1, fulfillment, { picked: { [fulfillment.lines[0]!.lineId]: 1 } });
    expect((await push(tilburg1, 'work', work)).json()).toEqual([]);

    await expectRefusedUntouched(
      () => push(tilburg2, 'work', { ...work, stationId: tilburg2.stationId, stage: 'done' }),
      { status: 400, code: 'invalid_document', field: 'id' },
    );
    await expectRefusedUntouched(() => push(tilburg2, 'work', { ...work, stage: 'done' }), {
      status: 403,
      code: 'foreign_station',
      field: 'stationId',
    });
    await expectRefusedUntouched(() => push(ghent1, 'work', makeWork(ghent1, fulfillment)), {
      status: 422,
      code: 'unknown_fulfillment',
      field: 'fulfillmentId',
    });
    const short = {
      lineId: ghentFulfillment.lines[0]!.lineId,
      sku: 'SKU-1',
      quantity: 1,
      reason: 'not_found' as const,
      note: null,
      operatorId: 'op-1',
      at: new Date().toISOString(),
    };
    await expectRefusedUntouched(() => push(tilburg1, 'work', { ...work, shorts: [short] }, work), {
      status: 422,
      code: 'unknown_line',
      field: 'shorts.0.lineId',
    });
  });

  it("refuses return receipts that reuse another station's receipt or name another warehouse's RMA", async () => {
    const ghentOrder = await shipOrder(
      server.app,
      ghent1,
      { 'SKU-2': 1 },
      { shipTo: GHENT_ADDRESS },
    );
    const rma = (await createRma(server.app, ghentOrder, { 'SKU-2': 1 })).json() as { id: string };
    const receipt = makeReceipt(ghent1, rma.id, [makeItem('SKU-2')]);
    expect((await pushReceipt(server.app, ghent1, receipt)).json()[0]).toMatchObject({
      status: 'accepted',
    });
    const items = [makeItem('SKU-2')];

    await expectRefusedUntouched(
      () =>
        pushReceipt(server.app, tilburg1, makeReceipt(tilburg1, null, items, { id: receipt.id })),
      { status: 409, code: 'foreign_document', field: 'id' },
    );
    await expectRefusedUntouched(
      () => pushReceipt(server.app, ghent2, { ...receipt, stationId: ghent2.stationId }),
      { status: 409, code: 'foreign_document', field: 'id' },
    );
    await expectRefusedUntouched(
      () => pushReceipt(server.app, tilburg1, makeReceipt(tilburg1, rma.id, items)),
      { status: 422, code: 'unknown_rma', field: 'rmaId' },
    );
    await expectRefusedUntouched(
      () => pushReceipt(server.app, tilburg1, makeReceipt(tilburg1, 'RMA-TYPO', items)),
      { status: 422, code: 'unknown_rma', field: 'rmaId' },
    );
  });

  it('refuses a reused SSCC with a reason the packer can act on, and books nothing', async () => {
    const fulfillment = await releasedFulfillment(server.app, tilburg2, { 'SKU-1': 1 });
    const onHandBefore = await onHand('SKU-1', 'NL-TIL');
    const takenSscc = tilburgShipment.cartons[0]!.sscc;
    const reused = makeShipment(tilburg2, fulfillment);
    reused.cartons[0]!.sscc = takenSscc;
    const before = await snapshotRows(server.db);
    const res = await push(tilburg2, 'shipments', reused);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({
        id: reused.id,
        status: 'refused',
        refusalReason: `SSCC ${takenSscc} is already on shipment ${tilburgShipment.id}; void this label and print a new one.`,
      }),
    ]);
    // No carton, no stock, no event: only the pusher's own refused shipment is recorded.
    expect(withoutRowsOf(await snapshotRows(server.db), reused.id)).toEqual(before);
    expect(await onHand('SKU-1', 'NL-TIL')).toBe(onHandBefore);

    const fromGhent = makeShipment(
      ghent1,
      await releasedFulfillment(server.app, ghent1, { 'SKU-1': 1 }, { shipTo: GHENT_ADDRESS }),
    );
    fromGhent.cartons[0]!.sscc = takenSscc;
    expect((await push(ghent1, 'shipments', fromGhent)).json()[0].refusalReason).toBe(
      `SSCC ${takenSscc} is already on a shipment of another warehouse; void this label and print a new one.`,
    );

    const twice = makeShipment(tilburg2, fulfillment);
    twice.cartons.push({ ...twice.cartons[0]!, id: 'second-carton', items: [] });
    expect((await push(tilburg2, 'shipments', twice)).json()[0].refusalReason).toBe(
      `SSCC ${twice.cartons[0]!.sscc} is on two cartons of this shipment; void one label and print a new one.`,
    );
    // With a fresh label the packer's shipment goes through.
    const fixed = await push(tilburg2, 'shipments', makeShipment(tilburg2, fulfillment));
    expect(fixed.json()[0]).toMatchObject({ status: 'accepted' });
    expect(await onHand('SKU-1', 'NL-TIL')).toBe(String(Number(onHandBefore) - 1));
  });

  it('answers an unparsable or out-of-range station time with 400 naming the field', async () => {
    const fulfillment = await releasedFulfillment(server.app, tilburg1, { 'SKU-2': 1 });
    for (const confirmedAt of [
      'not a date',
      '2025-13-45T00:00:00Z',
      '2025-03-01T10:00:00',
      '1970-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
    ]) {
      await expectRefusedUntouched(
        () => push(tilburg1, 'shipments', makeShipment(tilburg1, fulfillment, { confirmedAt })),
        { status: 400, code: 'invalid_document', field: 'confirmedAt' },
      );
    }
    const expiring = makeShipment(tilburg1, fulfillment);
    expiring.cartons[0]!.items[0]!.expiry = '2025-02-30';
    await expectRefusedUntouched(() => push(tilburg1, 'shipments', expiring), {
      status: 400,
      code: 'invalid_document',
      field: 'cartons.0.items.0.expiry',
    });
    const short = {
      lineId: fulfillment.lines[0]!.lineId,
      sku: 'SKU-2',
      quantity: 1,
      reason: 'not_found' as const,
      note: null,
      operatorId: 'op-1',
      at: 'yesterday',
    };
    await expectRefusedUntouched(
      () => push(tilburg1, 'work', makeWork(tilburg1, fulfillment, { shorts: [short] })),
      { status: 400, code: 'invalid_document', field: 'shorts.0.at' },
    );
    await expectRefusedUntouched(
      () =>
        pushReceipt(
          server.app,
          tilburg1,
          makeReceipt(tilburg1, null, [makeItem('SKU-2')], { receivedAt: 'soon' }),
        ),
      { status: 400, code: 'invalid_document', field: 'receivedAt' },
    );
  });

  it('refuses text PostgreSQL cannot store and an absurd weight with 400, not a 500', async () => {
    const fulfillment = await releasedFulfillment(server.app, tilburg1, { 'SKU-2': 1 });
    await expectRefusedUntouched(
      () =>
        push(
          tilburg1,
          'shipments',
          makeShipment(tilburg1, fulfillment, { operatorId: 'op\u0000' }),
        ),
      { status: 400, code: 'invalid_document', field: 'operatorId' },
    );
    await expectRefusedUntouched(
      () => push(tilburg1, 'work', makeWork(tilburg1, fulfillment, { picked: { '\ud800': 1 } })),
      { status: 400, code: 'invalid_document', field: 'picked' },
    );
    const heavy = makeShipment(tilburg1, fulfillment);
    heavy.cartons[0]!.weightGrams = 3_000_000_000;
    await expectRefusedUntouched(() => push(tilburg1, 'shipments', heavy), {
      status: 400,
      code: 'invalid_document',
      field: 'cartons.0.weightGrams',
    });
  });

  it('refuses a shipment whose stock is no longer on hand instead of failing', async () => {
    const fulfillment = await releasedFulfillment(server.app, tilburg1, { 'SKU-3': 1 });
    await server.db.updateTable('stock').set({ on_hand: 0 }).where('sku', '=', 'SKU-3').execute();
    const res = await push(tilburg1, 'shipments', makeShipment(tilburg1, fulfillment));
    expect(res.statusCode).toBe(200);
    expect(res.json()[0]).toMatchObject({
      status: 'refused',
      refusalReason: expect.stringContaining('0 × SKU-3 on hand'),
    });
    expect(await shippedEvents(fulfillment.id)).toBe(0);
  });

  it('writes none of the rows of a push when one of them is refused', async () => {
    const fulfillment = await releasedFulfillment(server.app, tilburg1, { 'SKU-2': 1 });
    const fine = makeShipment(tilburg1, fulfillment);
    const forged = makeShipment(tilburg1, fulfillment, { id: ghentShipment.id });
    await expectRefusedUntouched(
      () =>
        syncClient(server.app, tilburg1).push('shipments', [
          { newDocumentState: { ...fine, _deleted: false } },
          { newDocumentState: { ...forged, _deleted: false } },
        ]),
      { status: 409, code: 'foreign_document', field: 'id' },
    );
  });
});
