// An order cancelled while a station packs it: the station puts the items back and voids the
// cartons (label and SSCC). The central OMS records the voided SSCCs and never accepts one again,
// nor an SSCC that already shipped or appears twice in one shipment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfillmentDoc, ShipmentDoc } from '../../shared/sync/documents';
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
  makeShipment,
  makeWork,
  syncClient,
  type EnrolledTestStation,
} from '../support/sync-fixtures';

describe.each(BACKENDS)('voided cartons on %s', (backend) => {
  let server: TestServer;
  let tilburg: EnrolledTestStation;

  beforeAll(async () => {
    server = await startTestServer(backend, 'sscc_void');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 100 } });
    tilburg = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 1');
  });
  afterAll(() => server.close());

  async function placed(): Promise<FulfillmentDoc> {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': `void-${Math.random()}` },
      payload: makeOrder({ skus: { 'SKU-1': 1 } }),
    });
    expect(res.statusCode).toBe(201);
    const docs = (await syncClient(server.app, tilburg).pullAll(
      'fulfillments',
    )) as unknown as FulfillmentDoc[];
    return docs.find((d) => d.orderId === res.json().orderId)!;
  }

  const cancel = (orderId: string) =>
    server.app.inject({
      method: 'POST',
      url: `/v1/orders/${orderId}/cancel`,
      headers: bearer(ADMIN_TOKEN),
      payload: { reason: 'customer called' },
    });

  const push = (rows: { assumedMasterState?: unknown; newDocumentState: unknown }[]) =>
    syncClient(server.app, tilburg).push('shipments', rows);

  const voided = (shipment: ShipmentDoc): ShipmentDoc => ({
    ...shipment,
    status: 'voided',
    cartons: shipment.cartons.map((c) => ({ ...c, labelState: 'voided' })),
  });

  async function voidedSsccs() {
    return (
      await server.db.selectFrom('voided_ssccs').select(['sscc', 'station_id']).execute()
    ).map((r) => ({ sscc: r.sscc.trim(), stationId: r.station_id }));
  }

  async function onHand() {
    const row = await server.db
      .selectFrom('stock')
      .select((eb) => eb.fn.sum<string>('on_hand').as('n'))
      .where('sku', '=', 'SKU-1')
      .where('warehouse_code', '=', 'NL-TIL')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('records the SSCC of a carton voided when the order was cancelled mid-packing, and never takes it again', async () => {
    const fulfillment = await placed();
    const client = syncClient(server.app, tilburg);
    const work = makeWork(tilburg, fulfillment, {
      stage: 'packing',
      picked: { [fulfillment.lines[0]!.lineId]: 1 },
    });
    await client.push('work', [{ newDocumentState: { ...work, _deleted: false } }]);
    const open = makeShipment(tilburg, fulfillment, { status: 'open', confirmedAt: null });
    expect((await push([{ newDocumentState: { ...open, _deleted: false } }])).json()).toEqual([]);
    expect((await cancel(fulfillment.orderId)).statusCode).toBe(200);

    // The put-back: the cartons are voided and the packer confirms the items are back.
    const set = voided(open);
    const res = await push([
      {
        assumedMasterState: { ...open, _deleted: false },
        newDocumentState: { ...set, _deleted: false },
      },
    ]);
    expect(res.json()).toEqual([]);
    const putBack = { ...work, putBackAt: new Date().toISOString() };
    expect(
      (
        await client.push('work', [
          {
            assumedMasterState: { ...work, _deleted: false },
            newDocumentState: { ...putBack, _deleted: false },
          },
        ])
      ).json(),
    ).toEqual([]);
    const sscc = open.cartons[0]!.sscc;
    expect(await voidedSsccs()).toContainEqual({ sscc, stationId: tilburg.stationId });

    // The same SSCC on another order's shipment is refused, with its code; no stock moves.
    const other = await placed();
    const before = await onHand();
    const reuse = makeShipment(tilburg, other, {
      cartons: [{ ...open.cartons[0]!, id: 'carton-again' }].map((c) => ({
        ...c,
        items: other.lines.map((l) => ({ ...c.items[0]!, lineId: l.lineId, sku: l.sku })),
      })),
    });
    const [verdict] = (await push([{ newDocumentState: { ...reuse, _deleted: false } }])).json();
    expect(verdict).toMatchObject({
      status: 'refused',
      refusalReason: expect.stringContaining(sscc),
      refusal: { code: 'sscc_reused', params: { sscc } },
    });
    expect(await onHand()).toBe(before);
  });

  it('records the voided labels of a shipment refused because the order was cancelled, keeping the verdict', async () => {
    const fulfillment = await placed();
    expect((await cancel(fulfillment.orderId)).statusCode).toBe(200);
    const confirmed = makeShipment(tilburg, fulfillment);
    const [refused] = (
      await push([{ newDocumentState: { ...confirmed, _deleted: false } }])
    ).json();
    expect(refused).toMatchObject({
      status: 'refused',
      refusal: { code: 'fulfillment_cancelled', params: {} },
    });
    const labelsVoided = {
      ...refused,
      cartons: confirmed.cartons.map((c) => ({ ...c, labelState: 'voided' })),
    };
    expect(
      (await push([{ assumedMasterState: refused, newDocumentState: labelsVoided }])).json(),
    ).toEqual([]);
    expect((await voidedSsccs()).map((v) => v.sscc)).toContain(confirmed.cartons[0]!.sscc);
    const stored = await server.db
      .selectFrom('shipments')
      .select('status')
      .where('id', '=', confirmed.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('refused');
  });

  it('refuses an SSCC that already shipped or appears on two cartons, as a 200 verdict, not an error', async () => {
    const first = await placed();
    const shipped = makeShipment(tilburg, first);
    const [accepted] = (await push([{ newDocumentState: { ...shipped, _deleted: false } }])).json();
    expect(accepted.status).toBe('accepted');

    const second = await placed();
    const again = makeShipment(tilburg, second, {
      cartons: makeShipment(tilburg, second).cartons.map((c) => ({
        ...c,
        sscc: shipped.cartons[0]!.sscc,
      })),
    });
    const res = await push([{ newDocumentState: { ...again, _deleted: false } }]);
    expect(res.statusCode).toBe(200);
    expect(res.json()[0]).toMatchObject({ status: 'refused', refusal: { code: 'sscc_reused' } });

    const twice = makeShipment(tilburg, second);
    const carton = twice.cartons[0]!;
    const doubled = {
      ...twice,
      cartons: [
        { ...carton, items: [{ ...carton.items[0]!, quantity: 0 }] },
        { ...carton, id: 'second-carton' },
      ],
    };
    const [verdict] = (await push([{ newDocumentState: { ...doubled, _deleted: false } }])).json();
    expect(verdict).toMatchObject({
      status: 'refused',
      refusal: { code: 'sscc_twice', params: { sscc: carton.sscc } },
    });
  });

  it('does not record a shipped carton as voided when a station voids an accepted shipment', async () => {
    const fulfillment = await placed();
    const shipment = makeShipment(tilburg, fulfillment);
    const [accepted] = (
      await push([{ newDocumentState: { ...shipment, _deleted: false } }])
    ).json();
    const [kept] = (
      await push([{ assumedMasterState: accepted, newDocumentState: voided(accepted) }])
    ).json();
    expect(kept.status).toBe('accepted');
    expect((await voidedSsccs()).map((v) => v.sscc)).not.toContain(shipment.cartons[0]!.sscc);
  });
});
