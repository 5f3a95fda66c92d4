// Every row a station push could touch, as text: two snapshots are equal exactly when nothing in
// those tables was inserted, changed or deleted in between.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src-server/db/schema';

export const PUSH_TOUCHED_TABLES = [
  'sync_documents',
  'shipments',
  'cartons',
  'return_receipts',
  'return_items',
  'order_events',
  'outbox_events',
  'stock',
  'reservations',
  'fulfillment_orders',
  'orders',
  'order_lines',
  'rmas',
  'rma_lines',
  'rma_events',
  'refunds',
] as const;

export type RowSnapshot = Record<(typeof PUSH_TOUCHED_TABLES)[number], string[]>;

export async function snapshotRows(db: Kysely<Database>): Promise<RowSnapshot> {
  const entries = await Promise.all(
    PUSH_TOUCHED_TABLES.map(async (table) => {
      const { rows } = await sql<{ row: string }>`
        select to_jsonb(t)::text as row from ${sql.table(table)} t order by 1`.execute(db);
      return [table, rows.map((r) => r.row)] as const;
    }),
  );
  return Object.fromEntries(entries) as RowSnapshot;
}

/** The snapshot without the rows that mention `id` (a pusher's own document and shipment row). */
export function withoutRowsOf(snapshot: RowSnapshot, id: string): RowSnapshot {
  return Object.fromEntries(
    Object.entries(snapshot).map(([table, rows]) => [table, rows.filter((r) => !r.includes(id))]),
  ) as RowSnapshot;
}
