// Authorises a return for an order's shipped lines. Quantities are checked against what left the
// warehouse and is not yet claimed by another RMA; the RMA goes to the warehouse that shipped the
// lines, and reaches that warehouse's returns desks in the same transaction.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RefundMethod, ReturnReason } from '../../shared/returns/rma-state';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { appendOrderEvents } from '../orders/order-writes';
import { appendOutboxEvents } from '../outbox/outbox';
import { returnsRuntime } from './returns-runtime';
import { publishRmas } from './rma-projection';
import { isUuid } from './rma-writes';
import { claimedPerOrderLine, shippedPerOrderLine } from './shipped-units';

export interface NewRma {
  orderId: string;
  lines: { orderLineId: string; quantity: number }[];
  reason: ReturnReason;
  reasonText?: string | undefined;
  refundMethod: RefundMethod;
}

/** `R-2025-00017`: readable over the phone, and valid as a station code (`RMA:R-2025-00017`). */
function rmaCode(serial: number, now: Date): string {
  return `R-${now.getUTCFullYear()}-${String(serial).padStart(5, '0')}`;
}

export interface RmaAccess {
  actor: string;
  /** A channel key may only create RMAs for its own channel's orders; `null` for staff. */
  channelCode: string | null;
}

/** Creates the RMA in its own transaction. Returns the RMA id. */
export async function createRma(
  db: Kysely<Database>,
  input: NewRma,
  access: RmaAccess,
): Promise<string> {
  return db.transaction().execute((trx) => createRmaIn(trx, input, access));
}

/** Creates the RMA inside the caller's transaction (the demo seed ships and takes back in one). */
export async function createRmaIn(
  trx: Transaction<Database>,
  input: NewRma,
  access: RmaAccess,
): Promise<string> {
  const order = await trx
    .selectFrom('orders')
    .select(['id', 'channel_code'])
    .where('id', '=', input.orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!order)
    throw new ApiError(404, 'not_found', `Order ${input.orderId} was not found.`, 'orderId');
  if (access.channelCode !== null && access.channelCode !== order.channel_code)
    throw new ApiError(403, 'forbidden', 'This order belongs to another channel.', 'orderId');

  const orderLines = await trx
    .selectFrom('order_lines')
    .select(['id', 'line_no', 'sku', 'unit_price_minor'])
    .where('order_id', '=', order.id)
    .execute();
  const shipped = await shippedPerOrderLine(trx, order.id);
  const claimed = await claimedPerOrderLine(trx, order.id);
  const warehouses = new Set<string>();
  const rows = input.lines.map((requested, i) => {
    const line = isUuid(requested.orderLineId)
      ? orderLines.find((l) => l.id === requested.orderLineId)
      : undefined;
    if (!line)
      throw new ApiError(
        422,
        'unknown_line',
        `Line ${requested.orderLineId} is not a line of order ${order.id}.`,
        `lines[${i}].orderLineId`,
      );
    const shippedFrom = shipped.filter((s) => s.orderLineId === line.id);
    const shippedUnits = shippedFrom.reduce((n, s) => n + s.shipped, 0);
    const returnable = shippedUnits - (claimed.get(line.id) ?? 0);
    if (requested.quantity > returnable) {
      throw new ApiError(
        422,
        'quantity_above_returnable',
        `Line ${line.line_no} (${line.sku}): ${requested.quantity} requested, but ${Math.max(0, returnable)} of the ${shippedUnits} shipped can still be returned.`,
        `lines[${i}].quantity`,
      );
    }
    for (const s of shippedFrom) warehouses.add(s.warehouseCode);
    return { line, quantity: requested.quantity };
  });
  if (warehouses.size !== 1) {
    throw new ApiError(
      422,
      'several_warehouses',
      `These lines were shipped from ${[...warehouses].join(' and ')}: create one RMA per warehouse.`,
      'lines',
    );
  }
  const [warehouseCode] = [...warehouses] as [string];

  const now = new Date();
  const { rows: serial } = await sql<{ n: string }>`select nextval('rma_code_seq') as n`.execute(
    trx,
  );
  const id = randomUUID();
  const code = rmaCode(Number(serial[0]!.n), now);
  await trx
    .insertInto('rmas')
    .values({
      id,
      code,
      order_id: order.id,
      warehouse_code: warehouseCode,
      status: 'authorised',
      reason: input.reason,
      reason_text: input.reasonText ?? null,
      refund_method: input.refundMethod,
      expires_at: new Date(now.getTime() + returnsRuntime().config.rmaExpiryDays * 86_400_000),
    })
    .execute();
  const lines = rows.map((r) => ({
    id: randomUUID(),
    rma_id: id,
    order_line_id: r.line.id,
    sku: r.line.sku,
    quantity: r.quantity,
    unit_price_minor: r.line.unit_price_minor,
  }));
  await trx.insertInto('rma_lines').values(lines).execute();
  const detail = {
    rmaId: id,
    rmaCode: code,
    reason: input.reason,
    lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
  };
  await trx
    .insertInto('rma_events')
    .values({
      rma_id: id,
      from_status: null,
      to_status: 'authorised',
      actor: access.actor,
      detail: JSON.stringify(detail),
    })
    .execute();
  await appendOrderEvents(trx, order.id, access.actor, [{ type: 'return_authorised', detail }]);
  await appendOutboxEvents(trx, [
    {
      type: 'return.authorized',
      aggregateType: 'order',
      aggregateId: order.id,
      payload: { orderId: order.id, warehouseCode, refundMethod: input.refundMethod, ...detail },
    },
  ]);
  await publishRmas(trx, [id]);
  return id;
}
