// A station's shipment confirmation and an order placed at the same moment, on PostgreSQL: both
// lock the stock rows of the SKUs they touch, and both in the same order (sku, warehouse, bin),
// so they wait for each other instead of deadlocking. Staged exactly: an intake transaction
// holds SKU-1's stock, the confirmation of a fulfillment whose first line is SKU-2 starts and
// waits, then the intake transaction goes on to lock SKU-2.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfillmentDoc } from '../../shared/sync/documents';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { startTestServer, type TestServer } from '../support/server-harness';
import {
  enrolTestStation,
  makeShipment,
  syncClient,
  type EnrolledTestStation,
} from '../support/sync-fixtures';

describe('shipment confirmation and intake lock stock in one order (PostgreSQL)', () => {
  let server: TestServer;
  let tilburg: EnrolledTestStation;

  beforeAll(async () => {
    server = await startTestServer('postgres', 'shipment_lock_order');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 50 }, 'SKU-2': { 'NL-TIL': 50 } });
    tilburg = await enrolTestStation(server.app, 'NL-TIL');
  });
  afterAll(() => server.close());

  it('a confirmation waiting behind an order placement does not deadlock it', async () => {
    const placed = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': randomUUID() },
      payload: makeOrder({ skus: { 'SKU-2': 1, 'SKU-1': 1 } }),
    });
    expect(placed.statusCode).toBe(201);
    const client = syncClient(server.app, tilburg);
    const fulfillment = (
      (await client.pullAll('fulfillments')) as unknown as FulfillmentDoc[]
    ).find((d) => d.orderId === placed.json().orderId)!;
    // Lines in the order the confirmation meets them: SKU-2 before SKU-1.
    const ordered = {
      ...fulfillment,
      lines: [...fulfillment.lines].sort((a) => (a.sku === 'SKU-2' ? -1 : 1)),
    };

    await server.db.connection().execute(async (intake) => {
      await sql`begin`.execute(intake);
      try {
        await sql`set local lock_timeout = '10s'`.execute(intake);
        await sql`select 1 from stock where sku = 'SKU-1' for update`.execute(intake);
        const pushed = client.push('shipments', [
          { newDocumentState: { ...makeShipment(tilburg, ordered), _deleted: false } },
        ]);
        // Wait until the confirmation is blocked on a row lock.
        for (let i = 0; i < 200; i++) {
          const { rows } = await sql<{ n: string }>`
            select count(*) as n from pg_stat_activity
            where wait_event_type = 'Lock' and pid <> pg_backend_pid()`.execute(intake);
          if (Number(rows[0]!.n) > 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        // Intake goes on to the next SKU: it must get it (the confirmation holds nothing yet).
        await sql`select 1 from stock where sku = 'SKU-2' for update`.execute(intake);
        await sql`commit`.execute(intake);
        const answer = await pushed;
        expect(answer.statusCode).toBe(200);
        expect(answer.json()[0]?.status).toBe('accepted');
      } catch (error) {
        await sql`rollback`.execute(intake).catch(() => undefined);
        throw error;
      }
    });
  });
});
