// Units that actually left a warehouse, read from accepted shipments' cartons (their items name
// the fulfillment line), and units already claimed by RMAs.
import { sql, type Kysely, type Transaction } from 'kysely';
import { AWAITING_GOODS } from '../../shared/returns/rma-state';
import type { Database } from '../db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

export interface ShippedLine {
  orderLineId: string;
  warehouseCode: string;
  shipped: number;
}

export async function shippedPerOrderLine(db: Executor, orderId: string): Promise<ShippedLine[]> {
  const { rows } = await sql<{ order_line_id: string; warehouse_code: string; shipped: string }>`
    select fl.order_line_id, f.warehouse_code, sum((item ->> 'quantity')::int) as shipped
    from shipments s
    join fulfillment_orders f on f.id = s.fulfillment_id
    join cartons c on c.shipment_id = s.id
    cross join lateral jsonb_array_elements(c.items) as item
    join fulfillment_lines fl on fl.id::text = item ->> 'lineId'
    where s.status = 'accepted' and f.order_id = ${orderId}
    group by fl.order_line_id, f.warehouse_code`.execute(db);
  return rows.map((r) => ({
    orderLineId: r.order_line_id,
    warehouseCode: r.warehouse_code,
    shipped: Number(r.shipped),
  }));
}

/**
 * Units of each order line already claimed by RMAs: what RMAs still awaiting goods authorise, and
 * what ended ones actually received (an RMA closed or expired half-way frees the rest again).
 */
export async function claimedPerOrderLine(
  db: Executor,
  orderId: string,
): Promise<Map<string, number>> {
  const { rows } = await sql<{ order_line_id: string; claimed: string }>`
    select rl.order_line_id,
           sum(case when r.status in (${sql.join([...AWAITING_GOODS])}) then rl.quantity else rl.received_quantity end) as claimed
    from rma_lines rl join rmas r on r.id = rl.rma_id
    where r.order_id = ${orderId}
    group by rl.order_line_id`.execute(db);
  return new Map(rows.map((r) => [r.order_line_id, Number(r.claimed)]));
}

/** The outbound cartons of an order from one warehouse: what a returns desk may scan to find its RMA. */
export async function outboundCartons(
  db: Executor,
  orderId: string,
  warehouseCode: string,
): Promise<{ sscc: string; trackingNumber: string | null }[]> {
  const rows = await db
    .selectFrom('cartons as c')
    .innerJoin('shipments as s', 's.id', 'c.shipment_id')
    .innerJoin('fulfillment_orders as f', 'f.id', 's.fulfillment_id')
    .select(['c.sscc', 'c.tracking_number'])
    .where('f.order_id', '=', orderId)
    .where('f.warehouse_code', '=', warehouseCode)
    .where('s.status', '=', 'accepted')
    .orderBy('c.sscc')
    .execute();
  return rows.map((r) => ({ sscc: r.sscc.trim(), trackingNumber: r.tracking_number }));
}
