// Where a restocked unit goes: its home bin (the bin its SKU is stocked in here, the fullest
// first, from the synced products), and a warning before it goes into a bin that holds another
// SKU. The packer may still confirm that bin: the warning prevents a slip, it does not forbid.
import type { ProductDoc } from '../../shared/sync/documents';
import type { PendingItem } from './intake-rules';

export interface BinIndex {
  /** Bins the SKU is stocked in at this warehouse, its home bin first. */
  binsOf(sku: string): readonly string[];
  /** SKUs stocked in the bin. */
  skusIn(bin: string): readonly string[];
}

export function binIndex(products: Iterable<Pick<ProductDoc, 'id' | 'bins'>>): BinIndex {
  const bySku = new Map<string, readonly string[]>();
  const byBin = new Map<string, string[]>();
  for (const product of products) {
    bySku.set(product.id, product.bins);
    for (const bin of product.bins) byBin.set(bin, [...(byBin.get(bin) ?? []), product.id]);
  }
  return { binsOf: (sku) => bySku.get(sku) ?? [], skusIn: (bin) => byBin.get(bin) ?? [] };
}

export function homeBin(bins: BinIndex, sku: string): string | null {
  return bins.binsOf(sku)[0] ?? null;
}

export type RestockBin =
  | { kind: 'restock' }
  /** The bin holds other SKUs and none of this one: say so, and take it when scanned again. */
  | { kind: 'confirm'; others: readonly string[] };

export function restockBin(pending: PendingItem, code: string, bins: BinIndex): RestockBin {
  if (pending.binToConfirm === code || bins.binsOf(pending.sku).includes(code))
    return { kind: 'restock' };
  const others = bins.skusIn(code).filter((sku) => sku !== pending.sku);
  return others.length === 0 ? { kind: 'restock' } : { kind: 'confirm', others };
}
