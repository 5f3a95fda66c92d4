// The one door to on-hand stock. Every change of `stock.on_hand` goes through here and writes its
// inventory movement (reason, reference, actor) in the caller's transaction, so on hand per bin is
// always the sum of its movements (`ledgerDisagreements` checks that). No other module writes the
// `stock` table (test/unit/stock-writes.test.ts looks).
import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  MovementReason,
  MovementReferenceKind,
} from '../../shared/inventory/movement-reasons';
import type { AuditActor } from '../audit/audit';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';

/** Stock moved by the OMS itself (the demo seed, a migration). */
export const SYSTEM_ACTOR: AuditActor = { type: 'system', id: 'system', label: null };

/** A station's own work (a shipment, a return restocked, a transfer received), as the audit names it. */
export function stationActor(station: { stationId: string; stationName: string }): AuditActor {
  return { type: 'station', id: station.stationId, label: station.stationName };
}

/** Why, for what and by whom stock moves: one source for a set of bin changes. */
export interface MovementSource {
  reason: MovementReason;
  referenceKind: MovementReferenceKind;
  referenceId: string;
  actor: AuditActor;
  note?: string | null | undefined;
}

/** A signed change of one SKU in one bin. */
export interface BinChange {
  warehouseCode: string;
  binCode: string;
  sku: string;
  quantity: number;
}

const key = (c: BinChange) => `${c.sku}\u0000${c.warehouseCode}\u0000${c.binCode}`;

/** Same bin and SKU added together, zeros dropped, in the lock order intake uses (sku, warehouse, bin). */
function merged(changes: readonly BinChange[]): BinChange[] {
  const byKey = new Map<string, BinChange>();
  for (const change of changes) {
    if (!Number.isInteger(change.quantity))
      throw new Error(`stock moves by whole units, not ${change.quantity}`);
    const entry = byKey.get(key(change));
    if (entry) entry.quantity += change.quantity;
    else byKey.set(key(change), { ...change });
  }
  return [...byKey.values()]
    .filter((c) => c.quantity !== 0)
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function movementRows(changes: readonly BinChange[], source: MovementSource) {
  return changes.map((c) => ({
    warehouse_code: c.warehouseCode,
    bin_code: c.binCode,
    sku: c.sku,
    quantity: c.quantity,
    reason: source.reason,
    reference_kind: source.referenceKind,
    reference_id: source.referenceId,
    note: source.note ?? null,
    actor_type: source.actor.type,
    actor_id: source.actor.id,
    actor_label: source.actor.label,
  }));
}

/**
 * Applies the changes to on hand and records them as movements. A bin never goes below zero: a
 * change that would take it there refuses the whole set (409 stock_short), nothing written.
 * Callers check availability against reservations first; this is the floor under them.
 */
export async function moveStock(
  trx: Transaction<Database>,
  changes: readonly BinChange[],
  source: MovementSource,
): Promise<void> {
  const applied = merged(changes);
  if (applied.length === 0) return;
  for (const change of applied) {
    if (change.quantity > 0) {
      await trx
        .insertInto('stock')
        .values({
          warehouse_code: change.warehouseCode,
          sku: change.sku,
          bin_code: change.binCode,
          on_hand: change.quantity,
        })
        .onConflict((oc) =>
          oc.columns(['sku', 'warehouse_code', 'bin_code']).doUpdateSet((eb) => ({
            on_hand: eb('stock.on_hand', '+', change.quantity),
            updated_at: new Date(),
          })),
        )
        .execute();
      continue;
    }
    const taken = await trx
      .updateTable('stock')
      .set((eb) => ({ on_hand: eb('on_hand', '+', change.quantity), updated_at: new Date() }))
      .where('warehouse_code', '=', change.warehouseCode)
      .where('sku', '=', change.sku)
      .where('bin_code', '=', change.binCode)
      .where('on_hand', '>=', -change.quantity)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1)
      throw new ApiError(
        409,
        'stock_short',
        `Bin ${change.binCode} of ${change.warehouseCode} holds fewer than ${-change.quantity} × ${change.sku}.`,
        'quantity',
      );
  }
  await trx.insertInto('inventory_movements').values(movementRows(applied, source)).execute();
}

/**
 * Stock for bins that hold none of the SKU yet (a new catalogue, the demo seed), in bulk: stock
 * rows and their opening movements, a chunk per statement.
 */
export async function openStock(
  trx: Transaction<Database>,
  rows: readonly BinChange[],
  source: MovementSource,
  chunkSize = 1000,
): Promise<void> {
  if (rows.some((c) => c.quantity < 0 || !Number.isInteger(c.quantity)))
    throw new Error('opening stock is a whole, non-negative number of units');
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    await trx
      .insertInto('stock')
      .values(
        chunk.map((c) => ({
          warehouse_code: c.warehouseCode,
          sku: c.sku,
          bin_code: c.binCode,
          on_hand: c.quantity,
        })),
      )
      .execute();
    // An empty bin row is stock (the SKU's place) without a movement.
    const moved = chunk.filter((c) => c.quantity > 0);
    if (moved.length > 0)
      await trx.insertInto('inventory_movements').values(movementRows(moved, source)).execute();
  }
}

export interface LedgerDisagreement {
  warehouseCode: string;
  binCode: string;
  sku: string;
  onHand: number;
  movements: number;
}

/** Every (warehouse, bin, SKU) whose on hand is not the sum of its movements: none, always. */
export async function ledgerDisagreements(db: Kysely<Database>): Promise<LedgerDisagreement[]> {
  const { rows } = await sql<{
    warehouse_code: string;
    bin_code: string;
    sku: string;
    on_hand: number;
    movements: number;
  }>`
    select warehouse_code, bin_code, sku,
      coalesce(s.on_hand, 0)::int as on_hand, coalesce(m.total, 0)::int as movements
    from stock s
    full outer join (
      select warehouse_code, bin_code, sku, sum(quantity) as total
      from inventory_movements group by warehouse_code, bin_code, sku
    ) m using (warehouse_code, bin_code, sku)
    where coalesce(s.on_hand, 0) <> coalesce(m.total, 0)
    order by warehouse_code, sku, bin_code
    limit 1000`.execute(db);
  return rows.map((r) => ({
    warehouseCode: r.warehouse_code,
    binCode: r.bin_code,
    sku: r.sku,
    onHand: r.on_hand,
    movements: r.movements,
  }));
}
