// The products this warehouse knows, indexed for scanning: GTIN → SKU is built once per change of
// the products collection (rare), so each scan is a Map lookup rather than a database query.
import { useEffect, useState } from 'react';
import type { ProductDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';

export interface Catalogue {
  skuByGtin: Map<string, string>;
  products: Map<string, ProductDoc>;
}

export function buildCatalogue(products: readonly ProductDoc[]): Catalogue {
  const skuByGtin = new Map<string, string>();
  const bySku = new Map<string, ProductDoc>();
  for (const product of products) {
    bySku.set(product.id, product);
    for (const gtin of product.gtins) skuByGtin.set(gtin, product.id);
  }
  return { skuByGtin, products: bySku };
}

export function useCatalogue(db: StationDatabase | null): Catalogue | null {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  useEffect(() => {
    if (!db) return;
    const sub = db.products
      .find()
      .$.subscribe((docs) =>
        setCatalogue(buildCatalogue(docs.map((d) => d.toJSON() as ProductDoc))),
      );
    return () => sub.unsubscribe();
  }, [db]);
  return catalogue;
}
