// Return receipts pushed by stations on PGlite and PostgreSQL: exactly one refund per parcel under
// replayed and concurrent pushes, stock per disposition, and bad input refused with nothing
// stored half-way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import { enrolTestStation, type EnrolledTestStation } from '../support/sync-fixtures';
import {
  createRma,
  GHENT_ADDRESS,
  makeItem,
  makeReceipt,
  pushReceipt,
  shipOrder,
} from './returns-helpers';

describe.each(BACKENDS)('return receipts on %s', (backend) => {
  let server: TestServer;
  let tilburg: EnrolledTestStation;
  let tilburg2: EnrolledTestStation;
  let ghent: EnrolledTestStation;

  beforeAll(async () => {
    server = await startTestServer(backend, 'receipts');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 50, 'BE-GNT': 50 },
      'SKU-2': { 'NL-TIL': 50 },
      'SKU-3': { 'NL-TIL': 50 },
    });
    tilburg = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 1');
    tilburg2 = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 2');
    ghent = await enrolTestStation(server.app, 'BE-GNT', 'Ghent 1');
  });
  afterAll(() => server.close());

  async function authorised(skus: Record<string, number>, over: Record<string, unknown> = {}) {
    const order = await shipOrder(server.app, tilburg, skus);
    const rma = await createRma(server.app, order, skus, over);
    expect(rma.statusCode).toBe(201);
    return { order, rma: rma.json() as { id: string; code: string } };
  }
  const onHand = async (sku: string, bin: string, warehouse = 'NL-TIL') =>
    (
      await server.db
        .selectFrom('stock')
        .select('on_hand')
        .where('sku', '=', sku)
        .where('bin_code', '=', bin)
        .where('warehouse_code', '=', warehouse)
        .executeTakeFirst()
    )?.on_hand ?? 0;
  const refunds = (rmaId: string) =>
    server.db.selectFrom('refunds').selectAll().where('rma_id', '=', rmaId).execute();
  const rmaStatus = async (rmaId: string) =>
    (
      await server.app.inject({
        method: 'GET',
        url: `/v1/rmas/${rmaId}`,
        headers: bearer(ADMIN_TOKEN),
      })
    ).json().status;
  const outbox = (type: string, orderId: string) =>
    server.db
      .selectFrom('outbox_events')
      .select('id')
      .where('type', '=', type)
      .where('aggregate_id', '=', orderId)
      .execute();

  it('issues exactly one refund when the same receipt is pushed twice, and twice at once', async () => {
    const { order, rma } = await authorised({ 'SKU-1': 1 }, { reason: 'changed_mind' });
    const before = await onHand('SKU-1', 'A-01');
    const receipt = makeReceipt(tilburg, rma.id, [makeItem('SKU-1')]);
    const [a, b] = await Promise.all([
      pushReceipt(server.app, tilburg, receipt),
      pushReceipt(server.app, tilburg, receipt),
    ]);
    const replay = await pushReceipt(server.app, tilburg, receipt);
    for (const res of [a, b, replay]) expect(res.statusCode).toBe(200);
    expect([...a.json(), ...b.json()].map((d: { status: string }) => d.status)).toContain(
      'accepted',
    );

    const rows = await refunds(rma.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      amount_minor: 1000,
      status: 'issued',
      idempotency_key: `refund:receipt:${receipt.id}`,
      receipt_id: receipt.id,
    });
    expect(await onHand('SKU-1', 'A-01')).toBe(before + 1);
    expect(await outbox('refund.issued', order.orderId)).toHaveLength(1);
    expect(await outbox('return.received', order.orderId)).toHaveLength(1);
    const stored = await server.db
      .selectFrom('sync_documents')
      .select('doc')
      .where('collection', '=', 'returns')
      .where('id', '=', receipt.id)
      .executeTakeFirstOrThrow();
    expect(stored.doc).toMatchObject({ status: 'accepted', refundMinor: 1000 });
  });

  it('accepts the first of two receipts for one RMA pushed at once by two stations and tells the second why not', async () => {
    const { rma } = await authorised({ 'SKU-2': 1 });
    const before = await onHand('SKU-2', 'A-01');
    const [a, b] = await Promise.all([
      pushReceipt(server.app, tilburg, makeReceipt(tilburg, rma.id, [makeItem('SKU-2')])),
      pushReceipt(server.app, tilburg2, makeReceipt(tilburg2, rma.id, [makeItem('SKU-2')])),
    ]);
    const verdicts = [a.json()[0], b.json()[0]] as {
      status: string;
      refusalReason: string | null;
    }[];
    expect(verdicts.map((v) => v.status).sort()).toEqual(['accepted', 'refused']);
    expect(verdicts.find((v) => v.status === 'refused')?.refusalReason).toMatch(
      new RegExp(
        `RMA ${rma.code} already received every authorised unit \\(the last parcel was taken in by station Tilburg [12]`,
      ),
    );
    expect(await refunds(rma.id)).toHaveLength(1);
    expect(await onHand('SKU-2', 'A-01')).toBe(before + 1);
  });

  it('moves stock per disposition: restock raises on hand and availability, quarantine, scrap and return to vendor do not', async () => {
    const { rma } = await authorised({ 'SKU-3': 4 }, { reason: 'not_as_described' });
    const bins = {
      A01: await onHand('SKU-3', 'A-01'),
      A02: await onHand('SKU-3', 'A-02'),
      A03: await onHand('SKU-3', 'A-03'),
    };
    const receipt = makeReceipt(tilburg, rma.id, [
      makeItem('SKU-3', { grade: 'A', binCode: 'A-03' }),
      makeItem('SKU-3', { grade: 'B', disposition: 'quarantine', binCode: null }),
      makeItem('SKU-3', { grade: 'C', disposition: 'scrap', binCode: null }),
      makeItem('SKU-3', {
        grade: 'D',
        disposition: 'return_to_vendor',
        binCode: null,
        note: 'charger missing',
      }),
    ]);
    expect((await pushReceipt(server.app, tilburg, receipt)).json()[0]).toMatchObject({
      status: 'accepted',
      refundMinor: 1000 + 900 + 500 + 0 + 495,
    });
    expect(await onHand('SKU-3', 'A-03')).toBe(bins.A03 + 1);
    expect(await onHand('SKU-3', 'A-01')).toBe(bins.A01);
    expect(await onHand('SKU-3', 'A-02')).toBe(bins.A02);
    const items = await server.db
      .selectFrom('return_items')
      .select(['disposition', 'grade', 'bin_code'])
      .where('receipt_id', '=', receipt.id)
      .orderBy('grade')
      .execute();
    expect(items).toEqual([
      { disposition: 'restock', grade: 'A', bin_code: 'A-03' },
      { disposition: 'quarantine', grade: 'B', bin_code: null },
      { disposition: 'scrap', grade: 'C', bin_code: null },
      { disposition: 'return_to_vendor', grade: 'D', bin_code: null },
    ]);
  });

  it('refuses an RMA of another warehouse at this station, and books nothing', async () => {
    const order = await shipOrder(server.app, ghent, { 'SKU-1': 1 }, { shipTo: GHENT_ADDRESS });
    const rma = (await createRma(server.app, order, { 'SKU-1': 1 })).json();
    expect(rma.warehouseCode).toBe('BE-GNT');
    const before = await onHand('SKU-1', 'A-01');
    const receipt = makeReceipt(tilburg, rma.id, [makeItem('SKU-1')]);
    const res = await pushReceipt(server.app, tilburg, receipt);
    // Stations find RMAs in their own warehouse's feed: another's is no verdict to store.
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'unknown_rma',
      field: 'rmaId',
      message: expect.stringContaining(`is not an RMA of warehouse NL-TIL`),
    });
    expect(
      await server.db
        .selectFrom('sync_documents')
        .select('id')
        .where('id', '=', receipt.id)
        .execute(),
    ).toEqual([]);
    expect(await onHand('SKU-1', 'A-01')).toBe(before);
    expect(await rmaStatus(rma.id)).toBe('authorised');
    expect(await refunds(rma.id)).toEqual([]);
  });

  it('refuses a receipt without a grade as an invalid document and stores nothing', async () => {
    const { rma } = await authorised({ 'SKU-2': 1 });
    const receipt = makeReceipt(tilburg, rma.id, [makeItem('SKU-2')]);
    const { grade: _omitted, ...ungraded } = receipt.items[0]!;
    const res = await pushReceipt(server.app, tilburg, { ...receipt, items: [ungraded as never] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_document', field: 'items.0.grade' });
    expect(
      await server.db
        .selectFrom('return_receipts')
        .select('id')
        .where('id', '=', receipt.id)
        .execute(),
    ).toEqual([]);
    expect(await rmaStatus(rma.id)).toBe('authorised');
  });

  it('refuses more units than authorised and a restock without a bin, then accepts the corrected receipt', async () => {
    const { rma } = await authorised({ 'SKU-2': 1 });
    const before = await onHand('SKU-2', 'A-01');
    const tooMany = makeReceipt(tilburg, rma.id, [makeItem('SKU-2', { quantity: 2 })]);
    const first = (await pushReceipt(server.app, tilburg, tooMany)).json()[0];
    expect(first).toMatchObject({
      status: 'refused',
      refusalReason:
        '2 × SKU-2 received as expected, but the RMA awaits 1 of the 1 it authorises: mark the rest as extra.',
    });
    const noBin = {
      ...tooMany,
      items: [makeItem('SKU-2', { binCode: null })],
      status: 'submitted' as const,
      refusalReason: null,
    };
    const second = (await pushReceipt(server.app, tilburg, noBin, first)).json()[0];
    expect(second).toMatchObject({
      status: 'refused',
      refusalReason: expect.stringContaining('no bin was scanned'),
    });
    expect(await onHand('SKU-2', 'A-01')).toBe(before);
    expect(await rmaStatus(rma.id)).toBe('authorised');

    const fixed = {
      ...noBin,
      items: [
        makeItem('SKU-2'),
        makeItem('SKU-2', { match: 'extra', disposition: 'quarantine', binCode: null }),
      ],
    };
    expect((await pushReceipt(server.app, tilburg, fixed, second)).json()[0]).toMatchObject({
      status: 'accepted',
      refundMinor: 1000 + 495,
    });
    expect(await onHand('SKU-2', 'A-01')).toBe(before + 1);
    const stored = await server.db
      .selectFrom('return_receipts')
      .select(['status', 'needs_review'])
      .where('id', '=', tooMany.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'accepted', needs_review: true });
  });

  it("refuses a refund above the order's paid amount and books nothing", async () => {
    const { order, rma } = await authorised({ 'SKU-1': 1 });
    // The customer paid less than the list price (a voucher): 5.00 of 14.95.
    await server.db
      .updateTable('orders')
      .set({ total_minor: 500 })
      .where('id', '=', order.orderId)
      .execute();
    const before = await onHand('SKU-1', 'A-01');
    const res = await pushReceipt(
      server.app,
      tilburg,
      makeReceipt(tilburg, rma.id, [makeItem('SKU-1')]),
    );
    expect(res.json()[0]).toMatchObject({
      status: 'refused',
      refusalReason: expect.stringContaining(
        "would exceed what is left of the order's paid amount (5.00 EUR of 5.00 EUR)",
      ),
    });
    expect(await onHand('SKU-1', 'A-01')).toBe(before);
    expect(await refunds(rma.id)).toEqual([]);
    expect(await rmaStatus(rma.id)).toBe('authorised');
  });

  it('takes in an unexpected return without an RMA, restocks it and flags it for customer service', async () => {
    const before = await onHand('SKU-3', 'A-02');
    const receipt = makeReceipt(
      tilburg,
      null,
      [makeItem('SKU-3', { binCode: 'A-02', match: 'wrong_item' })],
      { note: 'no paperwork in the box' },
    );
    expect((await pushReceipt(server.app, tilburg, receipt)).json()[0]).toMatchObject({
      status: 'accepted',
      refundMinor: null,
    });
    expect(await onHand('SKU-3', 'A-02')).toBe(before + 1);
    expect(
      await server.db
        .selectFrom('return_receipts')
        .select(['needs_review', 'rma_id'])
        .where('id', '=', receipt.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ needs_review: true, rma_id: null });
    const event = await server.db
      .selectFrom('outbox_events')
      .select(['aggregate_type', 'payload'])
      .where('type', '=', 'return.received')
      .where('aggregate_id', '=', receipt.id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      aggregate_type: 'return',
      payload: { unexpected: true, rmaId: null },
    });
  });

  it('keeps an accepted receipt as booked when the station edits it afterwards', async () => {
    const { rma } = await authorised({ 'SKU-2': 1 });
    const receipt = makeReceipt(tilburg, rma.id, [makeItem('SKU-2')]);
    const accepted = (await pushReceipt(server.app, tilburg, receipt)).json()[0];
    const before = await onHand('SKU-2', 'A-01');
    const edited = {
      ...accepted,
      items: [makeItem('SKU-2', { quantity: 1 }), makeItem('SKU-2')],
      status: 'submitted',
    };
    const res = await pushReceipt(server.app, tilburg, edited, accepted);
    expect(res.json()[0]).toMatchObject({
      status: 'accepted',
      items: [expect.objectContaining({ id: receipt.items[0]!.id })],
    });
    expect(await onHand('SKU-2', 'A-01')).toBe(before);
    expect(await refunds(rma.id)).toHaveLength(1);
  });

  it('answers an RMA id that is not one with 422, and refuses a bin of another warehouse', async () => {
    const unknown = await pushReceipt(
      server.app,
      tilburg,
      makeReceipt(tilburg, 'RMA-TYPO', [makeItem('SKU-1')]),
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'unknown_rma', field: 'rmaId' });
    const { rma } = await authorised({ 'SKU-1': 1 });
    const foreignBin = (
      await pushReceipt(
        server.app,
        tilburg,
        makeReceipt(tilburg, rma.id, [makeItem('SKU-1', { binCode: 'Z-99' })]),
      )
    ).json()[0];
    expect(foreignBin.refusalReason).toBe(
      'Bin Z-99 is not a bin of warehouse NL-TIL: scan a bin of this warehouse.',
    );
    expect(foreignBin.refusal).toEqual({
      code: 'receipt_foreign_bin',
      params: { bin: 'Z-99', warehouse: 'NL-TIL' },
    });
  });
});
