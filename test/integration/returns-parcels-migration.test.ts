// Migration 0730 over data of the first release, on PGlite and PostgreSQL: an RMA refunded from
// its one parcel keeps its refund (now keyed by that receipt, its shipping counted), RMAs get an
// expiry 30 days after authorisation, and the stations' RMA and product documents are rewritten
// in the new shape with fresh stamps, so every station pulls them again.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type DatabaseBackend } from '../../src-server/db/connect';
import { migrateTo, migrateToLatest } from '../../src-server/db/migrate';
import { RmaDoc } from '../../shared/sync/documents';
import { seedCatalog, seedChannels } from '../support/oms-fixtures';
import { BACKENDS } from '../support/server-harness';
import { createDatabase } from '../setup/postgres-cluster';

async function openBlank(backend: DatabaseBackend) {
  const databaseUrl =
    backend === 'postgres'
      ? createDatabase(inject('postgresUrl'), `oms_m0730_${randomBytes(4).toString('hex')}`)
      : undefined;
  return openDatabase({ databaseUrl });
}

describe.each(BACKENDS)('migration 0730 over first-release returns on %s', (backend) => {
  let handle: Awaited<ReturnType<typeof openBlank>>;
  const ids = { order: randomUUID(), line: randomUUID(), rma: randomUUID(), rmaLine: randomUUID() };
  const receiptId = 'receipt-legacy';
  const created = new Date('2025-03-01T10:00:00.000Z');

  beforeAll(async () => {
    handle = await openBlank(backend);
    const db = handle.db;
    await migrateTo(db, '0600-demo-seed');
    await seedChannels(db);
    // The schema of 0600 has no inventory ledger yet.
    await seedCatalog(db, { 'SKU-1': { 'NL-TIL': 5 } }, { ledger: false });
    const station = randomUUID();
    await sql`insert into stations (id, warehouse_code, name) values (${station}, 'NL-TIL', 'Tilburg')`.execute(
      db,
    );
    await sql`insert into orders (id, channel_code, channel_order_ref, currency, status, ship_to,
        subtotal_minor, shipping_charged_minor, total_minor, placed_at)
      values (${ids.order}, 'web', 'WEB-LEGACY', 'EUR', 'shipped', '{"name":"Jan"}', 1000, 495, 1495, now())`.execute(
      db,
    );
    await sql`insert into order_lines (id, order_id, line_no, sku, name, quantity, unit_price_minor, line_total_minor)
      values (${ids.line}, ${ids.order}, 1, 'SKU-1', 'Product', 1, 1000, 1000)`.execute(db);
    await sql`insert into rmas (id, code, order_id, warehouse_code, status, reason, refund_method, created_at)
      values (${ids.rma}, 'R-2025-00001', ${ids.order}, 'NL-TIL', 'refunded', 'damaged', 'original_payment', ${created})`.execute(
      db,
    );
    await sql`insert into rma_lines (id, rma_id, order_line_id, sku, quantity, received_quantity, unit_price_minor)
      values (${ids.rmaLine}, ${ids.rma}, ${ids.line}, 'SKU-1', 1, 1, 1000)`.execute(db);
    await sql`insert into return_receipts (id, rma_id, warehouse_code, station_id, operator_id, status, received_at)
      values (${receiptId}, ${ids.rma}, 'NL-TIL', ${station}, 'op', 'accepted', now())`.execute(db);
    await sql`insert into refunds (id, rma_id, order_id, idempotency_key, method, provider, amount_minor, currency, breakdown, status)
      values (${randomUUID()}, ${ids.rma}, ${ids.order}, ${`refund:${ids.rma}`}, 'original_payment', 'ledger', 1495, 'EUR',
        '{"itemsMinor":1000,"feesMinor":0,"shippingMinor":495,"totalMinor":1495}', 'issued')`.execute(
      db,
    );
    const rmaDoc = {
      id: ids.rma,
      code: 'R-2025-00001',
      orderId: ids.order,
      orderNumber: 'WEB-LEGACY',
      warehouseCode: 'NL-TIL',
      status: 'refunded',
      reason: 'damaged',
      reasonText: null,
      refundMethod: 'original_payment',
      customerName: 'Jan',
      trackingNumbers: [],
      ssccs: [],
      lines: [
        {
          rmaLineId: ids.rmaLine,
          orderLineId: ids.line,
          sku: 'SKU-1',
          name: 'Product',
          quantity: 1,
          receivedQuantity: 1,
        },
      ],
      createdAt: created.toISOString(),
    };
    const productDoc = { id: 'SKU-1', name: 'Product', gtins: [] };
    for (const [collection, doc] of [
      ['rmas', rmaDoc],
      ['products', productDoc],
    ] as const) {
      await sql`insert into sync_documents (warehouse_code, collection, id, doc, updated_at, deleted)
        values ('NL-TIL', ${collection}, ${doc.id}, ${JSON.stringify(doc)}, nextval('sync_seq'), false)`.execute(
        db,
      );
    }
    await migrateToLatest(db);
  });
  afterAll(() => handle?.close());

  it("keys the parcel's refund by its receipt and keeps the shipping it gave back", async () => {
    const refund = await handle.db
      .selectFrom('refunds')
      .select(['receipt_id', 'shipping_minor', 'idempotency_key'])
      .where('rma_id', '=', ids.rma)
      .executeTakeFirstOrThrow();
    // The provider already saw the old key: it stays.
    expect(refund).toEqual({
      receipt_id: receiptId,
      shipping_minor: 495,
      idempotency_key: `refund:${ids.rma}`,
    });
    const rma = await handle.db
      .selectFrom('rmas')
      .select('expires_at')
      .where('id', '=', ids.rma)
      .executeTakeFirstOrThrow();
    expect(new Date(rma.expires_at).toISOString()).toBe('2025-03-31T10:00:00.000Z');
  });

  it("rewrites the stations' RMA and product documents in the new shape, restamped", async () => {
    const docs = await handle.db
      .selectFrom('sync_documents')
      .select(['collection', 'doc', 'updated_at'])
      .where('collection', 'in', ['rmas', 'products'])
      .orderBy('collection')
      .execute();
    const [products, rmas] = docs;
    expect(RmaDoc.parse({ ...rmas!.doc, updatedAt: Number(rmas!.updated_at) })).toMatchObject({
      receiptIds: [receiptId],
      expiresAt: '2025-03-31T10:00:00.000Z',
    });
    expect(products!.doc).toMatchObject({ bins: ['A-02'] });
    expect(Number(rmas!.updated_at)).toBeGreaterThan(2);
  });
});
