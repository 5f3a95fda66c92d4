// The purchase order list on PGlite and PostgreSQL: newest first, keyset pages that together
// hold every order exactly once (also orders made in the same instant), filters, line totals
// to the cent, and a 400 for a cursor the API did not give out.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PurchaseOrderStatus } from '../../src-server/replenishment/purchasing-schema';
import { bearer, seedCatalog } from '../support/oms-fixtures';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';

interface Made {
  number: string;
  status: PurchaseOrderStatus;
  createdAt: Date;
}

describe.each(BACKENDS)('purchase order list on %s', (backend) => {
  let server: TestServer;
  let serial = 0;
  const get = (url: string) =>
    server.app.inject({ method: 'GET', url, headers: bearer(ADMIN_TOKEN) });

  beforeAll(async () => {
    server = await startTestServer(backend, 'po_list');
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 1 }, 'SKU-2': { 'NL-TIL': 1 } });
    await server.db
      .insertInto('suppliers')
      .values([
        { code: 'ACME', name: 'Acme Supplies' },
        { code: 'BOLT', name: 'Bolt & Co' },
      ])
      .execute();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await server.db.deleteFrom('purchase_order_lines').execute();
    await server.db.deleteFrom('purchase_orders').execute();
  });

  /** A purchase order with two lines (3 × 1.99 and 2 × 0.25), made at `createdAt`. */
  async function makePurchaseOrder(o: {
    createdAt: Date;
    status?: PurchaseOrderStatus;
    supplierCode?: string;
  }): Promise<Made> {
    const id = randomUUID();
    const number = `PO-T${String(++serial).padStart(6, '0')}`;
    const status = o.status ?? 'draft';
    await server.db
      .insertInto('purchase_orders')
      .values({
        id,
        number,
        supplier_code: o.supplierCode ?? 'ACME',
        warehouse_code: 'NL-TIL',
        status,
        currency: 'EUR',
        expected_date: '2026-12-20',
        created_at: o.createdAt,
      })
      .execute();
    await server.db
      .insertInto('purchase_order_lines')
      .values([
        {
          id: randomUUID(),
          purchase_order_id: id,
          sku: 'SKU-1',
          quantity: 3,
          unit_cost_minor: 199,
        },
        { id: randomUUID(), purchase_order_id: id, sku: 'SKU-2', quantity: 2, unit_cost_minor: 25 },
      ])
      .execute();
    return { number, status, createdAt: o.createdAt };
  }

  const newestFirst = (made: Made[]) =>
    [...made]
      .sort(
        (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.number < b.number ? 1 : -1),
      )
      .map((m) => m.number);

  async function pageThrough(filter: string, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(
        `/v1/purchase-orders?limit=${limit}${filter}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as {
        purchaseOrders: { number: string }[];
        nextCursor: string | null;
      };
      expect(body.purchaseOrders.length).toBeLessThanOrEqual(limit);
      seen.push(...body.purchaseOrders.map((p) => p.number));
      cursor = body.nextCursor;
    } while (cursor);
    return seen;
  }

  it('pages through every order once, newest first, also orders made in the same instant', async () => {
    const base = Date.parse('2026-11-01T10:00:00.000Z');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            // Few distinct instants, so ties on created_at are common.
            minute: fc.integer({ min: 0, max: 3 }),
            status: fc.constantFrom<PurchaseOrderStatus>('draft', 'approved', 'sent'),
          }),
          { minLength: 0, maxLength: 9 },
        ),
        fc.integer({ min: 1, max: 4 }),
        async (orders, limit) => {
          await server.db.deleteFrom('purchase_order_lines').execute();
          await server.db.deleteFrom('purchase_orders').execute();
          const made: Made[] = [];
          for (const o of orders)
            made.push(
              await makePurchaseOrder({
                createdAt: new Date(base + o.minute * 60_000),
                status: o.status,
              }),
            );
          expect(await pageThrough('', limit)).toEqual(newestFirst(made));
          expect(await pageThrough('&status=approved', limit)).toEqual(
            newestFirst(made.filter((m) => m.status === 'approved')),
          );
        },
      ),
      { numRuns: 8 },
    );
  });

  it('lists an order with its supplier, line count, units and total to the cent', async () => {
    const made = await makePurchaseOrder({ createdAt: new Date(), supplierCode: 'BOLT' });
    await makePurchaseOrder({ createdAt: new Date(Date.now() - 1000) });
    const res = await get('/v1/purchase-orders?supplierCode=BOLT&warehouseCode=NL-TIL');
    expect(res.json()).toEqual({
      purchaseOrders: [
        expect.objectContaining({
          number: made.number,
          supplierCode: 'BOLT',
          supplierName: 'Bolt & Co',
          warehouseCode: 'NL-TIL',
          status: 'draft',
          currency: 'EUR',
          expectedDate: '2026-12-20',
          lines: 2,
          units: 5,
          totalMinor: 3 * 199 + 2 * 25,
        }),
      ],
      nextCursor: null,
    });
  });

  it('refuses a cursor it did not give out and a status it does not know, naming the field', async () => {
    expect((await get('/v1/purchase-orders?cursor=PO-NOPE')).json()).toMatchObject({
      code: 'invalid_cursor',
      field: 'cursor',
    });
    const status = await get('/v1/purchase-orders?status=lost');
    expect(status.statusCode).toBe(400);
    expect(status.json().field).toBe('status');
    expect((await get('/v1/purchase-orders?limit=0')).json().field).toBe('limit');
  });
});
