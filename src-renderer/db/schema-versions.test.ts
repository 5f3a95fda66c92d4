// Stations keep their local database across app updates. RxDB refuses to open a collection whose
// schema changed while its version did not, so a station would stop at start-up after an update.
// This test holds the schema each version stands for: change a collection's fields or indexes and
// it fails until the version is bumped (with a migration strategy for the stored documents) and
// the table below is updated.
import 'fake-indexeddb/auto';
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FulfillmentDoc } from '../../shared/sync/documents';
import { makeFulfillment } from '../printing/print-fixtures';
import { PRINT_JOB_COLLECTIONS } from '../printing/print-job';
import { openStationDatabase, STATION_SCHEMAS } from './database';
import { rxSchemaFromZod } from './rx-schema';

/** What stations run now. fulfillments 0 was '5ee0f8e0' (before order money). */
const RELEASED: Record<string, { version: number; fingerprint: string }> = {
  fulfillments: { version: 1, fingerprint: '2b654e9d' },
  products: { version: 0, fingerprint: 'cb689084' },
  bins: { version: 0, fingerprint: 'bbcc8338' },
  operators: { version: 0, fingerprint: 'cae1047f' },
  work: { version: 0, fingerprint: '137eed1e' },
  shipments: { version: 0, fingerprint: '6a6999d3' },
  rmas: { version: 0, fingerprint: '2d96afa1' },
  returns: { version: 0, fingerprint: 'e47a8f3a' },
  print_jobs: { version: 0, fingerprint: '899c4266' },
};

/** FNV-1a over the schema's JSON: stable across runs and platforms. */
function fingerprint(value: unknown): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(value)) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

describe('station database schemas', () => {
  const schemas: Record<string, { version: number }> = {
    ...STATION_SCHEMAS,
    ...Object.fromEntries(
      Object.entries(PRINT_JOB_COLLECTIONS).map(([name, c]) => [name, c.schema]),
    ),
  };

  it.each(Object.keys(schemas))('%s changes only with a new version', (name) => {
    const schema = schemas[name]!;
    const released = RELEASED[name];
    expect(released, `${name} is new: add it to RELEASED`).toBeDefined();
    expect(
      { version: schema.version, fingerprint: fingerprint(schema) },
      `${name}'s schema changed: bump its version, add a migration strategy, then update RELEASED`,
    ).toEqual(released);
  });
});

describe('fulfillments version 0 → 1', () => {
  /** The version-0 schema: today's document without the order money. */
  const version0 = rxSchemaFromZod(
    FulfillmentDoc.omit({ orderMoney: true }).extend({
      lines: z.array(
        FulfillmentDoc.shape.lines.element.omit({ amountCents: true, taxRatePercent: true }),
      ),
    }),
    { version: 0, indexes: ['status', 'updatedAt'] },
  );

  it('rebuilds the released version-0 schema exactly', () => {
    expect(fingerprint(version0)).toBe('5ee0f8e0');
  });

  it('keeps the fulfillments a station stored under version 0 when it opens version 1', async () => {
    const old = await createRxDatabase({
      name: 'station-migration1',
      storage: getRxStorageDexie(),
      multiInstance: false,
    });
    await old.addCollections({ fulfillments: { schema: version0 } });
    const { orderMoney: _money, ...stored } = makeFulfillment({ id: 'f-old' });
    await old.fulfillments!.insert({
      ...stored,
      lines: stored.lines.map(({ amountCents: _a, taxRatePercent: _t, ...line }) => line),
    });
    await old.close();

    const db = await openStationDatabase('migration1');
    try {
      const doc = await db.fulfillments.findOne('f-old').exec();
      expect(doc?.toJSON()).toMatchObject({ id: 'f-old', orderNumber: stored.orderNumber });
      expect(doc?.toJSON().orderMoney).toBeUndefined();
    } finally {
      await db.remove();
    }
  });
});
