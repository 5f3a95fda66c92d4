// Released reservations move to the archive once their grace period is over, so the reservations
// table intake locks and writes holds the open ones; what is reserved does not change.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveReleasedReservations } from '../../src-server/inventory/reservation-archive';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  reservedUnits,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';

describe.each(BACKENDS)('reservation archive on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend, 'archive');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 100 } });
  });
  afterAll(() => server.close());

  const place = async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': randomUUID() },
      payload: makeOrder({ skus: { 'SKU-1': 2 } }),
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ orderId: string }>().orderId;
  };
  const cancel = async (orderId: string) => {
    const res = await server.app.inject({
      method: 'POST',
      url: `/v1/orders/${orderId}/cancel`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(res.statusCode).toBe(200);
  };
  const idsOf = async (table: 'reservations' | 'reservations_archive', orderIds: string[]) =>
    (
      await server.db.selectFrom(table).select('id').where('order_id', 'in', orderIds).execute()
    ).map((r) => r.id);

  it('moves reservations released before the grace period, keeps the open and the recent ones', async () => {
    const [open, oldCancelled, recentCancelled] = [await place(), await place(), await place()];
    await cancel(oldCancelled);
    await cancel(recentCancelled);
    await sql`update reservations set released_at = now() - interval '2 hours'
      where order_id = ${oldCancelled}`.execute(server.db);
    const oldIds = await idsOf('reservations', [oldCancelled]);
    const reserved = await reservedUnits(server.db, 'SKU-1');

    const moved = await archiveReleasedReservations(server.db, {
      releasedBeforeMs: 60 * 60 * 1000,
      step: 1,
    });

    expect(moved).toBe(oldIds.length);
    expect(await idsOf('reservations', [oldCancelled])).toEqual([]);
    expect((await idsOf('reservations_archive', [oldCancelled])).sort()).toEqual(oldIds.sort());
    expect(await idsOf('reservations', [open])).toHaveLength(1);
    expect(await idsOf('reservations', [recentCancelled])).toHaveLength(1);
    expect(await reservedUnits(server.db, 'SKU-1')).toBe(reserved);
    // Nothing left to move: a second sweep moves nothing.
    expect(await archiveReleasedReservations(server.db)).toBe(0);
  });
});
