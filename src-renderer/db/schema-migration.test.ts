// A station updated from a version-0 database keeps every document it had, including the ones
// still waiting to be sent (updatedAt 0), and opens them under the version-1 schemas.
import 'fake-indexeddb/auto';
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ReturnReceiptDoc, ShipmentDoc, WorkDoc } from '../../shared/sync/documents';
import { openStationDatabase, type StationDatabase } from './database';
import { rxSchemaFromZod } from './rx-schema';

/** The version-0 schemas, as the first stations created them. */
const VERSION_0 = {
  work: rxSchemaFromZod(WorkDoc.omit({ release: true, putBackAt: true }), {
    version: 0,
    indexes: ['updatedAt'],
  }),
  shipments: rxSchemaFromZod(ShipmentDoc.omit({ refusal: true }), {
    version: 0,
    indexes: ['fulfillmentId', 'updatedAt', 'status'],
  }),
  returns: rxSchemaFromZod(ReturnReceiptDoc.omit({ refusal: true }), {
    version: 0,
    indexes: ['receivedAt', 'updatedAt', 'status'],
  }),
};

let db: StationDatabase | null = null;
afterEach(async () => {
  await db?.remove();
  db = null;
});

describe('station database from an older version', () => {
  it('migrates work and shipments of version 0 without losing a field or an unsent change', async () => {
    const stationId = `migrate${Date.now()}`;
    const old = await createRxDatabase({
      name: `station-${stationId}`,
      storage: getRxStorageDexie(),
      multiInstance: false,
    });
    const added = await old.addCollections({
      work: { schema: VERSION_0.work },
      shipments: { schema: VERSION_0.shipments },
      returns: { schema: VERSION_0.returns },
    });
    const work = {
      id: 'f1:st1',
      fulfillmentId: 'f1',
      stationId: 'st1',
      operatorId: 'op1',
      stage: 'picking',
      picked: { l1: 2 },
      shorts: [],
      batch: { id: 'b1', position: 0, tote: 'T-1' },
      updatedAt: 0,
    };
    const shipment = {
      id: 's1',
      fulfillmentId: 'f1',
      stationId: 'st1',
      operatorId: 'op1',
      carrier: 'own',
      service: 'standard',
      cartons: [],
      status: 'refused',
      refusalReason: 'The order was cancelled centrally.',
      confirmedAt: '2026-01-05T10:00:00.000Z',
      updatedAt: 17,
    };
    await added.work.insert(work);
    await added.shipments.insert(shipment);
    await old.close();

    db = await openStationDatabase(stationId);
    expect((await db.work.findOne('f1:st1').exec())?.toJSON()).toEqual(work);
    expect((await db.shipments.findOne('s1').exec())?.toJSON()).toEqual(shipment);
    expect(db.work.schema.version).toBe(1);
  });
});
