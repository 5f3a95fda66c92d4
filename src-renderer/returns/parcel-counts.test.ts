import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationDatabase, type StationDatabase } from '../db/database';
import { saveReturnReceipt } from '../sync/station-writes';
import { lineProgress, matchScannedSku } from './intake-rules';
import { loadReceivedBefore, parcelAdds } from './parcel-counts';
import { makeItem, makeReceipt, makeRma } from './returns-fixtures';

const LIGHTS = makeRma({
  lines: [
    {
      rmaLineId: 'line-light',
      orderLineId: 'ol-1',
      sku: 'LIGHT',
      name: 'Bike light',
      quantity: 2,
      receivedQuantity: 0,
    },
    {
      rmaLineId: 'line-scarf',
      orderLineId: 'ol-2',
      sku: 'SCARF',
      name: 'Scarf',
      quantity: 1,
      receivedQuantity: 0,
    },
  ],
});
const light = (id: string) => makeItem({ id, sku: 'LIGHT' });
const scarf = (id: string) => makeItem({ id, sku: 'SCARF' });
const counts = (rma: ReturnType<typeof makeRma> | null) =>
  Object.fromEntries(rma!.lines.map((l) => [l.sku, l.receivedQuantity]));

describe('what an RMA received so far, at the station', () => {
  let db: StationDatabase | null = null;
  afterEach(async () => {
    await db?.remove();
    db = null;
  });

  it('counts the central counts plus its own parcels the central OMS has not counted, never one twice', async () => {
    db = await openStationDatabase(`counts-${Date.now()}`);
    const first = makeReceipt({ id: 'p1', items: [light('I1'), scarf('I2')], status: 'submitted' });
    await db.rmas.insert(LIGHTS);
    await saveReturnReceipt(db, first);
    // Offline: the first parcel is waiting to be sent; the second parcel starts.
    expect(counts(await loadReceivedBefore(db, LIGHTS.id, 'p2'))).toEqual({ LIGHT: 1, SCARF: 1 });

    // The central OMS accepted it, but its RMA document has not arrived yet: still counted once.
    await db.returns.upsert({ ...first, status: 'accepted', refundMinor: 2000, updatedAt: 21 });
    expect(counts(await loadReceivedBefore(db, LIGHTS.id, 'p2'))).toEqual({ LIGHT: 1, SCARF: 1 });

    // The RMA document arrives counting it: the station does not add it again.
    const counted = {
      ...LIGHTS,
      status: 'partially_refunded' as const,
      receiptIds: ['p1'],
      lines: [
        { ...LIGHTS.lines[0]!, receivedQuantity: 1 },
        { ...LIGHTS.lines[1]!, receivedQuantity: 1 },
      ],
      updatedAt: 20,
    };
    await db.rmas.upsert(counted);
    const before = await loadReceivedBefore(db, LIGHTS.id, 'p2');
    expect(counts(before)).toEqual({ LIGHT: 1, SCARF: 1 });
    expect(
      lineProgress(before!, [light('I1')]).map((l) => `${l.sku} ${l.received}/${l.authorised}`),
    ).toEqual(['LIGHT 2/2', 'SCARF 1/1']);
    expect(matchScannedSku(before!, [], 'LIGHT')).toBe('expected');
    expect(matchScannedSku(before!, [], 'SCARF')).toBe('extra');

    // Looking at the first, finished parcel again shows what the central OMS counts: 1 of 2.
    const again = await loadReceivedBefore(db, LIGHTS.id, 'p1');
    expect(
      lineProgress(again!, parcelAdds(counted, 'p1', first.items)).map((l) => l.received),
    ).toEqual([1, 1]);
  });

  it('does not count a parcel the central OMS refused', async () => {
    db = await openStationDatabase(`counts-refused-${Date.now()}`);
    await db.rmas.insert(LIGHTS);
    await db.returns.insert(
      makeReceipt({
        id: 'p1',
        items: [light('I1')],
        status: 'refused',
        refusalReason: 'x',
        updatedAt: 4,
      }),
    );
    expect(counts(await loadReceivedBefore(db, LIGHTS.id, 'p2'))).toEqual({ LIGHT: 0, SCARF: 0 });
  });
});
