import 'fake-indexeddb/auto';
import { firstValueFrom, filter } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FulfillmentDoc } from '../../shared/sync/documents';
import { openStationDatabase, type StationDatabase } from '../db/database';
import { makeFulfillment } from '../printing/print-fixtures';
import { waitingCount$ } from './waiting-count';

let db: StationDatabase;
afterEach(async () => {
  await db?.remove();
});

const statuses: FulfillmentDoc['status'][] = ['released', 'picking', 'packed', 'shipped'];

describe('the number of fulfillment orders waiting', () => {
  it('counts released and picking orders over the status index, and follows new ones', async () => {
    db = await openStationDatabase(`waiting-${Date.now()}`);
    await db.fulfillments.bulkInsert(
      Array.from({ length: 40 }, (_, i) =>
        makeFulfillment({ id: `f${i}`, orderNumber: `#${i}`, status: statuses[i % 4]! }),
      ),
    );
    const counts = waitingCount$(db);
    expect(await firstValueFrom(counts)).toBe(20);
    await db.fulfillments.insert(makeFulfillment({ id: 'f-new', status: 'released' }));
    expect(await firstValueFrom(counts.pipe(filter((n) => n === 21)))).toBe(21);
  });
});
