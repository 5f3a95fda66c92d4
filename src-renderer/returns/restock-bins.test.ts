import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProductDoc } from '../../shared/sync/documents';
import { openStationDatabase, type StationDatabase } from '../db/database';
import { buildCatalogue } from '../picking/catalogue';
import type { PendingItem } from './intake-rules';
import { binIndex, homeBin, restockBin } from './restock-bins';

const product = (id: string, bins: string[]): ProductDoc => ({
  id,
  name: id,
  gtins: [],
  bins,
  weightGrams: 100,
  lengthMm: 10,
  widthMm: 10,
  heightMm: 10,
  hsCode: null,
  originCountry: null,
  requiresLot: false,
  requiresSerial: false,
  requiresExpiry: false,
  updatedAt: 1,
});
const restocking = (sku: string, over: Partial<PendingItem> = {}): PendingItem => ({
  sku,
  match: 'expected',
  grade: 'A',
  disposition: 'restock',
  note: '',
  replaces: null,
  binToConfirm: null,
  ...over,
});

describe('where a restocked unit goes', () => {
  let db: StationDatabase | null = null;
  afterEach(async () => {
    await db?.remove();
    db = null;
  });

  async function syncedBins() {
    db = await openStationDatabase(`bins-${Date.now()}`);
    await db.products.bulkInsert([
      product('LIGHT', ['B-07', 'C-01']),
      product('SCARF', ['A-02']),
      product('MUG', ['A-02', 'B-07']),
      product('NEW', []),
    ]);
    const docs = await db.products.find().exec();
    return binIndex(buildCatalogue(docs.map((d) => d.toJSON() as ProductDoc)).products.values());
  }

  it("suggests the SKU's home bin from the synced products, the fullest first", async () => {
    const bins = await syncedBins();
    expect(homeBin(bins, 'LIGHT')).toBe('B-07');
    expect(homeBin(bins, 'SCARF')).toBe('A-02');
    expect(homeBin(bins, 'NEW')).toBeNull();
  });

  it('takes any bin of the SKU, and an empty bin, without a word', async () => {
    const bins = await syncedBins();
    expect(restockBin(restocking('LIGHT'), 'B-07', bins)).toEqual({ kind: 'restock' });
    expect(restockBin(restocking('LIGHT'), 'C-01', bins)).toEqual({ kind: 'restock' });
    expect(restockBin(restocking('LIGHT'), 'Z-99', bins)).toEqual({ kind: 'restock' });
  });

  it('warns on a bin holding other SKUs, and takes it once the packer confirms it', async () => {
    const bins = await syncedBins();
    const warned = restockBin(restocking('LIGHT'), 'A-02', bins);
    expect(warned).toEqual({ kind: 'confirm', others: expect.arrayContaining(['SCARF', 'MUG']) });
    expect(restockBin(restocking('LIGHT', { binToConfirm: 'A-02' }), 'A-02', bins)).toEqual({
      kind: 'restock',
    });
    // Confirming one bin is no licence for another.
    expect(restockBin(restocking('NEW', { binToConfirm: 'A-02' }), 'B-07', bins)).toMatchObject({
      kind: 'confirm',
    });
  });
});
