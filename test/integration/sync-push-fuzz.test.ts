// 1,000 hostile bodies per backend sent to POST /v1/sync/:collection/push with a real station
// token, on one database: never a 5xx; every 4xx names what is wrong and changes no row; every
// 200 is exactly what the database then holds; and no other station's rows ever change.
import fc from 'fast-check';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfillmentDoc } from '../../shared/sync/documents';
import { digestRows, type PUSH_TOUCHED_TABLES } from '../support/db-snapshot';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import {
  enrolTestStation,
  makeWork,
  releasedFulfillment,
  syncClient,
  type EnrolledTestStation,
} from '../support/sync-fixtures';
import { buildPushBody, pushPlan, type PushWorld, type Stored } from './hostile-push';
import {
  createRma,
  GHENT_ADDRESS,
  makeItem,
  makeReceipt,
  pushReceipt,
  shipOrder,
} from './returns-helpers';

const WRITABLE = ['work', 'shipments', 'returns'];
/** Codes about one field of the request: their answer must say which (`field`). */
const FIELD_CODES = new Set([
  'validation_failed',
  'invalid_document',
  'duplicate_document',
  'read_only_collection',
  'foreign_station',
  'foreign_document',
  'unknown_fulfillment',
  'unknown_line',
  'unknown_rma',
  'verdict_not_yours',
  'write_conflict',
]);
/** Codes about the request as a whole: a body that is no JSON or too big, a path of no route. */
const REQUEST_CODES = new Set(['malformed_json', 'body_too_large', 'not_found']);

type Json = Record<string, unknown>;

/** Every key and value of `stored` is in `sent` (the server drops unknown fields, adds none). */
function containedIn(stored: unknown, sent: unknown): boolean {
  if (Array.isArray(stored))
    return (
      Array.isArray(sent) &&
      stored.length === sent.length &&
      stored.every((v, i) => containedIn(v, sent[i]))
    );
  if (typeof stored === 'object' && stored !== null)
    return (
      typeof sent === 'object' &&
      sent !== null &&
      Object.entries(stored).every(([k, v]) => containedIn(v, (sent as Json)[k]))
    );
  return stored === sent;
}

describe.each(BACKENDS)('hostile station pushes on %s', (backend) => {
  let server: TestServer;
  let world: PushWorld;
  let victimRows: Partial<Record<(typeof PUSH_TOUCHED_TABLES)[number], RawBuilder<boolean>>>;

  const storedOf = async (stationId: string) =>
    (
      await server.db
        .selectFrom('sync_documents')
        .select(['warehouse_code', 'collection', 'id', 'doc', 'updated_at', 'deleted'])
        .where('collection', 'in', WRITABLE)
        .where(sql<boolean>`doc->>'stationId' = ${stationId}`)
        .orderBy('collection')
        .orderBy('id')
        .execute()
    ).map((r) => ({ ...r, updated_at: Number(r.updated_at) }));

  async function pulledBy(station: EnrolledTestStation): Promise<Stored[]> {
    const client = syncClient(server.app, station);
    const docs: Stored[] = [];
    for (const collection of WRITABLE)
      for (const doc of await client.pullAll(collection)) docs.push({ collection, doc });
    return docs;
  }

  beforeAll(async () => {
    server = await startTestServer(backend, 'push_fuzz');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 10_000, 'BE-GNT': 10_000 },
      'SKU-2': { 'NL-TIL': 10_000, 'BE-GNT': 10_000 },
    });
    const fuzz = await enrolTestStation(server.app, 'NL-TIL', 'Fuzz');
    const tilburg = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 1');
    const ghent = await enrolTestStation(server.app, 'BE-GNT', 'Ghent 1');

    // Other stations' documents: a shipment, work and an accepted return receipt each.
    const foreignRmaIds: string[] = [];
    const foreignFulfillments: FulfillmentDoc[] = [];
    for (const [victim, over] of [
      [tilburg, {}],
      [ghent, { shipTo: GHENT_ADDRESS }],
    ] as const) {
      const shipped = await shipOrder(server.app, victim, { 'SKU-1': 1 }, over);
      const rma = (await createRma(server.app, shipped, { 'SKU-1': 1 })).json() as { id: string };
      const receipt = makeReceipt(victim, rma.id, [makeItem('SKU-1')]);
      expect((await pushReceipt(server.app, victim, receipt)).json()[0].status).toBe('accepted');
      const open = await releasedFulfillment(server.app, victim, { 'SKU-2': 1 }, over);
      const work = makeWork(victim, open, { picked: { [open.lines[0]!.lineId]: 1 } });
      await syncClient(server.app, victim).push('work', [
        { newDocumentState: { ...work, _deleted: false } },
      ]);
      if (victim === ghent) {
        foreignRmaIds.push(rma.id);
        foreignFulfillments.push(shipped.fulfillment, open);
      }
    }
    // The fuzzing station's own: an RMA of its warehouse and released work.
    const ownShipped = await shipOrder(server.app, fuzz, { 'SKU-2': 2 });
    const ownRma = (await createRma(server.app, ownShipped, { 'SKU-2': 2 })).json() as {
      id: string;
    };
    const fulfillments: FulfillmentDoc[] = [];
    for (let i = 0; i < 4; i++)
      fulfillments.push(
        await releasedFulfillment(server.app, fuzz, { 'SKU-1': 1 + (i % 2), 'SKU-2': 1 }),
      );
    world = {
      fuzz,
      fulfillments,
      foreignFulfillments,
      rmaIds: [ownRma.id],
      foreignRmaIds,
      victimStationIds: [tilburg.stationId, ghent.stationId],
      victimDocs: [...(await pulledBy(tilburg)), ...(await pulledBy(ghent))],
    };
    const others = sql<boolean>`x.station_id <> ${fuzz.stationId}`;
    const ghentOrders = sql`(select order_id from fulfillment_orders where warehouse_code = 'BE-GNT')`;
    const ghentRmas = sql`(select id from rmas where warehouse_code = 'BE-GNT')`;
    const inGhent = sql<boolean>`x.warehouse_code = 'BE-GNT'`;
    victimRows = {
      sync_documents: sql<boolean>`x.warehouse_code = 'BE-GNT' or (x.collection in ('work', 'shipments', 'returns') and x.doc->>'stationId' <> ${fuzz.stationId})`,
      shipments: others,
      cartons: sql<boolean>`x.shipment_id in (select id from shipments where station_id <> ${fuzz.stationId})`,
      return_receipts: others,
      return_items: sql<boolean>`x.receipt_id in (select id from return_receipts where station_id <> ${fuzz.stationId})`,
      stock: inGhent,
      fulfillment_orders: inGhent,
      reservations: inGhent,
      rmas: inGhent,
      orders: sql<boolean>`x.id in ${ghentOrders}`,
      order_events: sql<boolean>`x.order_id in ${ghentOrders}`,
      outbox_events: sql<boolean>`x.aggregate_id in (select order_id::text from fulfillment_orders where warehouse_code = 'BE-GNT')
        or x.aggregate_id in (select id from return_receipts where station_id <> ${fuzz.stationId})`,
      rma_lines: sql<boolean>`x.rma_id in ${ghentRmas}`,
      rma_events: sql<boolean>`x.rma_id in ${ghentRmas}`,
      refunds: sql<boolean>`x.rma_id in ${ghentRmas}`,
    };
  }, 60_000);
  afterAll(() => server.close());

  it('answers 1,000 hostile bodies with no 5xx, named 4xx that write nothing, and 200s the database matches', async () => {
    const { fuzz } = world;
    const victimsBefore = await digestRows(server.db, victimRows);
    let rowsBefore = await digestRows(server.db);
    /** What the fuzzing station has stored, as the 200 answers left it: `collection id` → row. */
    const model = new Map(
      (await storedOf(fuzz.stationId)).map((r) => [`${r.collection} ${r.id}`, r]),
    );
    const own = () => [...model.values()].map((r) => ({ collection: r.collection, doc: r.doc }));
    const statuses = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(pushPlan, async (plan) => {
        const { url, text } = buildPushBody(plan, world, own());
        const res = await server.app.inject({
          method: 'POST',
          url,
          headers: { ...bearer(fuzz.token), 'content-type': 'application/json' },
          payload: text,
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
        const answer = res.json();
        if (res.statusCode >= 400) {
          expect(answer).toEqual(
            expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
          );
          expect([...FIELD_CODES, ...REQUEST_CODES], res.body.slice(0, 300)).toContain(answer.code);
          if (FIELD_CODES.has(answer.code)) expect(answer.field).toEqual(expect.any(String));
          expect(await digestRows(server.db)).toBe(rowsBefore);
        } else {
          expect(res.statusCode).toBe(200);
          const sent = (JSON.parse(text) as { rows: { newDocumentState: Json }[] }).rows;
          const stored = new Map(
            (await storedOf(fuzz.stationId)).map((r) => [`${r.collection} ${r.id}`, r]),
          );
          for (const conflict of answer as Json[]) {
            expect(conflict.stationId).toBe(fuzz.stationId);
            expect(sent.map((r) => r.newDocumentState.id)).toContain(conflict.id);
          }
          for (const { newDocumentState: doc } of sent) {
            const key = `${plan.collection} ${String(doc.id)}`;
            const row = stored.get(key);
            expect(row?.warehouse_code).toBe(fuzz.warehouseCode);
            const conflict = (answer as Json[]).find((c) => c.id === doc.id);
            if (conflict) {
              expect({ ...row!.doc, updatedAt: row!.updated_at, _deleted: row!.deleted }).toEqual(
                conflict,
              );
            } else {
              expect(containedIn(row!.doc, doc), JSON.stringify(row!.doc)).toBe(true);
              expect(row!.deleted).toBe(doc._deleted);
            }
            model.set(key, row!);
          }
          rowsBefore = await digestRows(server.db);
        }
        expect(await digestRows(server.db, victimRows)).toBe(victimsBefore);
      }),
      { numRuns: 1000 },
    );

    // Every stored document of the fuzzing station is one a 200 answer accounted for.
    expect(
      new Map((await storedOf(fuzz.stationId)).map((r) => [`${r.collection} ${r.id}`, r])),
    ).toEqual(model);
    // The run reached the writes, not only the refusals.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect(statuses.size).toBeGreaterThan(3);
  }, 180_000);
});
