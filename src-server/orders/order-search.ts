// The order search behind GET /v1/orders (the back office's order list, and ERPs): filters that
// each start from an index (migration 0801-order-search), a sort on one column, and keyset
// paging on (that column, id), so page 1,000 costs what page 1 costs.
import { sql } from 'kysely';
import type { Kysely, SqlBool } from 'kysely';
import { z } from 'zod';
import { storableText } from '../../shared/orders/order-schema';
import { orderStatusSchema } from '../../shared/orders/order-state';
import type { OrderStatus } from '../../shared/orders/order-state';
import { acceptedDate, acceptedDateTime } from '../../shared/validation/timestamps';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import type { OrderPage } from './order-contracts';

export const ORDER_SORTS = ['placedAt', 'totalMinor', 'channelOrderRef'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];
const SORT_COLUMN = {
  placedAt: 'placed_at',
  totalMinor: 'total_minor',
  channelOrderRef: 'channel_order_ref',
} as const;

const dateOrDateTime = z.union([acceptedDateTime(), acceptedDate()], {
  error: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone',
});
const code = storableText(64);

export const orderSearchQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
  sort: z.enum(ORDER_SORTS).default('placedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  orderId: z.uuid('must be an order number (UUID)').optional(),
  channelOrderRef: storableText(200).optional(),
  customer: storableText(200)
    .optional()
    .describe('An e-mail address (exact, any case), or words of the customer name (word prefixes)'),
  sku: storableText(64).optional(),
  poNumber: storableText(200).optional(),
  tracking: storableText(64).optional().describe('A carton tracking number'),
  sscc: z
    .string()
    .regex(/^\d{18}$/, 'must be an SSCC of 18 digits')
    .optional(),
  placedFrom: dateOrDateTime.optional().describe('Placed at or after (a date: from 00:00 UTC)'),
  placedTo: dateOrDateTime.optional().describe('Placed before (a date: up to its end, UTC)'),
  status: orderStatusSchema.optional(),
  channel: code.optional(),
  warehouse: code.optional().describe('Orders with a fulfillment at this warehouse'),
});
export type OrderSearchQuery = z.infer<typeof orderSearchQuerySchema>;

interface OrderCursor {
  sort: OrderSort;
  dir: 'asc' | 'desc';
  value: string | number;
  id: string;
}
const cursorSchema = z.object({
  sort: z.enum(ORDER_SORTS),
  dir: z.enum(['asc', 'desc']),
  value: z.union([z.string(), z.number()]),
  id: z.uuid(),
});

const encodeOrderCursor = (cursor: OrderCursor) =>
  Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

function decodeOrderCursor(text: string, sort: OrderSort, dir: 'asc' | 'desc'): OrderCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const cursor = cursorSchema.safeParse(parsed);
  const valueOk =
    cursor.success &&
    (cursor.data.sort === 'totalMinor'
      ? typeof cursor.data.value === 'number'
      : typeof cursor.data.value === 'string' &&
        (cursor.data.sort !== 'placedAt' || !Number.isNaN(Date.parse(cursor.data.value))));
  if (!cursor.success || !valueOk)
    throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API gave out.', 'cursor');
  if (cursor.data.sort !== sort || cursor.data.dir !== dir)
    throw new ApiError(
      400,
      'invalid_cursor',
      'The cursor belongs to another sort order: start again without it.',
      'cursor',
    );
  return cursor.data;
}

/** Words of a name as a prefix query (`jan & de:*`); only letters and digits reach the query. */
function nameQuery(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0)
    throw new ApiError(
      400,
      'invalid_customer',
      'Give an e-mail address or at least one word of the name.',
      'customer',
    );
  return words
    .slice(0, 8)
    .map((word) => `${word}:*`)
    .join(' & ');
}

const startOf = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
const endOf = (value: string) =>
  value.length === 10 ? new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000) : new Date(value);

export async function searchOrders(
  db: Kysely<Database>,
  query: OrderSearchQuery & { channelCode?: string | undefined },
): Promise<OrderPage> {
  const column = SORT_COLUMN[query.sort];
  let select = db
    .selectFrom('orders')
    .select([
      'id',
      'channel_code',
      'channel_order_ref',
      'status',
      'currency',
      'total_minor',
      'po_number',
      'email',
      'placed_at',
      'created_at',
      sql<string>`ship_to ->> 'name'`.as('customer_name'),
    ])
    .select((eb) =>
      eb
        .selectFrom('fulfillment_orders as f')
        .select(sql<string[]>`coalesce(array_agg(distinct f.warehouse_code), '{}')`.as('codes'))
        .whereRef('f.order_id', '=', 'orders.id')
        .as('warehouses'),
    )
    .orderBy(column, query.dir)
    .orderBy('id', query.dir)
    .limit(query.limit + 1);

  if (query.channelCode !== undefined)
    select = select.where((eb) => eb('channel_code', '=', query.channelCode!));
  if (query.status !== undefined) select = select.where((eb) => eb('status', '=', query.status!));
  if (query.orderId !== undefined) select = select.where((eb) => eb('id', '=', query.orderId!));
  if (query.channelOrderRef !== undefined)
    select = select.where((eb) => eb('channel_order_ref', '=', query.channelOrderRef!));
  if (query.poNumber !== undefined)
    select = select.where((eb) => eb('po_number', '=', query.poNumber!));
  if (query.placedFrom !== undefined)
    select = select.where((eb) => eb('placed_at', '>=', startOf(query.placedFrom!)));
  if (query.placedTo !== undefined)
    select = select.where((eb) => eb('placed_at', '<', endOf(query.placedTo!)));
  if (query.customer !== undefined) {
    const customer = query.customer.trim();
    if (customer.includes('@')) {
      select = select.where(sql<SqlBool>`lower(email) = ${customer.toLowerCase()}`);
    } else {
      const words = nameQuery(customer);
      select = select.where((eb) =>
        eb.or([
          sql<SqlBool>`to_tsvector('simple', ship_to ->> 'name') @@ to_tsquery('simple', ${words})`,
          eb(
            'customer_id',
            'in',
            eb
              .selectFrom('customers')
              .select('id')
              .where(sql<SqlBool>`to_tsvector('simple', name) @@ to_tsquery('simple', ${words})`),
          ),
        ]),
      );
    }
  }
  if (query.sku !== undefined)
    select = select.where((eb) =>
      eb('id', 'in', eb.selectFrom('order_lines').select('order_id').where('sku', '=', query.sku!)),
    );
  if (query.warehouse !== undefined)
    select = select.where((eb) =>
      eb(
        'id',
        'in',
        eb
          .selectFrom('fulfillment_orders')
          .select('order_id')
          .where('warehouse_code', '=', query.warehouse!),
      ),
    );
  if (query.tracking !== undefined || query.sscc !== undefined)
    select = select.where((eb) => {
      let cartons = eb
        .selectFrom('cartons as c')
        .innerJoin('shipments as s', 's.id', 'c.shipment_id')
        .innerJoin('fulfillment_orders as fo', 'fo.id', 's.fulfillment_id')
        .select('fo.order_id');
      if (query.tracking !== undefined)
        cartons = cartons.where('c.tracking_number', '=', query.tracking);
      if (query.sscc !== undefined) cartons = cartons.where('c.sscc', '=', query.sscc);
      return eb('id', 'in', cartons);
    });
  if (query.cursor !== undefined) {
    const after = decodeOrderCursor(query.cursor, query.sort, query.dir);
    const value = query.sort === 'placedAt' ? new Date(after.value) : after.value;
    select = select.where((eb) =>
      eb(eb.refTuple(column, 'id'), query.dir === 'desc' ? '<' : '>', eb.tuple(value, after.id)),
    );
  }

  const rows = await select.execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const sortValue = (row: (typeof rows)[number]): string | number =>
    query.sort === 'placedAt'
      ? row.placed_at.toISOString()
      : query.sort === 'totalMinor'
        ? row.total_minor
        : row.channel_order_ref;
  return {
    orders: page.map((row) => ({
      orderId: row.id,
      channel: row.channel_code,
      channelOrderRef: row.channel_order_ref,
      status: row.status as OrderStatus,
      currency: row.currency,
      totalMinor: row.total_minor,
      poNumber: row.po_number,
      email: row.email,
      customerName: row.customer_name,
      warehouses: [...(row.warehouses ?? [])].sort(),
      placedAt: row.placed_at.toISOString(),
      createdAt: row.created_at.toISOString(),
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeOrderCursor({
            sort: query.sort,
            dir: query.dir,
            value: sortValue(last),
            id: last.id,
          })
        : null,
  };
}
