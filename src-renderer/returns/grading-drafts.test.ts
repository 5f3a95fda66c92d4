import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationDatabase, type StationDatabase } from '../db/database';
import { draftForRma, loadDeskDrafts, saveDeskDraft } from './grading-drafts';
import type { PendingItem } from './intake-rules';

const parcel = { receiptId: 'receipt-1', rmaId: 'rma-1', receivedAt: '2025-03-05T09:00:00.000Z' };
const halfGraded: PendingItem = {
  sku: 'LIGHT',
  match: 'expected',
  grade: 'B',
  disposition: null,
  note: 'scratched lens',
  replaces: null,
  binToConfirm: null,
};

describe('a unit graded half-way', () => {
  let db: StationDatabase | null = null;
  let stationId = '';
  afterEach(async () => {
    await db?.remove();
    db = null;
  });
  const reload = async () => {
    await db!.close();
    db = await openStationDatabase(stationId);
  };

  it('is kept across a reload of the station and resumes on its parcel', async () => {
    stationId = `drafts${Date.now()}`;
    db = await openStationDatabase(stationId);
    await saveDeskDraft(db, { parcel, pending: halfGraded });
    await reload();
    const kept = await loadDeskDrafts(db!);
    expect(kept.current).toMatchObject({ parcel, pending: halfGraded });
    expect(draftForRma(kept, 'rma-1')?.pending).toEqual(halfGraded);
  });

  it('stays with its parcel when the packer goes back to find another return, and ends once committed', async () => {
    stationId = `drafts-away${Date.now()}`;
    db = await openStationDatabase(stationId);
    await saveDeskDraft(db, { parcel, pending: halfGraded });
    await saveDeskDraft(db, { parcel: null, pending: null });
    await reload();
    const away = await loadDeskDrafts(db!);
    expect(away.current).toBeNull();
    expect(draftForRma(away, 'rma-1')).toMatchObject({ parcel, pending: halfGraded });

    await saveDeskDraft(db!, { parcel, pending: null });
    await saveDeskDraft(db!, { parcel: null, pending: null });
    expect(draftForRma(await loadDeskDrafts(db!), 'rma-1')).toBeNull();
  });

  it('keeps the later of two quick saves, and reads a damaged draft as none', async () => {
    stationId = `drafts-order${Date.now()}`;
    db = await openStationDatabase(stationId);
    void saveDeskDraft(db, { parcel, pending: halfGraded });
    await saveDeskDraft(db, { parcel, pending: { ...halfGraded, disposition: 'restock' } });
    expect((await loadDeskDrafts(db)).current?.pending?.disposition).toBe('restock');
    await db.upsertLocal('returns-desk', { current: 'receipt-1', drafts: { 'receipt-1': 7 } });
    expect(await loadDeskDrafts(db)).toEqual({ current: null, drafts: new Map() });
  });
});
