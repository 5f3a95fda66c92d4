// A fulfillment ships once, held by the database itself (migrations 0100 and 0700): a second
// accepted shipment, an accepted shipment turned refused, a carton moved to another shipment or
// a second `shipped` event are refused by PostgreSQL whatever the code does; and a confirmation
// that only learns at the database that another one won is answered as a refusal, not a 500.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src-server/db/schema';
import { seedCatalog, seedChannels } from '../support/oms-fixtures';
import { BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import {
  enrolTestStation,
  makeShipment,
  releasedFulfillment,
  shipFulfillment,
  syncClient,
  type EnrolledTestStation,
} from '../support/sync-fixtures';

const violation = (constraintOrMessage: RegExp) =>
  expect.objectContaining({
    code: expect.stringMatching(/^23/),
    message: expect.stringMatching(constraintOrMessage),
  });

async function acceptedShipments(db: Kysely<Database>, fulfillmentId: string) {
  return db
    .selectFrom('shipments')
    .select(['id', 'station_id'])
    .where('fulfillment_id', '=', fulfillmentId)
    .where('status', '=', 'accepted')
    .execute();
}

describe.each(BACKENDS)('the database ships a fulfillment once on %s', (backend) => {
  let server: TestServer;
  let tilburg1: EnrolledTestStation;

  beforeAll(async () => {
    server = await startTestServer(backend, 'ship_once');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 20 } });
    tilburg1 = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 1');
  });
  afterAll(() => server.close());

  it('refuses a second accepted shipment, a changed verdict, a moved carton and a second shipped event', async () => {
    const fulfillment = await releasedFulfillment(server.app, tilburg1, { 'SKU-1': 1 });
    const shipment = await shipFulfillment(server.app, tilburg1, fulfillment);
    const db = server.db;

    await expect(
      db
        .insertInto('shipments')
        .values({
          id: randomUUID(),
          fulfillment_id: fulfillment.id,
          station_id: tilburg1.stationId,
          operator_id: 'op-1',
          carrier: 'postnl',
          service: 'parcel',
          status: 'accepted',
          confirmed_at: new Date().toISOString(),
        })
        .execute(),
    ).rejects.toEqual(violation(/shipments_one_accepted/));
    await expect(
      db
        .updateTable('shipments')
        .set({ status: 'refused', refusal_reason: 'forged' })
        .where('id', '=', shipment.id)
        .execute(),
    ).rejects.toEqual(violation(/verdict is final/));
    await expect(
      db
        .updateTable('cartons')
        .set({ tracking_number: 'CP999999999NL' })
        .where('shipment_id', '=', shipment.id)
        .execute(),
    ).resolves.toBeDefined();
    await expect(
      db
        .updateTable('cartons')
        .set({ tracking_number: 'CP000000000NL' })
        .where('shipment_id', '=', shipment.id)
        .execute(),
    ).rejects.toEqual(violation(/only get a missing tracking number/));
    const order = await db
      .selectFrom('fulfillment_orders')
      .select('order_id')
      .where('id', '=', fulfillment.id)
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('order_events')
        .values({
          order_id: order.order_id,
          type: 'shipped',
          actor: 'test',
          detail: JSON.stringify({ fulfillmentId: fulfillment.id }),
        })
        .execute(),
    ).rejects.toEqual(violation(/order_events_shipped_once/));
    expect(await acceptedShipments(db, fulfillment.id)).toEqual([
      { id: shipment.id, station_id: tilburg1.stationId },
    ]);
  });
});

describe('a confirmation that loses the race at the database (PostgreSQL)', () => {
  let server: TestServer;
  let tilburg1: EnrolledTestStation;
  let tilburg2: EnrolledTestStation;

  beforeAll(async () => {
    server = await startTestServer('postgres', 'ship_once_race');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 20 } });
    tilburg1 = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 1');
    tilburg2 = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 2');
  });
  afterAll(() => server.close());

  it('is answered as a refusal, and exactly one shipment is accepted', async () => {
    const fulfillment = await releasedFulfillment(server.app, tilburg1, { 'SKU-1': 1 });
    const onHand = () =>
      server.db
        .selectFrom('stock')
        .select('on_hand')
        .where('sku', '=', 'SKU-1')
        .executeTakeFirstOrThrow();
    const stockBefore = await onHand();
    const winner = randomUUID();

    // Tilburg 1's confirmation, reduced to the row that decides the race and held uncommitted:
    // Tilburg 2's confirmation passes every check in code (the row is not visible yet) and meets
    // it only in the unique index shipments_one_accepted. The row goes in without its foreign-key
    // check (replica role), whose share lock on the fulfillment would queue Tilburg 2 at the
    // fulfillment lock, where the code decides and the index is never reached.
    await server.db.connection().execute(async (first) => {
      await sql`begin`.execute(first);
      try {
        await sql`set local lock_timeout = '10s'`.execute(first);
        await sql`set local session_replication_role = replica`.execute(first);
        await first
          .insertInto('shipments')
          .values({
            id: winner,
            fulfillment_id: fulfillment.id,
            station_id: tilburg1.stationId,
            operator_id: 'op-1',
            carrier: fulfillment.carrier,
            service: fulfillment.service,
            status: 'accepted',
            confirmed_at: new Date().toISOString(),
          })
          .execute();
        const loser = makeShipment(tilburg2, fulfillment);
        const pushed = syncClient(server.app, tilburg2).push('shipments', [
          { newDocumentState: { ...loser, _deleted: false } },
        ]);
        let waitingAt: string | undefined;
        for (let i = 0; i < 400 && !waitingAt; i++) {
          // Statistics are read once per transaction unless the snapshot is cleared.
          await sql`select pg_stat_clear_snapshot()`.execute(first);
          const { rows } = await sql<{ query: string }>`
            select query from pg_stat_activity
            where wait_event_type = 'Lock' and datname = current_database()
              and pid <> pg_backend_pid()`.execute(first);
          waitingAt = rows[0]?.query;
          if (!waitingAt) await new Promise((r) => setTimeout(r, 25));
        }
        // Blocked on the index entry of the uncommitted winner, past every check in code.
        expect(waitingAt).toMatch(/^insert into "shipments"/);
        await sql`commit`.execute(first);

        const answer = await pushed;
        expect(answer.statusCode).toBe(200);
        expect(answer.json()).toEqual([
          expect.objectContaining({
            id: loser.id,
            status: 'refused',
            refusalReason: expect.stringContaining(
              `Already shipped by station Tilburg 1 (shipment ${winner})`,
            ),
          }),
        ]);
      } catch (error) {
        await sql`rollback`.execute(first).catch(() => undefined);
        throw error;
      }
    });

    expect(await acceptedShipments(server.db, fulfillment.id)).toEqual([
      { id: winner, station_id: tilburg1.stationId },
    ]);
    expect(await onHand()).toEqual(stockBefore);
    const shipped = await server.db
      .selectFrom('order_events')
      .select('id')
      .where('type', '=', 'shipped')
      .where((eb) => eb(eb.ref('detail', '->>').key('fulfillmentId'), '=', fulfillment.id))
      .execute();
    expect(shipped).toEqual([]);
    expect(
      await server.db
        .selectFrom('cartons')
        .select('sscc')
        .innerJoin('shipments', 'shipments.id', 'cartons.shipment_id')
        .where('shipments.fulfillment_id', '=', fulfillment.id)
        .execute(),
    ).toEqual([]);
  });
});
