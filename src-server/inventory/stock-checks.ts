// What adjustments and transfers check before stock moves: that warehouse, bin and product exist
// (422 naming the field), and a SKU's stock in a warehouse read under its row locks.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';

type Trx = Transaction<Database>;

export async function assertWarehouse(trx: Trx, code: string, field: string): Promise<void> {
  const found = await trx
    .selectFrom('warehouses')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!found) throw new ApiError(422, 'unknown_warehouse', `There is no warehouse ${code}.`, field);
}

export async function assertBin(
  trx: Trx,
  warehouseCode: string,
  binCode: string,
  field: string,
): Promise<void> {
  const found = await trx
    .selectFrom('bins')
    .select('code')
    .where('warehouse_code', '=', warehouseCode)
    .where('code', '=', binCode)
    .executeTakeFirst();
  if (!found)
    throw new ApiError(
      422,
      'unknown_bin',
      `Bin ${binCode} is not a bin of ${warehouseCode}.`,
      field,
    );
}

/** The SKU of a scanned code (the SKU itself or one of its GTINs); null when unknown. */
export async function skuOf(trx: Trx, code: string): Promise<string | null> {
  const product = await trx
    .selectFrom('products')
    .leftJoin('product_gtins', 'product_gtins.sku', 'products.sku')
    .select('products.sku')
    .where((eb) => eb.or([eb('products.sku', '=', code), eb('product_gtins.gtin', '=', code)]))
    .executeTakeFirst();
  return product?.sku ?? null;
}

export interface LockedSkuStock {
  bins: { binCode: string; onHand: number; walkSequence: number }[];
  onHand: number;
  reserved: number;
}

/**
 * A SKU's bins in a warehouse, locked in intake's order (sku, warehouse, bin), and its open
 * reservations read after the locks are held (a fresh snapshot: see stock-locks.ts).
 */
export async function lockSkuStock(
  trx: Trx,
  warehouseCode: string,
  sku: string,
): Promise<LockedSkuStock> {
  const { rows } = await sql<{ bin_code: string; on_hand: number; walk_sequence: number }>`
    select s.bin_code, s.on_hand, b.walk_sequence
    from stock s join bins b on b.warehouse_code = s.warehouse_code and b.code = s.bin_code
    where s.warehouse_code = ${warehouseCode} and s.sku = ${sku}
    order by s.sku, s.warehouse_code, s.bin_code
    for update of s`.execute(trx);
  const reserved = await sql<{ reserved: number }>`
    select coalesce(sum(quantity), 0)::int as reserved from reservations
    where released_at is null and warehouse_code = ${warehouseCode} and sku = ${sku}`.execute(trx);
  const bins = rows.map((r) => ({
    binCode: r.bin_code,
    onHand: r.on_hand,
    walkSequence: r.walk_sequence,
  }));
  return {
    bins,
    onHand: bins.reduce((n, b) => n + b.onHand, 0),
    reserved: reserved.rows[0]?.reserved ?? 0,
  };
}
