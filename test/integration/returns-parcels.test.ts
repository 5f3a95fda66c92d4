// An RMA that comes back in several parcels, on PGlite and PostgreSQL: each parcel refunded for
// what it held, exactly once; the RMA open until every authorised unit arrived, a person closed
// it or it expired; totals never above what was authorised; the stations' RMA documents count
// what the central OMS counts.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RmaDoc } from '../../shared/sync/documents';
import { expireDueRmas } from '../../src-server/returns/rma-expiry';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import { enrolTestStation, syncClient, type EnrolledTestStation } from '../support/sync-fixtures';
import { createRma, makeItem, makeReceipt, pushReceipt, shipOrder } from './returns-helpers';

const LIGHT = 'BIKE-LIGHT';
const SCARF = 'SCARF';

describe.each(BACKENDS)('an RMA in several parcels on %s', (backend) => {
  let server: TestServer;
  let tilburg: EnrolledTestStation;
  let tilburg2: EnrolledTestStation;

  beforeAll(async () => {
    server = await startTestServer(backend, 'parcels');
    await seedChannels(server.db);
    await seedCatalog(server.db, { [LIGHT]: { 'NL-TIL': 200 }, [SCARF]: { 'NL-TIL': 200 } });
    tilburg = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 1');
    tilburg2 = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 2');
  });
  afterAll(() => server.close());

  /** 2 bike lights and 1 scarf shipped, all authorised for return (10.00 each, 4.95 shipping). */
  async function lightsAndScarf(reason = 'damaged') {
    const order = await shipOrder(server.app, tilburg, { [LIGHT]: 2, [SCARF]: 1 });
    const created = await createRma(server.app, order, { [LIGHT]: 2, [SCARF]: 1 }, { reason });
    expect(created.statusCode).toBe(201);
    return { order, rma: created.json() as { id: string; code: string } };
  }
  const view = async (rmaId: string) =>
    (
      await server.app.inject({
        method: 'GET',
        url: `/v1/rmas/${rmaId}`,
        headers: bearer(ADMIN_TOKEN),
      })
    ).json();
  const received = async (rmaId: string) =>
    Object.fromEntries(
      (await view(rmaId)).lines.map((l: { sku: string; receivedQuantity: number }) => [
        l.sku,
        l.receivedQuantity,
      ]),
    );
  const refundRows = (rmaId: string) =>
    server.db
      .selectFrom('refunds')
      .select(['receipt_id', 'amount_minor', 'shipping_minor', 'idempotency_key'])
      .where('rma_id', '=', rmaId)
      .orderBy('created_at')
      .execute();
  const stationDoc = async (rmaId: string) =>
    ((await syncClient(server.app, tilburg).pullAll('rmas')) as unknown as RmaDoc[]).find(
      (d) => d.id === rmaId,
    )!;
  const parcel = (station: EnrolledTestStation, rmaId: string, skus: string[]) =>
    makeReceipt(
      station,
      rmaId,
      skus.map((sku) => makeItem(sku)),
    );
  const verdict = async (station: EnrolledTestStation, receipt: ReturnType<typeof parcel>) =>
    (await pushReceipt(server.app, station, receipt)).json()[0] as {
      status: string;
      refusalReason: string | null;
      refundMinor: number | null;
    };

  it('refunds the first parcel for what it held and keeps the RMA open for the second light', async () => {
    const { rma } = await lightsAndScarf();
    const first = parcel(tilburg, rma.id, [LIGHT, SCARF]);
    // 1 light + 1 scarf, and the shipping charge: the return is the retailer's fault.
    expect(await verdict(tilburg, first)).toMatchObject({
      status: 'accepted',
      refundMinor: 1000 + 1000 + 495,
    });
    expect((await view(rma.id)).status).toBe('partially_refunded');
    expect(await received(rma.id)).toEqual({ [LIGHT]: 1, [SCARF]: 1 });
    expect(await stationDoc(rma.id)).toMatchObject({
      status: 'partially_refunded',
      receiptIds: [first.id],
      lines: [
        { sku: LIGHT, receivedQuantity: 1 },
        { sku: SCARF, receivedQuantity: 1 },
      ],
    });

    const second = parcel(tilburg, rma.id, [LIGHT]);
    expect(await verdict(tilburg, second)).toMatchObject({ status: 'accepted', refundMinor: 1000 });
    const done = await view(rma.id);
    expect(done.status).toBe('refunded');
    expect(await received(rma.id)).toEqual({ [LIGHT]: 2, [SCARF]: 1 });
    expect(done.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'authorised',
      'partially_received',
      'partially_refunded',
      'received',
      'inspected',
      'refunded',
    ]);
    // Totals equal what was authorised: 3 units at 10.00 and the shipping charge once.
    const rows = await refundRows(rma.id);
    expect(rows).toEqual([
      {
        receipt_id: first.id,
        amount_minor: 2495,
        shipping_minor: 495,
        idempotency_key: `refund:receipt:${first.id}`,
      },
      {
        receipt_id: second.id,
        amount_minor: 1000,
        shipping_minor: 0,
        idempotency_key: `refund:receipt:${second.id}`,
      },
    ]);
    expect(done).toMatchObject({ refundedMinor: 3495, issuedMinor: 3495 });
    expect(await stationDoc(rma.id)).toMatchObject({
      status: 'refunded',
      receiptIds: [first.id, second.id],
      lines: [{ receivedQuantity: 2 }, { receivedQuantity: 1 }],
    });

    // A third parcel is refused with the reason; replays of the first refund nothing twice.
    const third = await verdict(tilburg, parcel(tilburg, rma.id, [LIGHT]));
    expect(third).toMatchObject({
      status: 'refused',
      refusalReason: expect.stringContaining(
        `RMA ${rma.code} already received every authorised unit`,
      ),
    });
    const accepted = { ...first, status: 'accepted' as const, refundMinor: 2495 };
    await pushReceipt(server.app, tilburg, first);
    await pushReceipt(server.app, tilburg, { ...first, items: [makeItem(LIGHT)] }, accepted);
    expect(await refundRows(rma.id)).toHaveLength(2);
    expect(await received(rma.id)).toEqual({ [LIGHT]: 2, [SCARF]: 1 });
    const outbox = await server.db
      .selectFrom('outbox_events')
      .select('type')
      .where('type', '=', 'refund.issued')
      .where(sql<boolean>`payload @> ${JSON.stringify({ rmaId: rma.id })}::jsonb`)
      .execute();
    expect(outbox).toHaveLength(2);
  });

  it('refuses a parcel with more as expected than the RMA still awaits, then accepts it corrected', async () => {
    const { rma } = await lightsAndScarf('changed_mind');
    await verdict(tilburg, parcel(tilburg, rma.id, [LIGHT]));
    const over = parcel(tilburg, rma.id, [LIGHT, LIGHT, SCARF]);
    const refused = await verdict(tilburg, over);
    expect(refused).toEqual(
      expect.objectContaining({
        status: 'refused',
        refusalReason: `2 × ${LIGHT} received as expected, but the RMA awaits 1 of the 2 it authorises (1 arrived in earlier parcels): mark the rest as extra.`,
      }),
    );
    expect(await received(rma.id)).toEqual({ [LIGHT]: 1, [SCARF]: 0 });

    const corrected = {
      ...over,
      items: [
        makeItem(LIGHT),
        makeItem(LIGHT, { match: 'extra', disposition: 'quarantine', binCode: null }),
        makeItem(SCARF),
      ],
    };
    const res = await pushReceipt(server.app, tilburg, corrected, {
      ...over,
      ...refused,
    } as typeof over);
    expect(res.json()[0]).toMatchObject({ status: 'accepted', refundMinor: 2000 });
    expect(await received(rma.id)).toEqual({ [LIGHT]: 2, [SCARF]: 1 });
    expect((await view(rma.id)).status).toBe('refunded');
  });

  it('takes two parcels pushed at once by two stations, and never more than authorised', async () => {
    const { rma } = await lightsAndScarf('changed_mind');
    const both = await Promise.all([
      verdict(tilburg, parcel(tilburg, rma.id, [LIGHT])),
      verdict(tilburg2, parcel(tilburg2, rma.id, [LIGHT])),
    ]);
    expect(both.map((v) => v.status)).toEqual(['accepted', 'accepted']);
    const late = await Promise.all([
      verdict(tilburg, parcel(tilburg, rma.id, [SCARF])),
      verdict(tilburg2, parcel(tilburg2, rma.id, [SCARF])),
    ]);
    expect(late.map((v) => v.status).sort()).toEqual(['accepted', 'refused']);
    expect(await received(rma.id)).toEqual({ [LIGHT]: 2, [SCARF]: 1 });
    expect((await refundRows(rma.id)).reduce((n, r) => n + r.amount_minor, 0)).toBe(3000);
  });

  it('lets customer service close an RMA half-way with a reason; later parcels are refused and the rest is free again', async () => {
    const { order, rma } = await lightsAndScarf('changed_mind');
    await verdict(tilburg, parcel(tilburg, rma.id, [LIGHT, SCARF]));
    const close = (payload: unknown) =>
      server.app.inject({
        method: 'POST',
        url: `/v1/rmas/${rma.id}/close`,
        headers: bearer(ADMIN_TOKEN),
        payload: payload as Record<string, unknown>,
      });
    const noReason = await close({ reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ field: 'reason' });
    const closed = await close({ reason: 'Customer keeps the second light' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', refundedMinor: 2000 });
    expect((await stationDoc(rma.id)).status).toBe('closed');

    expect(await verdict(tilburg, parcel(tilburg, rma.id, [LIGHT]))).toMatchObject({
      status: 'refused',
      refusalReason: `RMA ${rma.code} was closed by admin: Customer keeps the second light; it takes no parcel any more. Set the parcel aside for customer service.`,
    });
    expect(await received(rma.id)).toEqual({ [LIGHT]: 1, [SCARF]: 1 });
    // The light that never came back may be returned on a new RMA; the received ones may not.
    expect((await createRma(server.app, order, { [LIGHT]: 1 })).statusCode).toBe(201);
    expect((await createRma(server.app, order, { [SCARF]: 1 })).statusCode).toBe(422);
    expect((await close({ reason: 'again' })).statusCode).toBe(409);
  });

  it('expires an RMA past its date: a parcel is refused with the day, and the sweep ends the others once', async () => {
    const { rma } = await lightsAndScarf('changed_mind');
    const authorised = await view(rma.id);
    const days = (Date.parse(authorised.expiresAt) - Date.parse(authorised.createdAt)) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    await verdict(tilburg, parcel(tilburg, rma.id, [LIGHT]));
    const past = new Date(Date.now() - 60_000);
    await server.db
      .updateTable('rmas')
      .set({ expires_at: past })
      .where('id', '=', rma.id)
      .execute();
    expect(await verdict(tilburg, parcel(tilburg, rma.id, [LIGHT]))).toMatchObject({
      status: 'refused',
      refusalReason: `RMA ${rma.code} expired on ${past.toISOString().slice(0, 10)}; it takes no parcel any more. Set the parcel aside for customer service.`,
    });
    expect((await view(rma.id)).status).toBe('expired');
    expect((await stationDoc(rma.id)).status).toBe('expired');
    expect(await received(rma.id)).toEqual({ [LIGHT]: 1, [SCARF]: 0 });

    const due = await lightsAndScarf('changed_mind');
    const notDue = await lightsAndScarf('changed_mind');
    await server.db
      .updateTable('rmas')
      .set({ expires_at: past })
      .where('id', '=', due.rma.id)
      .execute();
    expect(await expireDueRmas(server.db)).toBe(1);
    expect(await expireDueRmas(server.db)).toBe(0);
    expect((await view(due.rma.id)).status).toBe('expired');
    expect((await stationDoc(due.rma.id)).status).toBe('expired');
    expect((await view(notDue.rma.id)).status).toBe('authorised');
  });
});
