// Customer service cancels units of order lines before they are packed: the reservations are
// released, the station's fulfillment document loses the units, the line's money is split to the
// cent (shipping unchanged), and the timeline, audit and outbox say so. A line that is unknown,
// asked for more than is open, or already packed is refused naming it, and nothing changes.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSyncDocument } from '../../src-server/sync/document-store';
import { BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { makePerson, sessionFor } from '../support/people-fixtures';
import type { TestSession } from '../support/people-fixtures';

interface LineView {
  id: string;
  sku: string;
  quantity: number;
  lineTotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  netMinor: number;
  grossMinor: number;
  cancelledQuantity: number;
  cancelledGrossMinor: number;
}

describe.each(BACKENDS)('cancelling order lines on %s', (backend) => {
  let server: TestServer;
  let service: TestSession;

  beforeAll(async () => {
    server = await startTestServer(backend, 'order-lines-cancel');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 10_000 },
      'SKU-2': { 'NL-TIL': 10_000 },
      'SKU-3': { 'BE-GNT': 10_000 },
    });
    const person = await makePerson(server.db, { roles: ['customer_service'] });
    service = await sessionFor(server.db, person.id);
  });
  afterAll(() => server.close());

  async function placeOrder(
    lines = [
      { sku: 'SKU-1', quantity: 3 },
      { sku: 'SKU-2', quantity: 2 },
    ],
  ) {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': randomUUID() },
      payload: makeOrder({
        lines: lines.map((l, i) => ({
          ...l,
          unitPriceMinor: 333 + i,
          discountMinor: 7,
          taxRatePercent: 21,
        })),
        shippingChargedMinor: 495,
      }),
    });
    expect(res.statusCode).toBe(201);
    return res.json().orderId as string;
  }
  const view = async (orderId: string) =>
    (
      await server.app.inject({
        method: 'GET',
        url: `/v1/orders/${orderId}`,
        headers: service.headers,
      })
    ).json() as {
      totalMinor: number;
      taxMinor: number;
      shippingChargedMinor: number;
      lines: LineView[];
      events: { type: string; detail: Record<string, unknown> }[];
      fulfillments: { id: string; lines: { lineId: string; quantity: number }[] }[];
    };
  const cancelLines = (orderId: string, payload: object, key: string = randomUUID()) =>
    server.app.inject({
      method: 'POST',
      url: `/v1/orders/${orderId}/lines/cancel`,
      headers: { ...service.headers, 'idempotency-key': key },
      payload,
    });
  const openReserved = async (orderId: string) => {
    const rows = await server.db
      .selectFrom('reservations')
      .select('quantity')
      .where('order_id', '=', orderId)
      .where('released_at', 'is', null)
      .execute();
    return rows.reduce((sum, r) => sum + r.quantity, 0);
  };

  it('takes units off a line: reservations released, money split to the cent, station told', async () => {
    const orderId = await placeOrder();
    const before = await view(orderId);
    const line = before.lines.find((l) => l.sku === 'SKU-1')!;
    const res = await cancelLines(orderId, {
      lines: [{ lineId: line.id, quantity: 2 }],
      reason: 'Customer wants one',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ releasedUnits: 2, lines: [{ cancelledQuantity: 2 }] });
    expect(await openReserved(orderId)).toBe(3);

    const after = await view(orderId);
    const kept = after.lines.find((l) => l.id === line.id)!;
    expect(kept).toMatchObject({ quantity: 1, cancelledQuantity: 2 });
    // What is kept and what was cancelled make the line as placed, and the order loses exactly that.
    expect(kept.grossMinor + kept.cancelledGrossMinor).toBe(line.grossMinor);
    expect(before.totalMinor - after.totalMinor).toBe(kept.cancelledGrossMinor);
    expect(after.totalMinor).toBe(
      after.lines.reduce((sum, l) => sum + l.grossMinor, 0) +
        (before.totalMinor - before.lines.reduce((sum, l) => sum + l.grossMinor, 0)),
    );
    expect(after.shippingChargedMinor).toBe(495);

    const fulfillment = after.fulfillments[0]!;
    expect(fulfillment.lines.find((l) => l.lineId === line.id)?.quantity).toBe(1);
    const doc = await readSyncDocument(server.db, 'NL-TIL', 'fulfillments', fulfillment.id);
    const docLines = (doc!.doc as { lines: { sku: string; quantity: number }[] }).lines;
    expect(docLines.filter((l) => l.sku === 'SKU-1').reduce((s, l) => s + l.quantity, 0)).toBe(1);
    expect((doc!.doc as { orderMoney: { totalCents: number } }).orderMoney.totalCents).toBe(
      after.totalMinor,
    );

    const event = after.events.find((e) => e.type === 'lines_cancelled');
    expect(event?.detail).toMatchObject({ reason: 'Customer wants one', releasedUnits: 2 });
    const outbox = await server.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'order.lines_cancelled')
      .where('aggregate_id', '=', orderId)
      .execute();
    expect(outbox).toHaveLength(1);
    const audit = (
      await server.app.inject({
        method: 'GET',
        url: `/v1/audit?objectType=order&objectId=${orderId}`,
        headers: service.headers,
      })
    ).json().entries as { action: string; reason: string; before: unknown; after: unknown }[];
    expect(audit[0]).toMatchObject({
      action: 'lines_cancelled',
      reason: 'Customer wants one',
      before: { lines: [{ quantity: 3, cancelled_quantity: 0 }, { quantity: 2 }] },
      after: { lines: [{ quantity: 1, cancelled_quantity: 2 }, { quantity: 2 }] },
    });
  });

  it('recomputes the VAT breakdown after a line cancel: it loses what the total lost, to the cent', async () => {
    type Vat = { breakdown: { netMinor: number; taxMinor: number }[]; engineTaxMinor: number };
    const sums = (vat: Vat) => ({
      gross: vat.breakdown.reduce((a, r) => a + r.netMinor + r.taxMinor, 0),
      tax: vat.breakdown.reduce((a, r) => a + r.taxMinor, 0),
    });
    const orderId = await placeOrder();
    const before = (await view(orderId)) as unknown as { vat: Vat | null; totalMinor: number };
    expect(before.vat).not.toBeNull();
    const line = (await view(orderId)).lines.find((l) => l.sku === 'SKU-1')!;
    const res = await cancelLines(orderId, {
      lines: [{ lineId: line.id, quantity: 2 }],
      reason: 'Customer wants one',
    });
    expect(res.statusCode).toBe(200);
    const after = (await view(orderId)) as unknown as {
      vat: Vat;
      totalMinor: number;
      taxMinor: number;
    };
    expect(after.totalMinor).toBeLessThan(before.totalMinor);
    // The breakdown loses exactly what the order lost, and still sums to the engine's tax.
    expect(sums(before.vat!).gross - sums(after.vat).gross).toBe(
      before.totalMinor - after.totalMinor,
    );
    expect(sums(after.vat).tax).toBe(after.vat.engineTaxMinor);
  });

  it('answers a replay of the same key with the first response and cancels only once', async () => {
    const orderId = await placeOrder();
    const line = (await view(orderId)).lines[0]!;
    const key = randomUUID();
    const payload = { lines: [{ lineId: line.id, quantity: 1 }], reason: 'Once' };
    const first = await cancelLines(orderId, payload, key);
    const again = await cancelLines(orderId, payload, key);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect((await view(orderId)).lines[0]!.cancelledQuantity).toBe(1);
    const other = await cancelLines(orderId, { ...payload, reason: 'Twice' }, key);
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('idempotency_key_reused');
  });

  it('cancels a fulfillment (flag raised) whose last pick line goes, even while picking', async () => {
    const orderId = await placeOrder([
      { sku: 'SKU-1', quantity: 1 },
      { sku: 'SKU-3', quantity: 2 },
    ]);
    const placed = await view(orderId);
    expect(placed.fulfillments).toHaveLength(2);
    const line = placed.lines.find((l) => l.sku === 'SKU-3')!;
    const belgian = placed.fulfillments.find((f) => f.lines.some((l) => l.lineId === line.id))!;
    await server.db
      .updateTable('fulfillment_orders')
      .set({ status: 'picking' })
      .where('id', '=', belgian.id)
      .execute();
    const res = await cancelLines(orderId, {
      lines: [{ lineId: line.id, quantity: 2 }],
      reason: 'No longer needed',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().cancelledFulfillments).toEqual([belgian.id]);
    const row = await server.db
      .selectFrom('fulfillment_orders')
      .select(['status', 'cancel_requested'])
      .where('id', '=', belgian.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'cancelled', cancel_requested: true });
    const doc = await readSyncDocument(server.db, 'BE-GNT', 'fulfillments', belgian.id);
    expect(doc!.doc).toMatchObject({ status: 'cancelled', cancelRequested: true, lines: [] });

    const whole = await cancelLines(orderId, {
      lines: [{ lineId: placed.lines.find((l) => l.sku === 'SKU-1')!.id, quantity: 1 }],
      reason: 'All of it',
    });
    expect(whole.statusCode).toBe(409);
    expect(whole.json().code).toBe('cancels_whole_order');
  });

  it('refuses unknown lines, more than is open and packed units, naming the line; nothing changes', async () => {
    const orderId = await placeOrder();
    const before = await view(orderId);
    const [first, second] = before.lines;
    const unknown = await cancelLines(orderId, {
      lines: [{ lineId: randomUUID(), quantity: 1 }],
      reason: 'Typo',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'unknown_line', field: 'lines[0].lineId' });
    const tooMany = await cancelLines(orderId, {
      lines: [
        { lineId: first!.id, quantity: 1 },
        { lineId: second!.id, quantity: 3 },
      ],
      reason: 'Too many',
    });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ code: 'quantity_not_open', field: 'lines[1].quantity' });
    expect(tooMany.json().message).toContain('SKU-2');
    const unexplained = await cancelLines(orderId, { lines: [{ lineId: first!.id, quantity: 1 }] });
    expect(unexplained.statusCode).toBe(400);
    expect(unexplained.json().field).toBe('reason');

    await server.db
      .updateTable('fulfillment_orders')
      .set({ status: 'packed' })
      .where('order_id', '=', orderId)
      .execute();
    const packed = await cancelLines(orderId, {
      lines: [{ lineId: first!.id, quantity: 1 }],
      reason: 'Too late',
    });
    expect(packed.statusCode).toBe(409);
    expect(packed.json()).toMatchObject({ code: 'line_not_open', field: 'lines[0].quantity' });
    expect(packed.json().message).toMatch(/3 units are packed or shipped/);

    const after = await view(orderId);
    expect(after.lines).toEqual(before.lines);
    expect(after.totalMinor).toBe(before.totalMinor);
    expect(await openReserved(orderId)).toBe(5);
  });

  it('keeps every cent and never goes below zero over any run of cancellations (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 9 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
        async (ordered, requests) => {
          const orderId = await placeOrder([
            { sku: 'SKU-1', quantity: ordered },
            { sku: 'SKU-2', quantity: 1 },
          ]);
          const placed = await view(orderId);
          const line = placed.lines[0]!;
          let open = ordered;
          for (const quantity of requests) {
            const res = await cancelLines(orderId, {
              lines: [{ lineId: line.id, quantity }],
              reason: 'Property',
            });
            if (quantity > open) {
              expect(res.statusCode).toBe(409);
              continue;
            }
            expect(res.statusCode).toBe(200);
            open -= quantity;
          }
          const now = await view(orderId);
          const kept = now.lines[0]!;
          expect(kept.quantity).toBe(open);
          expect(kept.quantity).toBeGreaterThanOrEqual(0);
          expect(kept.cancelledQuantity).toBe(ordered - open);
          expect(kept.grossMinor).toBeGreaterThanOrEqual(0);
          expect(kept.grossMinor + kept.cancelledGrossMinor).toBe(line.grossMinor);
          expect(kept.netMinor + kept.taxMinor).toBe(kept.grossMinor);
          expect(placed.totalMinor - now.totalMinor).toBe(kept.cancelledGrossMinor);
          expect(await openReserved(orderId)).toBe(open + 1);
        },
      ),
      { numRuns: 12 },
    );
  });
});
