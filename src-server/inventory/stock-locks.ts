// Availability for sourcing, read under row locks. Locking every stock row of the ordered SKUs in
// one deterministic order (sku, warehouse, bin) serialises orders that compete for the same SKU
// without deadlocks, so two orders can never both reserve the last unit.
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

export interface LockedBin {
  warehouseCode: string;
  sku: string;
  binCode: string;
  onHand: number;
  walkSequence: number;
}

export interface LockedStock {
  bins: LockedBin[];
  /** available = on hand − active reservations, per warehouse then SKU. */
  available: Map<string, Map<string, number>>;
}

export async function lockStockForSkus(
  trx: Transaction<Database>,
  skus: readonly string[],
): Promise<LockedStock> {
  const sorted = [...new Set(skus)].sort();
  if (sorted.length === 0) return { bins: [], available: new Map() };
  const skuList = sql.join(sorted.map((sku) => sql`${sku}`));
  const locked = await sql<{
    warehouse_code: string;
    sku: string;
    bin_code: string;
    on_hand: number;
    walk_sequence: number;
  }>`
    select s.warehouse_code, s.sku, s.bin_code, s.on_hand, b.walk_sequence
    from stock s
    join bins b on b.warehouse_code = s.warehouse_code and b.code = s.bin_code
    join warehouses w on w.code = s.warehouse_code and w.active
    where s.sku in (${skuList})
    order by s.sku, s.warehouse_code, s.bin_code
    for update of s`.execute(trx);
  // A separate statement on purpose: under READ COMMITTED it takes a fresh snapshot *after* the
  // locks are held, so it sees the reservations of the order that held them before us. (A
  // subquery in the locking statement would read the older snapshot and oversell.)
  const reserved = await sql<{ warehouse_code: string; sku: string; reserved: number }>`
    select warehouse_code, sku, sum(quantity)::int as reserved
    from reservations
    where released_at is null and sku in (${skuList})
    group by warehouse_code, sku`.execute(trx);

  const available = new Map<string, Map<string, number>>();
  const perWarehouse = (code: string) => {
    let skusOf = available.get(code);
    if (!skusOf) available.set(code, (skusOf = new Map()));
    return skusOf;
  };
  const bins = locked.rows.map((row): LockedBin => {
    const skusOf = perWarehouse(row.warehouse_code);
    skusOf.set(row.sku, (skusOf.get(row.sku) ?? 0) + row.on_hand);
    return {
      warehouseCode: row.warehouse_code,
      sku: row.sku,
      binCode: row.bin_code,
      onHand: row.on_hand,
      walkSequence: row.walk_sequence,
    };
  });
  for (const row of reserved.rows) {
    const skusOf = perWarehouse(row.warehouse_code);
    skusOf.set(row.sku, (skusOf.get(row.sku) ?? 0) - row.reserved);
  }
  return { bins, available };
}

/**
 * Takes reserved quantities off `stock.available`, so the next order sourced against the same
 * locked stock (a batch of orders, or the demo seed) sees what is left.
 */
export function deductReservations(
  stock: LockedStock,
  reservations: readonly { warehouseCode: string; sku: string; quantity: number }[],
): void {
  for (const r of reservations) {
    let skus = stock.available.get(r.warehouseCode);
    if (!skus) stock.available.set(r.warehouseCode, (skus = new Map()));
    skus.set(r.sku, (skus.get(r.sku) ?? 0) - r.quantity);
  }
}

export interface PickAssignment {
  binCode: string;
  walkSequence: number;
  quantity: number;
}

/** Which bins to pick a quantity from: in walk order, each bin giving what it holds. */
export function assignBins(
  bins: readonly LockedBin[],
  warehouseCode: string,
  sku: string,
  quantity: number,
): PickAssignment[] {
  const candidates = bins
    .filter((bin) => bin.warehouseCode === warehouseCode && bin.sku === sku && bin.onHand > 0)
    .sort((a, b) => a.walkSequence - b.walkSequence || a.binCode.localeCompare(b.binCode));
  const picks: PickAssignment[] = [];
  let remaining = quantity;
  for (const bin of candidates) {
    if (remaining === 0) break;
    const take = Math.min(remaining, bin.onHand);
    picks.push({ binCode: bin.binCode, walkSequence: bin.walkSequence, quantity: take });
    remaining -= take;
  }
  if (remaining > 0) {
    // Reserved stock can sit in any bin; the last bin carries the rest and the picker reports a short pick.
    const last = picks.at(-1) ?? candidates.at(-1);
    if (!last) throw new Error(`no bin holds ${sku} in ${warehouseCode}`);
    if (picks.length === 0)
      picks.push({ binCode: last.binCode, walkSequence: last.walkSequence, quantity: remaining });
    else
      picks[picks.length - 1] = {
        ...picks[picks.length - 1]!,
        quantity: picks[picks.length - 1]!.quantity + remaining,
      };
  }
  return picks;
}
