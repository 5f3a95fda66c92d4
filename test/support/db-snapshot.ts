// Every row a station push could touch, as text: two snapshots are equal exactly when nothing in
// those tables was inserted, changed or deleted in between.
import { sql, type Kysely, type RawBuilder } from 'kysely';
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

type Table = (typeof PUSH_TOUCHED_TABLES)[number];

/**
 * One md5 over the rows of every table (or, with `only`, of the tables named there, each filtered
 * by its condition on the row `x`): cheap enough to take around every request of a fuzz run.
 */
export async function digestRows(
  db: Kysely<Database>,
  only?: Partial<Record<Table, RawBuilder<boolean>>>,
): Promise<string> {
  const tables = only ? (Object.keys(only) as Table[]) : PUSH_TOUCHED_TABLES;
  const parts = tables.map(
    (
      table,
    ) => sql`(select coalesce(string_agg(to_jsonb(x)::text, '|' order by to_jsonb(x)::text), '')
      from ${sql.table(table)} x where ${only?.[table] ?? sql<boolean>`true`})`,
  );
  const { rows } = await sql<{ digest: string }>`
    select md5(concat_ws(${'\n'}, ${sql.join(parts)})) as digest`.execute(db);
  return rows[0]!.digest;
}
