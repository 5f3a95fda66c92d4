// Writes rows into several tables in ONE statement and one round trip: each table's rows travel
// as a single jsonb parameter, unpacked by jsonb_to_recordset, and the tables are filled by
// data-modifying CTEs. Used where many rows are written at once (order intake, the demo seed):
// no parameter limit however many rows, and the database parses one statement instead of one
// per table. Foreign keys between the tables are checked at the end of the statement, so parent
// and child rows may travel together.
import { sql } from 'kysely';
import type { RawBuilder, Transaction } from 'kysely';
import type { Database } from './schema';

/** PostgreSQL types the rows' JSON is read as. */
export type ColumnType =
  | 'uuid'
  | 'text'
  | 'integer'
  | 'bigint'
  | 'numeric'
  | 'boolean'
  | 'double precision'
  | 'date'
  | 'timestamptz'
  | 'jsonb';

export interface TableRows {
  table: keyof Database & string;
  /** Every column the rows carry, with its type; rows omit a column only to store null. */
  columns: Readonly<Record<string, ColumnType>>;
  rows: readonly Record<string, unknown>[];
}

/**
 * Inserts the rows of every table (tables without rows are skipped), in the order given, then
 * sends `pg_notify(channel, '')` for each of `notify` (delivered at commit). `select` adds
 * expressions to the statement's final select (e.g. advisory locks the caller needs next).
 */
export async function insertTables(
  trx: Transaction<Database>,
  tables: readonly TableRows[],
  notify: readonly string[] = [],
  select: readonly RawBuilder<unknown>[] = [],
): Promise<void> {
  const filled = tables.filter((t) => t.rows.length > 0);
  if (filled.length === 0 && notify.length === 0 && select.length === 0) return;
  const ctes = filled.map((t, i) => {
    const names = Object.keys(t.columns);
    const columnList = sql.join(names.map((n) => sql.ref(n)));
    const definitions = sql.join(names.map((n) => sql`${sql.ref(n)} ${sql.raw(t.columns[n]!)}`));
    // WITH ORDINALITY keeps the input order, so serial columns number rows as they were given.
    return sql`${sql.raw(`t${i}`)} as (
      insert into ${sql.table(t.table)} (${columnList})
      select ${columnList}
      from rows from (jsonb_to_recordset(${JSON.stringify(t.rows)}::jsonb) as (${definitions}))
        with ordinality as x(${columnList}, n)
      order by x.n
    )`;
  });
  const expressions = [...notify.map((channel) => sql`pg_notify(${channel}, '')`), ...select];
  const final: RawBuilder<unknown> =
    expressions.length > 0 ? sql`select ${sql.join(expressions)}` : sql`select 1`;
  await (ctes.length > 0 ? sql`with ${sql.join(ctes)} ${final}` : final).execute(trx);
}

/**
 * Runs several writes (inserts, upserts; none reading another's rows) as ONE statement and one
 * round trip, each a data-modifying CTE. PostgreSQL runs them in an order fixed by the
 * statement's shape, so two transactions sending the same writes lock rows in the same order.
 */
export async function executeAsOneStatement(
  trx: Transaction<Database>,
  writes: readonly RawBuilder<unknown>[],
): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length === 1) {
    await writes[0]!.execute(trx);
    return;
  }
  const ctes = writes.map((write, i) => sql`${sql.raw(`w${i}`)} as (${write})`);
  await sql`with ${sql.join(ctes)} select 1`.execute(trx);
}
