// Stock per SKU × warehouse: on hand (the stock table, summed over bins), demand per day over the
// period from the sales rollup, cover in days, the last day it sold (rollup), not selling for
// N days, and the value of stock that does not sell (dead stock) at the catalogue price.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { UNSOURCED } from './rollup-writes';
import { checkPeriod, comparedReport, periodDays, periodQuery, type Period } from './report-period';

export const stockQuery = periodQuery
  .extend({
    notSellingDays: z.coerce.number().int().min(1).max(3_650).default(30),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
      .default('EUR'),
    only: z.enum(['all', 'not_selling']).default('all'),
  })
  .superRefine(checkPeriod);

const DAY_MS = 86_400_000;

export async function stockReport(db: Kysely<Database>, query: z.infer<typeof stockQuery>) {
  const stock = await sql<{
    sku: string;
    warehouse_code: string;
    on_hand: string;
    price: number | null;
  }>`
    select s.sku, s.warehouse_code, sum(s.on_hand) as on_hand, max(p.unit_price_minor) as price
    from stock s
    left join product_prices p on p.sku = s.sku and p.currency = ${query.currency}
    group by s.sku, s.warehouse_code`.execute(db);
  const lastSold = await sql<{ sku: string; warehouse_code: string; last_day: string }>`
    select sku, warehouse_code, max(day)::text as last_day from report_sales_daily
    where units_ordered > 0 and day <= ${query.to} and warehouse_code <> ${UNSOURCED}
    group by sku, warehouse_code`.execute(db);
  const lastOf = new Map(
    lastSold.rows.map((r) => [`${r.sku}\u0000${r.warehouse_code}`, r.last_day]),
  );
  const toMs = Date.parse(`${query.to}T00:00:00Z`);

  const demand = async (p: Period) => {
    const { rows } = await sql<{ sku: string; warehouse_code: string; units: string }>`
      select sku, warehouse_code, sum(units_ordered) as units from report_sales_daily
      where day between ${p.from} and ${p.to} and warehouse_code <> ${UNSOURCED}
      group by sku, warehouse_code`.execute(db);
    return new Map(rows.map((r) => [`${r.sku}\u0000${r.warehouse_code}`, Number(r.units)]));
  };

  const report = await comparedReport('stock', 'sku_warehouse', query, async (p) => {
    const units = await demand(p);
    const days = periodDays(p);
    return stock.rows.map((s) => {
      const id = `${s.sku}\u0000${s.warehouse_code}`;
      const onHand = Number(s.on_hand);
      const perDay = (units.get(id) ?? 0) / days;
      const last = lastOf.get(id) ?? null;
      const idleDays =
        last === null ? null : Math.round((toMs - Date.parse(`${last}T00:00:00Z`)) / DAY_MS);
      const notSelling = idleDays === null || idleDays >= query.notSellingDays;
      return {
        key: { sku: s.sku, warehouse: s.warehouse_code },
        metrics: {
          onHand,
          unitsSold: units.get(id) ?? 0,
          demandPerDay: Math.round(perDay * 1000) / 1000,
          coverDays: perDay === 0 ? null : Math.round((onHand / perDay) * 10) / 10,
          daysSinceLastSale: idleDays,
          notSelling: notSelling ? 1 : 0,
          stockValueMinor: s.price === null ? null : onHand * s.price,
          deadStockValueMinor: s.price === null ? null : notSelling ? onHand * s.price : 0,
        },
      };
    });
  });
  if (query.only === 'not_selling')
    report.rows = report.rows.filter((r) => r.current.notSelling === 1);
  return report;
}
