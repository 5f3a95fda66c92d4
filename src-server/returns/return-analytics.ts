// Return analytics for a period: units shipped (accepted shipments' cartons) against units that
// came back (accepted return receipts), per product and per reason; unexpected returns count
// under the reason `unexpected`.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';

const rate = z
  .number()
  .min(0)
  .nullable()
  .describe('returned ÷ shipped units; null when nothing shipped');

export const returnAnalyticsSchema = z.object({
  from: z.string(),
  to: z.string(),
  shippedUnits: z.number().int(),
  returnedUnits: z.number().int(),
  returnRate: rate,
  reasons: z.array(
    z.object({
      reason: z.string(),
      returnedUnits: z.number().int(),
      returnRate: rate,
      share: z.number(),
    }),
  ),
  products: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      shippedUnits: z.number().int(),
      returnedUnits: z.number().int(),
      returnRate: rate,
      reasons: z.record(z.string(), z.number().int()),
    }),
  ),
  topReturned: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      returnedUnits: z.number().int(),
      returnRate: rate,
    }),
  ),
});
export type ReturnAnalytics = z.infer<typeof returnAnalyticsSchema>;

const ratio = (returned: number, shipped: number) =>
  shipped > 0 ? Math.round((returned / shipped) * 10_000) / 10_000 : null;

export async function returnAnalytics(
  db: Kysely<Database>,
  from: Date,
  to: Date,
  top = 10,
): Promise<ReturnAnalytics> {
  const shipped = await sql<{ sku: string; units: string }>`
    select item ->> 'sku' as sku, sum((item ->> 'quantity')::int) as units
    from shipments s
    join cartons c on c.shipment_id = s.id
    cross join lateral jsonb_array_elements(c.items) as item
    where s.status = 'accepted' and s.confirmed_at >= ${from} and s.confirmed_at < ${to}
    group by 1`.execute(db);
  const returned = await sql<{ sku: string; reason: string; units: string }>`
    select i.sku, coalesce(r.reason, 'unexpected') as reason, sum(i.quantity) as units
    from return_items i
    join return_receipts rr on rr.id = i.receipt_id
    left join rmas r on r.id = rr.rma_id
    where rr.status = 'accepted' and rr.received_at >= ${from} and rr.received_at < ${to}
    group by 1, 2`.execute(db);

  const shippedBySku = new Map(shipped.rows.map((r) => [r.sku, Number(r.units)]));
  const skus = [...new Set([...shippedBySku.keys(), ...returned.rows.map((r) => r.sku)])];
  const names = new Map(
    skus.length === 0
      ? []
      : (
          await db.selectFrom('products').select(['sku', 'name']).where('sku', 'in', skus).execute()
        ).map((p) => [p.sku, p.name]),
  );
  const shippedUnits = [...shippedBySku.values()].reduce((n, u) => n + u, 0);
  const returnedUnits = returned.rows.reduce((n, r) => n + Number(r.units), 0);

  const perReason = new Map<string, number>();
  const perProduct = new Map<string, Record<string, number>>();
  for (const r of returned.rows) {
    perReason.set(r.reason, (perReason.get(r.reason) ?? 0) + Number(r.units));
    perProduct.set(r.sku, { ...(perProduct.get(r.sku) ?? {}), [r.reason]: Number(r.units) });
  }
  const products = skus
    .map((sku) => {
      const reasons = perProduct.get(sku) ?? {};
      const back = Object.values(reasons).reduce((n, u) => n + u, 0);
      const out = shippedBySku.get(sku) ?? 0;
      return {
        sku,
        name: names.get(sku) ?? sku,
        shippedUnits: out,
        returnedUnits: back,
        returnRate: ratio(back, out),
        reasons,
      };
    })
    .sort(
      (a, b) =>
        b.returnedUnits - a.returnedUnits ||
        (b.returnRate ?? 0) - (a.returnRate ?? 0) ||
        a.sku.localeCompare(b.sku),
    );
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    shippedUnits,
    returnedUnits,
    returnRate: ratio(returnedUnits, shippedUnits),
    reasons: [...perReason.entries()]
      .map(([reason, units]) => ({
        reason,
        returnedUnits: units,
        returnRate: ratio(units, shippedUnits),
        share: returnedUnits > 0 ? Math.round((units / returnedUnits) * 10_000) / 10_000 : 0,
      }))
      .sort((a, b) => b.returnedUnits - a.returnedUnits || a.reason.localeCompare(b.reason)),
    products,
    topReturned: products
      .filter((p) => p.returnedUnits > 0)
      .slice(0, top)
      .map(({ sku, name, returnedUnits: units, returnRate }) => ({
        sku,
        name,
        returnedUnits: units,
        returnRate,
      })),
  };
}
