// Stations keep their local database across app updates. RxDB refuses to open a collection whose
// schema changed while its version did not, so a station would stop at start-up after an update.
// This test holds the schema each version stands for: change a collection's fields or indexes and
// it fails until the version is bumped (with a migration strategy for the stored documents) and
// the table below is updated.
import 'fake-indexeddb/auto';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FulfillmentDoc, ProductDoc, RmaDoc } from '../../shared/sync/documents';
import { makeFulfillment } from '../printing/print-fixtures';
import { PRINT_JOB_COLLECTIONS } from '../printing/print-job';
import { openStationDatabase, STATION_SCHEMAS } from './database';
import { rxSchemaFromZod } from './rx-schema';

/** The fingerprint of every released version of each schema, version 0 first. */
const RELEASED: Record<string, readonly string[]> = {
  fulfillments: ['5ee0f8e0', '2b654e9d', 'f273c796'],
  products: ['cb689084', '8b569a07'],
  bins: ['bbcc8338'],
  operators: ['cae1047f', '603c492d'],
  work: ['137eed1e', '20574b68'],
  shipments: ['6a6999d3', 'a070b1f6'],
  rmas: ['2d96afa1', 'b6805524'],
  returns: ['e47a8f3a', 'cfadf291'],
  print_jobs: ['899c4266'],
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
      `${name}'s schema changed: bump its version, add a migration strategy, then add its fingerprint to RELEASED`,
    ).toEqual({ version: released!.length - 1, fingerprint: released!.at(-1) });
  });
});

type JsonSchema = RxJsonSchema<Record<string, unknown>> & {
  properties: Record<string, { enum?: string[] }>;
  required: string[];
};

/** Version 0 of a schema, rebuilt from the current one by taking away what version 1 added. */
function withoutV1(name: 'rmas' | 'products'): JsonSchema {
  const schema = structuredClone(STATION_SCHEMAS[name]) as unknown as JsonSchema;
  const added = name === 'rmas' ? ['receiptIds', 'expiresAt'] : ['bins'];
  for (const key of added) delete schema.properties[key];
  schema.required = schema.required.filter((key) => !added.includes(key));
  if (name === 'rmas') {
    const status = schema.properties.status!;
    status.enum = status.enum!.filter(
      (s) => !['partially_received', 'partially_refunded', 'expired'].includes(s),
    );
  }
  return { ...schema, version: 0 };
}

describe('a station updated from the first release', () => {
  it('rebuilds the released version 0 exactly', () => {
    expect(fingerprint(withoutV1('rmas'))).toBe(RELEASED.rmas![0]);
    expect(fingerprint(withoutV1('products'))).toBe(RELEASED.products![0]);
  });

  it('opens its stored RMAs and products in the new shape', async () => {
    const stationId = `upgrade${Date.now()}`;
    const old = await createRxDatabase({
      name: `station-${stationId}`,
      storage: getRxStorageDexie(),
      multiInstance: false,
    });
    await old.addCollections({
      rmas: { schema: withoutV1('rmas') },
      products: { schema: withoutV1('products') },
    });
    const rma = {
      id: 'rma-1',
      code: 'R-2025-00001',
      orderId: 'order-1',
      orderNumber: 'WEB-1',
      warehouseCode: 'NL-TIL',
      status: 'authorised',
      reason: 'damaged',
      reasonText: null,
      refundMethod: 'original_payment',
      customerName: 'Jan',
      trackingNumbers: [],
      ssccs: [],
      lines: [
        {
          rmaLineId: 'l1',
          orderLineId: 'o1',
          sku: 'TEA',
          name: 'Tea',
          quantity: 2,
          receivedQuantity: 0,
        },
      ],
      createdAt: '2025-03-01T10:00:00.000Z',
      updatedAt: 7,
    };
    await old.rmas!.insert(rma);
    await old.products!.insert({
      id: 'TEA',
      name: 'Tea',
      gtins: [],
      weightGrams: 1,
      lengthMm: 1,
      widthMm: 1,
      heightMm: 1,
      hsCode: null,
      originCountry: null,
      requiresLot: false,
      requiresSerial: false,
      requiresExpiry: false,
      updatedAt: 3,
    });
    await old.close();

    const db = await openStationDatabase(stationId);
    try {
      const migrated = (await db.rmas.findOne('rma-1').exec())!.toJSON();
      expect(RmaDoc.parse(migrated)).toMatchObject({
        ...rma,
        receiptIds: [],
        expiresAt: '2025-03-31T10:00:00.000Z',
      });
      const product = (await db.products.findOne('TEA').exec())!.toJSON();
      expect(ProductDoc.parse(product)).toMatchObject({ id: 'TEA', bins: [] });
    } finally {
      await db.remove();
    }
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
    expect(fingerprint(version0)).toBe(RELEASED.fulfillments![0]);
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
