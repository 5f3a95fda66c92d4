// RMAs through the API on PGlite and PostgreSQL: authorising only what was shipped, publishing to
// the shipping warehouse's stations, the lifecycle with its event trail, labels and the refund CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RmaDoc } from '../../shared/sync/documents';
import { bearer, CHANNEL_KEYS, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import { enrolTestStation, syncClient, type EnrolledTestStation } from '../support/sync-fixtures';
import { createRma, makeItem, makeReceipt, pushReceipt, shipOrder } from './returns-helpers';

describe.each(BACKENDS)('RMAs on %s', (backend) => {
  let server: TestServer;
  let tilburg: EnrolledTestStation;
  let ghent: EnrolledTestStation;

  beforeAll(async () => {
    server = await startTestServer(backend, 'rmas');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 20, 'BE-GNT': 20 },
      'SKU-2': { 'NL-TIL': 20 },
    });
    tilburg = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg returns');
    ghent = await enrolTestStation(server.app, 'BE-GNT', 'Ghent returns');
  });
  afterAll(() => server.close());

  const admin = bearer(ADMIN_TOKEN);
  const get = (url: string, headers = admin) => server.app.inject({ method: 'GET', url, headers });

  it('authorises shipped lines, refuses more than shipped-and-not-returned naming the line, and publishes to the shipping warehouse only', async () => {
    const order = await shipOrder(server.app, tilburg, { 'SKU-1': 2, 'SKU-2': 1 });
    const tooMany = await createRma(server.app, order, { 'SKU-1': 3 });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({
      code: 'quantity_above_returnable',
      field: 'lines[0].quantity',
      message: expect.stringMatching(/^Line \d \(SKU-1\): 3 requested, but 2 of the 2 shipped/),
    });

    const created = await createRma(server.app, order, { 'SKU-1': 2 }, { reason: 'wrong_size' });
    expect(created.statusCode).toBe(201);
    const rma = created.json();
    expect(rma).toMatchObject({
      status: 'authorised',
      warehouseCode: 'NL-TIL',
      reason: 'wrong_size',
      lines: [{ sku: 'SKU-1', quantity: 2, receivedQuantity: 0, unitPriceMinor: 1000 }],
    });
    expect(rma.code).toMatch(/^R-\d{4}-\d{5}$/);
    expect(rma.events).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'authorised', actor: 'admin' }),
    ]);

    const again = await createRma(server.app, order, { 'SKU-1': 1 });
    expect(again.json()).toMatchObject({
      code: 'quantity_above_returnable',
      message: expect.stringContaining('0 of the 2 shipped'),
    });

    const docs = (await syncClient(server.app, tilburg).pullAll('rmas')) as unknown as RmaDoc[];
    expect(docs.find((d) => d.id === rma.id)).toMatchObject({
      code: rma.code,
      orderNumber: rma.orderNumber,
      ssccs: [order.sscc],
      status: 'authorised',
      lines: [{ sku: 'SKU-1', quantity: 2 }],
    });
    expect(
      (await syncClient(server.app, ghent).pullAll('rmas')).find((d) => d.id === rma.id),
    ).toBeUndefined();
    const events = await server.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'return.authorized')
      .where('aggregate_id', '=', order.orderId)
      .execute();
    expect(events).toHaveLength(1);
  });

  it('refuses an RMA for goods that never shipped, and one without text for reason other', async () => {
    const placed = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': `r-${Math.random()}` },
      payload: {
        channelOrderRef: `U-${Date.now()}`,
        currency: 'EUR',
        customer: { type: 'person', name: 'A', email: 'a@example.com' },
        shipTo: {
          name: 'A',
          line1: 'Damrak 1',
          postalCode: '1012 AB',
          city: 'Amsterdam',
          country: 'NL',
        },
        lines: [{ sku: 'SKU-2', quantity: 1 }],
      },
    });
    const orderId = placed.json().orderId as string;
    const view = await get(`/v1/orders/${orderId}`);
    const order = { orderId, lineOf: { 'SKU-2': view.json().lines[0].id as string } } as never;
    expect((await createRma(server.app, order, { 'SKU-2': 1 })).json()).toMatchObject({
      code: 'quantity_above_returnable',
      message: expect.stringContaining('0 of the 0 shipped'),
    });
    const other = await createRma(server.app, order, { 'SKU-2': 1 }, { reason: 'other' });
    expect(other.statusCode).toBe(400);
    expect(other.json().field).toBe('reasonText');
    expect(
      await server.db.selectFrom('rmas').select('id').where('order_id', '=', orderId).execute(),
    ).toEqual([]);
  });

  it("lets a channel key return its own channel's orders only", async () => {
    const order = await shipOrder(server.app, tilburg, { 'SKU-2': 1 });
    expect(
      (await createRma(server.app, order, { 'SKU-2': 1 }, {}, CHANNEL_KEYS.market)).statusCode,
    ).toBe(403);
    const own = await createRma(server.app, order, { 'SKU-2': 1 }, {}, CHANNEL_KEYS.web);
    expect(own.statusCode).toBe(201);
    expect((await get(`/v1/rmas/${own.json().id}`, bearer(CHANNEL_KEYS.market))).statusCode).toBe(
      404,
    );
    expect(
      (await get(`/v1/rmas?orderId=${order.orderId}`, bearer(CHANNEL_KEYS.web))).json().rmas,
    ).toHaveLength(1);
  });

  it('walks authorised → in transit → received → inspected → refunded with an event trail, and refuses to reopen it', async () => {
    const order = await shipOrder(server.app, tilburg, { 'SKU-1': 2 });
    const rma = (await createRma(server.app, order, { 'SKU-1': 2 }, { reason: 'damaged' })).json();
    const moved = await server.app.inject({
      method: 'POST',
      url: `/v1/rmas/${rma.id}/status`,
      headers: admin,
      payload: { status: 'in_transit', note: 'carrier scan' },
    });
    expect(moved.json().status).toBe('in_transit');

    const receipt = makeReceipt(tilburg, rma.id, [
      makeItem('SKU-1', { grade: 'A' }),
      makeItem('SKU-1', { grade: 'B', disposition: 'quarantine', binCode: null }),
    ]);
    const answer = await pushReceipt(server.app, tilburg, receipt);
    // 2 × 10.00 less 10% on the B unit, plus the 4.95 shipping charge: the parcel arrived damaged.
    expect(answer.json()).toEqual([
      expect.objectContaining({
        id: receipt.id,
        status: 'accepted',
        refusalReason: null,
        refundMinor: 1000 + 900 + 495,
      }),
    ]);

    const view = (await get(`/v1/rmas/${rma.id}`)).json();
    expect(view.status).toBe('refunded');
    expect(view.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'authorised',
      'in_transit',
      'received',
      'inspected',
      'refunded',
    ]);
    expect(view.lines[0].receivedQuantity).toBe(2);
    expect(view.refunds).toEqual([
      expect.objectContaining({
        receiptId: receipt.id,
        status: 'issued',
        provider: 'ledger',
        amountMinor: 2395,
        currency: 'EUR',
        breakdown: expect.objectContaining({
          itemsMinor: 2000,
          feesMinor: 100,
          shippingMinor: 495,
        }),
      }),
    ]);
    expect(view.receipts).toEqual([
      expect.objectContaining({ id: receipt.id, status: 'accepted', needsReview: false }),
    ]);
    const doc = (
      (await syncClient(server.app, tilburg).pullAll('rmas')) as unknown as RmaDoc[]
    ).find((d) => d.id === rma.id);
    expect(doc).toMatchObject({ status: 'refunded', lines: [{ receivedQuantity: 2 }] });

    const reopen = await server.app.inject({
      method: 'POST',
      url: `/v1/rmas/${rma.id}/status`,
      headers: admin,
      payload: { status: 'closed', note: 'customer changed their mind' },
    });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().message).toContain('refunded; that is final');
    const types = await server.db
      .selectFrom('outbox_events')
      .select('type')
      .where('aggregate_id', '=', order.orderId)
      .where('type', 'in', ['return.received', 'refund.issued'])
      .execute();
    expect(types.map((t) => t.type).sort()).toEqual(['refund.issued', 'return.received']);
  });

  it('closes an RMA by hand, which frees its units for a new RMA', async () => {
    const order = await shipOrder(server.app, tilburg, { 'SKU-2': 1 });
    const rma = (await createRma(server.app, order, { 'SKU-2': 1 })).json();
    expect(
      (
        await server.app.inject({
          method: 'POST',
          url: `/v1/rmas/${rma.id}/status`,
          headers: admin,
          payload: { status: 'closed', note: 'customer kept it' },
        })
      ).json().status,
    ).toBe('closed');
    expect((await createRma(server.app, order, { 'SKU-2': 1 })).statusCode).toBe(201);
  });

  it('prints the return label as ZPL and PDF with the RMA barcode', async () => {
    const order = await shipOrder(server.app, tilburg, { 'SKU-2': 1 });
    const rma = (await createRma(server.app, order, { 'SKU-2': 1 })).json();
    const zpl = await get(`/v1/rmas/${rma.id}/label.zpl`);
    expect(zpl.statusCode).toBe(200);
    expect(zpl.headers['content-type']).toContain('application/zpl');
    expect(zpl.body).toContain(`RMA:${rma.code}`);
    expect(zpl.body).toMatch(/^\^XA/);
    const dutch = await get(`/v1/rmas/${rma.id}/label.zpl?lang=nl`);
    expect(dutch.body).toContain('RETOUR NAAR');
    expect(dutch.body).toContain(`RMA:${rma.code}`);
    for (const [lang, words] of [
      ['de', 'RETOURE AN'],
      ['fr', 'RETOUR'],
    ] as const) {
      const label = await get(`/v1/rmas/${rma.id}/label.zpl?lang=${lang}`);
      expect(label.statusCode).toBe(200);
      expect(label.body).toContain(words);
      expect(label.body).toContain(`RMA:${rma.code}`);
    }
    const unknown = await get(`/v1/rmas/${rma.id}/label.zpl?lang=xx`);
    expect(unknown.statusCode).toBe(400);
    const pdf = await get(`/v1/rmas/${rma.id}/label.pdf`, bearer(CHANNEL_KEYS.web));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await get(`/v1/rmas/${rma.id}/label.pdf`, bearer(CHANNEL_KEYS.market))).statusCode,
    ).toBe(403);
  });

  it('refuses blank or unstorable reason text naming reasonText, and trims the text it keeps', async () => {
    const order = await shipOrder(server.app, tilburg, { 'SKU-2': 1 });
    for (const reasonText of ['   ', '\u200b\t', 'crushed\u0000', 'x\ud800']) {
      const refused = await createRma(
        server.app,
        order,
        { 'SKU-2': 1 },
        { reason: 'other', reasonText },
      );
      expect(refused.statusCode, JSON.stringify(reasonText)).toBe(400);
      expect(refused.json().field).toBe('reasonText');
    }
    const kept = await createRma(
      server.app,
      order,
      { 'SKU-2': 1 },
      { reason: 'other', reasonText: '  Crushed box \n' },
    );
    expect(kept.json().reasonText).toBe('Crushed box');
  });

  it('refuses refund export periods outside 2000–2100, naming the filter', async () => {
    for (const [query, field] of [
      ['?from=0000-01-01', 'from'],
      ['?to=275760-09-13', 'to'],
      ['?from=yesterday', 'from'],
    ]) {
      const refused = await get(`/v1/refunds.csv${query}`);
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json().field).toBe(field);
    }
    expect((await get('/v1/refunds.csv?from=2020-01-01&to=2030-01-01')).statusCode).toBe(200);
  });

  it('exports refunds for finance as CSV, admin only', async () => {
    const csv = await get('/v1/refunds.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = csv.body.trim().split('\r\n');
    expect(header).toContain(
      'rma_code,order_id,order_number,method,provider,status,currency,amount',
    );
    expect(rows.some((r) => r.includes(',ledger,issued,EUR,23.95,20.00,1.00,4.95,'))).toBe(true);
    expect((await get('/v1/refunds.csv', bearer(CHANNEL_KEYS.web))).statusCode).toBe(403);
  });
});
