// A warehouse's stock per SKU: on hand (the sum of its bins), reserved (open reservations of
// orders not yet shipped), available (on hand less reserved) and inbound (ordered from suppliers
// or sent by transfer, not yet received), with the bins. Paged by SKU.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';

export const stockLevelSchema = z.object({
  sku: z.string(),
  name: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  inbound: z.number().int(),
  bins: z.array(z.object({ bin: z.string(), onHand: z.number().int() })),
});
export const stockPageSchema = z.object({
  warehouseCode: z.string(),
  levels: z.array(stockLevelSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type StockPage = z.infer<typeof stockPageSchema>;

/** `a%b_` as a LIKE prefix that means exactly those characters. */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function warehouseStock(
  db: Kysely<Database>,
  query: {
    warehouseCode: string;
    sku?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<StockPage> {
  let skus = db
    .selectFrom('stock')
    .innerJoin('products', 'products.sku', 'stock.sku')
    .select(['stock.sku', 'products.name'])
    .select((eb) => eb.fn.sum<string>('stock.on_hand').as('on_hand'))
    .where('stock.warehouse_code', '=', query.warehouseCode)
    .groupBy(['stock.sku', 'products.name'])
    .orderBy('stock.sku')
    .limit(query.limit + 1);
  if (query.sku !== undefined) skus = skus.where('stock.sku', 'like', likePrefix(query.sku));
  if (query.cursor !== undefined) skus = skus.where('stock.sku', '>', query.cursor);
  const rows = await skus.execute();
  const page = rows.slice(0, query.limit);
  const pageSkus = page.map((r) => r.sku);
  const [bins, reserved, inbound] =
    pageSkus.length === 0
      ? [[], [], []]
      : await Promise.all([
          db
            .selectFrom('stock')
            .select(['sku', 'bin_code', 'on_hand'])
            .where('warehouse_code', '=', query.warehouseCode)
            .where('sku', 'in', pageSkus)
            .orderBy('sku')
            .orderBy('bin_code')
            .execute(),
          db
            .selectFrom('reservations')
            .select('sku')
            .select((eb) => eb.fn.sum<string>('quantity').as('quantity'))
            .where('warehouse_code', '=', query.warehouseCode)
            .where('released_at', 'is', null)
            .where('sku', 'in', pageSkus)
            .groupBy('sku')
            .execute(),
          inboundOf(db, query.warehouseCode, pageSkus),
        ]);
  return {
    warehouseCode: query.warehouseCode,
    levels: page.map((r) => {
      const onHand = Number(r.on_hand);
      const held = Number(reserved.find((x) => x.sku === r.sku)?.quantity ?? 0);
      return {
        sku: r.sku,
        name: r.name,
        onHand,
        reserved: held,
        available: onHand - held,
        inbound: inbound.find((x) => x.sku === r.sku)?.quantity ?? 0,
        bins: bins
          .filter((b) => b.sku === r.sku)
          .map((b) => ({ bin: b.bin_code, onHand: b.on_hand })),
      };
    }),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.sku ?? null) : null,
  };
}

/** Open purchase order lines and transfer lines arriving at the warehouse, per SKU. */
async function inboundOf(db: Kysely<Database>, warehouseCode: string, skus: string[]) {
  const list = sql.join(skus.map((sku) => sql`${sku}`));
  const { rows } = await sql<{ sku: string; quantity: number }>`
    select sku, sum(open)::int as quantity from (
      select l.sku, l.quantity - l.received_quantity as open
      from purchase_order_lines l join purchase_orders po on po.id = l.purchase_order_id
      where po.warehouse_code = ${warehouseCode}
        and po.status in ('approved', 'sent', 'receiving') and l.sku in (${list})
      union all
      select l.sku, l.quantity - l.received_quantity
      from stock_transfer_lines l join stock_transfers t on t.id = l.transfer_id
      where t.to_warehouse_code = ${warehouseCode} and t.status = 'in_transit' and l.sku in (${list})
    ) inbound where open > 0
    group by sku`.execute(db);
  return rows;
}
