// Adds deltas to a rollup table in one statement: rows with the same key are merged first (one
// upsert may not touch a row twice), then written in key order so two transactions adding to
// the same rows lock them in the same order and never deadlock.
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { ReportTables } from './reports-schema';

export type RollupTable = keyof ReportTables;

interface RollupSpec {
  keys: readonly string[];
  counters: readonly string[];
}

export const ROLLUPS: Record<RollupTable, RollupSpec> = {
  report_sales_daily: {
    keys: ['day', 'channel_code', 'warehouse_code', 'sku', 'currency'],
    counters: [
      'order_lines',
      'units_ordered',
      'revenue_minor',
      'units_backordered',
      'units_shipped',
      'units_short',
    ],
  },
  report_orders_daily: {
    keys: ['day', 'channel_code', 'country', 'currency'],
    counters: ['orders', 'units', 'subtotal_minor', 'total_minor'],
  },
  report_fulfilment_daily: {
    keys: ['day', 'warehouse_code', 'channel_code', 'lead_hours'],
    counters: ['shipments', 'with_promise', 'on_time'],
  },
  report_returns_daily: {
    keys: ['day', 'channel_code', 'warehouse_code', 'sku', 'reason'],
    counters: ['units_returned', 'units_restocked'],
  },
  report_refunds_daily: {
    keys: ['day', 'channel_code', 'currency'],
    counters: ['refunds', 'refund_minor'],
  },
  report_vat_daily: {
    keys: ['day', 'country', 'vat_scheme', 'rate_ppm', 'currency'],
    counters: ['net_minor', 'tax_minor'],
  },
  report_orders_base_daily: {
    keys: ['day', 'channel_code', 'country', 'currency', 'base_currency'],
    counters: ['converted_orders', 'base_subtotal_minor', 'base_total_minor'],
  },
};

/** One delta: every key column, and the counters to add (missing ones add 0). */
export type RollupDelta = Record<string, string | number>;

const CHUNK_ROWS = 1_000;

/** The deltas merged per key, sorted by key. */
export function mergeDeltas(table: RollupTable, deltas: readonly RollupDelta[]): RollupDelta[] {
  const { keys, counters } = ROLLUPS[table];
  const merged = new Map<string, RollupDelta>();
  for (const delta of deltas) {
    const id = JSON.stringify(keys.map((k) => delta[k]));
    const row = merged.get(id) ?? Object.fromEntries(keys.map((k) => [k, delta[k]!]));
    for (const c of counters) row[c] = Number(row[c] ?? 0) + Number(delta[c] ?? 0);
    merged.set(id, row);
  }
  return [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}

export async function addToRollup(
  trx: Transaction<Database>,
  table: RollupTable,
  deltas: readonly RollupDelta[],
): Promise<void> {
  for (const upsert of rollupUpserts(table, deltas)) await upsert.execute(trx);
}

/**
 * The upserts that add deltas to a rollup table (one per CHUNK_ROWS rows; none when nothing is
 * added), for a caller that runs them together with other writes (`executeAsOneStatement`).
 */
export function rollupUpserts(
  table: RollupTable,
  deltas: readonly RollupDelta[],
): RawBuilder<unknown>[] {
  const { keys, counters } = ROLLUPS[table];
  const rows = mergeDeltas(table, deltas).filter((row) => counters.some((c) => row[c] !== 0));
  const columns = [...keys, ...counters];
  const upserts: RawBuilder<unknown>[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    upserts.push(sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      values ${sql.join(chunk.map((row) => sql`(${sql.join(columns.map((c) => sql`${row[c]}`))})`))}
      on conflict (${sql.join(keys.map((k) => sql.ref(k)))}) do update set ${sql.join(
        counters.map(
          (c) => sql`${sql.ref(c)} = ${sql.table(table)}.${sql.ref(c)} + excluded.${sql.ref(c)}`,
        ),
      )}`);
  }
  return upserts;
}

/** The UTC calendar day of an instant. */
export function utcDay(at: Date | string): string {
  return new Date(at).toISOString().slice(0, 10);
}
