// A warehouse's work: its fulfillment orders with pick lines in walk order, oldest release first.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { fulfillmentStatusSchema } from '../../shared/orders/fulfillment-state';
import type { FulfillmentStatus } from '../../shared/orders/fulfillment-state';
import type { Database } from '../db/schema';
import { decodeCursor, encodeCursor } from '../http/cursor';

export const pickLineSchema = z.object({
  orderLineId: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
  bin: z.string(),
  walkSequence: z.number().int(),
});

export const warehouseFulfillmentSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  channelOrderRef: z.string(),
  poNumber: z.string().nullable(),
  status: fulfillmentStatusSchema,
  cancelRequested: z.boolean(),
  shipTo: z.record(z.string(), z.unknown()),
  carrier: z.string().nullable(),
  service: z.string().nullable(),
  shippingCostMinor: z.number().int(),
  shippingCurrency: z.string(),
  promisedDeliveryDate: z.string().nullable(),
  releasedAt: z.string(),
  pickLines: z.array(pickLineSchema),
});

export const fulfillmentQueueSchema = z.object({
  warehouseCode: z.string(),
  fulfillments: z.array(warehouseFulfillmentSchema),
  nextCursor: z.string().nullable(),
});
export type FulfillmentQueue = z.infer<typeof fulfillmentQueueSchema>;

export interface FulfillmentQueueQuery {
  warehouseCode: string;
  status: FulfillmentStatus;
  limit: number;
  cursor?: string | undefined;
}

export async function listWarehouseFulfillments(
  db: Kysely<Database>,
  query: FulfillmentQueueQuery,
): Promise<FulfillmentQueue> {
  let select = db
    .selectFrom('fulfillment_orders as f')
    .innerJoin('orders as o', 'o.id', 'f.order_id')
    .select([
      'f.id',
      'f.order_id',
      'o.channel_order_ref',
      'o.po_number',
      'f.status',
      'f.cancel_requested',
      'f.ship_to',
      'f.carrier_code',
      'f.service_code',
      'f.shipping_cost_minor',
      'f.currency',
      'f.promised_delivery_date',
      'f.released_at',
    ])
    .where('f.warehouse_code', '=', query.warehouseCode)
    .where('f.status', '=', query.status)
    .orderBy('f.released_at')
    .orderBy('f.id')
    .limit(query.limit + 1);
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor);
    // A row comparison, so the queue index (warehouse, status, released_at, id) starts the page.
    select = select.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('f.released_at', 'f.id'), '>', tuple(after.at, after.id)),
    );
  }
  const rows = await select.execute();
  const page = rows.slice(0, query.limit);
  const pickLines =
    page.length === 0
      ? []
      : await db
          .selectFrom('fulfillment_lines')
          .select([
            'fulfillment_id',
            'order_line_id',
            'sku',
            'quantity',
            'bin_code',
            'walk_sequence',
          ])
          .where(
            'fulfillment_id',
            'in',
            page.map((row) => row.id),
          )
          .orderBy('fulfillment_id')
          .orderBy('walk_sequence')
          .orderBy('bin_code')
          .execute();
  const linesByFulfillment = new Map<string, z.infer<typeof pickLineSchema>[]>();
  for (const line of pickLines) {
    const list = linesByFulfillment.get(line.fulfillment_id) ?? [];
    list.push({
      orderLineId: line.order_line_id,
      sku: line.sku,
      quantity: line.quantity,
      bin: line.bin_code,
      walkSequence: line.walk_sequence,
    });
    linesByFulfillment.set(line.fulfillment_id, list);
  }
  const last = page.at(-1);
  return {
    warehouseCode: query.warehouseCode,
    fulfillments: page.map((row) => ({
      id: row.id,
      orderId: row.order_id,
      channelOrderRef: row.channel_order_ref,
      poNumber: row.po_number,
      status: row.status as FulfillmentStatus,
      cancelRequested: row.cancel_requested,
      shipTo: { ...row.ship_to },
      carrier: row.carrier_code,
      service: row.service_code,
      shippingCostMinor: row.shipping_cost_minor,
      shippingCurrency: row.currency,
      promisedDeliveryDate: row.promised_delivery_date,
      releasedAt: row.released_at.toISOString(),
      pickLines: linesByFulfillment.get(row.id) ?? [],
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ at: last.released_at, id: last.id })
        : null,
  };
}
