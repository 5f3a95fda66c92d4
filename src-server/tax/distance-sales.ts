// The year's EU distance sales (B2C to other member states), against which the OSS threshold is
// measured. Read before a batch is priced, counted on within the batch, added in its transaction.
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** EUR cents per calendar year. */
export type DistanceSalesByYear = Map<number, number>;

export async function readDistanceSales(db: Kysely<Database>): Promise<DistanceSalesByYear> {
  const rows = await db.selectFrom('vat_distance_sales').select(['year', 'eur_minor']).execute();
  return new Map(rows.map((r) => [r.year, Number(r.eur_minor)]));
}

/** Adds the batch's distance sales per year (one statement; rows are per year, so rarely contended). */
export async function addDistanceSales(
  trx: Transaction<Database>,
  sales: readonly { year: number; eurMinor: number }[],
): Promise<void> {
  const byYear = new Map<number, number>();
  for (const { year, eurMinor } of sales) {
    if (eurMinor > 0) byYear.set(year, (byYear.get(year) ?? 0) + eurMinor);
  }
  if (byYear.size === 0) return;
  await trx
    .insertInto('vat_distance_sales')
    .values([...byYear].map(([year, eurMinor]) => ({ year, eur_minor: eurMinor })))
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({
        eur_minor: sql`vat_distance_sales.eur_minor + excluded.eur_minor`,
      }),
    )
    .execute();
}
