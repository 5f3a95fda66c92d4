// The year's EU distance sales (B2C to other member states), against which the OSS threshold is
// measured. Read before a batch is priced, counted on within the batch, added in its transaction.
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../db/schema';

/** EUR cents per calendar year. */
export type DistanceSalesByYear = Map<number, number>;

export async function readDistanceSales(db: Kysely<Database>): Promise<DistanceSalesByYear> {
  const rows = await db.selectFrom('vat_distance_sales').select(['year', 'eur_minor']).execute();
  return new Map(rows.map((r) => [r.year, Number(r.eur_minor)]));
}

/**
 * The upsert adding a batch's distance sales per year (rows are per year), or null when there
 * are none, for the intake to run with its other end-of-transaction writes.
 */
export function distanceSalesUpsert(
  sales: readonly { year: number; eurMinor: number }[],
): RawBuilder<unknown> | null {
  const byYear = new Map<number, number>();
  for (const { year, eurMinor } of sales) {
    if (eurMinor > 0) byYear.set(year, (byYear.get(year) ?? 0) + eurMinor);
  }
  if (byYear.size === 0) return null;
  // In year order, so two batches lock the rows in the same order.
  const rows = [...byYear].sort(([a], [b]) => a - b);
  return sql`insert into vat_distance_sales (year, eur_minor)
    values ${sql.join(rows.map(([year, eurMinor]) => sql`(${year}, ${eurMinor})`))}
    on conflict (year) do update set eur_minor = vat_distance_sales.eur_minor + excluded.eur_minor`;
}
