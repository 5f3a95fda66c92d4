// Cancelling quantities of order lines before they are packed. Under the order's and its
// fulfillments' row locks (what a station's claim waits on), each line's open units are its
// backordered units and its reservations in fulfillments not yet packed; only those may go.
// Backordered units go first (they hold no stock), then reservations, which are released, and
// the station's pick lines shrink with them (a fulfillment left with no lines is cancelled with
// its flag raised). The line's money is split to the cent (line-cancel-money.ts) and the order's
// totals lose exactly the cancelled parts; shipping is not touched.
import type { Transaction } from 'kysely';
import type { FulfillmentState } from '../../shared/orders/fulfillment-state';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { appendOutboxEvents } from '../outbox/outbox';
import { publishFulfillments } from '../sync/projections';
import { findReplay, idempotencyRows } from './idempotency';
import type { StoredResponse } from './idempotency';
import { vatAfterLineCancel } from '../tax/vat-after-line-cancel';
import type { LineCut } from '../tax/vat-after-line-cancel';
import { splitLineMoney } from './line-cancel-money';
import type { LineMoney } from './line-cancel-money';
import { lockOrderWithFulfillments } from './order-locks';
import { appendOrderEvents } from './order-writes';
import { insertTables } from '../db/bulk-insert';
import {
  completePartialShipment,
  emptyFulfillments,
  shrinkPickLines,
} from './line-cancel-fulfillments';

export interface CancelLinesCommand {
  orderId: string;
  actor: string;
  lines: readonly { lineId: string; quantity: number }[];
  reason: string | undefined;
  idempotency: { key: string; fingerprint: string };
}

export interface CancelledLine {
  lineId: string;
  lineNo: number;
  sku: string;
  cancelledQuantity: number;
  /** Units still ordered on the line. */
  quantity: number;
  cancelledGrossMinor: number;
  cancelledTaxMinor: number;
}

export interface CancelLinesOutcome {
  orderId: string;
  lines: CancelledLine[];
  releasedUnits: number;
  /** Fulfillment orders whose pick lines changed (the stations see them again). */
  fulfillments: string[];
  /** Fulfillment orders left with nothing to pick, now cancelled. */
  cancelledFulfillments: string[];
  cancelledTotalMinor: number;
  totalMinor: number;
}

export const cancelLinesScope = (orderId: string) => `order-lines-cancel:${orderId}`;

/** Work on the fulfillment has not reached packing: its units may still be taken off. */
function beforePacking(state: FulfillmentState): boolean {
  const status = state.status === 'on_hold' ? state.heldFrom : state.status;
  return status === 'released' || status === 'picking';
}

const units = (n: number) => `${n} unit${n === 1 ? '' : 's'}`;

export async function cancelOrderLinesIn(
  trx: Transaction<Database>,
  command: CancelLinesCommand,
): Promise<{ replayed: boolean; response: StoredResponse }> {
  const order = await lockOrderWithFulfillments(trx, command.orderId);
  const scope = cancelLinesScope(order.id);
  const { key, fingerprint } = command.idempotency;
  // Read under the order's lock: a second request with the same key waits, then replays.
  const stored = await findReplay(trx, scope, key, fingerprint);
  if (stored) return { replayed: true, response: stored };
  if (order.state.status === 'cancelled')
    throw new ApiError(409, 'order_cancelled', 'The order is cancelled.', 'status');

  const orderRow = await trx
    .selectFrom('orders')
    .select(['prices_include_tax', 'total_minor', 'vat'])
    .where('id', '=', order.id)
    .executeTakeFirstOrThrow();
  const lines = await trx
    .selectFrom('order_lines')
    .selectAll()
    .where('order_id', '=', order.id)
    .orderBy('line_no')
    .forUpdate()
    .execute();
  const reservations = await trx
    .selectFrom('reservations')
    .select(['id', 'order_line_id', 'fulfillment_id', 'quantity'])
    .where('order_id', '=', order.id)
    .where('released_at', 'is', null)
    .orderBy('fulfillment_id')
    .orderBy('id')
    .forUpdate()
    .execute();
  const openFulfillments = new Set(
    order.fulfillments.filter((f) => beforePacking(f.state)).map((f) => f.id),
  );

  const seen = new Set<string>();
  const plans = command.lines.map((request, index) => {
    const field = `lines[${index}]`;
    const line = lines.find((l) => l.id === request.lineId);
    if (!line)
      throw new ApiError(
        422,
        'unknown_line',
        `${field}.lineId: the order has no line ${request.lineId}.`,
        `${field}.lineId`,
      );
    if (seen.has(line.id))
      throw new ApiError(
        422,
        'duplicate_line',
        `${field}.lineId: line ${line.line_no} (${line.sku}) is named twice.`,
        `${field}.lineId`,
      );
    seen.add(line.id);
    const taken = reservations.filter(
      (r) => r.order_line_id === line.id && openFulfillments.has(r.fulfillment_id),
    );
    const open = line.backordered_quantity + taken.reduce((sum, r) => sum + r.quantity, 0);
    if (request.quantity > open) {
      const beyond = line.quantity - open;
      throw new ApiError(
        409,
        open === 0 ? 'line_not_open' : 'quantity_not_open',
        `${field}.quantity: line ${line.line_no} (${line.sku}) has ${units(open)} open to cancel` +
          (beyond > 0 ? `; ${units(beyond)} are packed or shipped.` : '.') +
          ` ${units(request.quantity)} asked.`,
        `${field}.quantity`,
      );
    }
    return { line, quantity: request.quantity, taken };
  });

  const changedFulfillments = new Set<string>();
  const outcome: CancelledLine[] = [];
  let releasedUnits = 0;
  let cancelledTotal = { subtotal: 0, discount: 0, tax: 0, net: 0, total: 0 };
  const cuts: LineCut[] = [];
  for (const { line, quantity, taken } of plans) {
    let left = quantity;
    const fromBackorder = Math.min(left, line.backordered_quantity);
    left -= fromBackorder;
    for (const reservation of taken) {
      if (left === 0) break;
      const off = Math.min(left, reservation.quantity);
      left -= off;
      releasedUnits += off;
      await trx
        .updateTable('reservations')
        .set(
          off === reservation.quantity
            ? { released_at: new Date() }
            : { quantity: reservation.quantity - off },
        )
        .where('id', '=', reservation.id)
        .execute();
      await shrinkPickLines(trx, reservation.fulfillment_id, line.id, off);
      changedFulfillments.add(reservation.fulfillment_id);
    }

    const money: LineMoney = {
      quantity: line.quantity,
      lineTotalMinor: line.line_total_minor,
      discountMinor: line.discount_minor,
      taxMinor: line.tax_minor,
      netMinor: line.net_minor,
      grossMinor: line.gross_minor,
    };
    const { kept, cancelled } = splitLineMoney(money, quantity, orderRow.prices_include_tax);
    cuts.push({
      index: lines.indexOf(line),
      keptQuantity: kept.quantity,
      cancelQuantity: quantity,
    });
    await trx
      .updateTable('order_lines')
      .set({
        quantity: kept.quantity,
        backordered_quantity: line.backordered_quantity - fromBackorder,
        line_total_minor: kept.lineTotalMinor,
        discount_minor: kept.discountMinor,
        tax_minor: kept.taxMinor,
        net_minor: kept.netMinor,
        gross_minor: kept.grossMinor,
        cancelled_quantity: line.cancelled_quantity + cancelled.quantity,
        cancelled_line_total_minor: line.cancelled_line_total_minor + cancelled.lineTotalMinor,
        cancelled_discount_minor: line.cancelled_discount_minor + cancelled.discountMinor,
        cancelled_tax_minor: line.cancelled_tax_minor + cancelled.taxMinor,
        cancelled_net_minor: line.cancelled_net_minor + cancelled.netMinor,
        cancelled_gross_minor: line.cancelled_gross_minor + cancelled.grossMinor,
      })
      .where('id', '=', line.id)
      .execute();
    cancelledTotal = {
      subtotal: cancelledTotal.subtotal + cancelled.lineTotalMinor,
      discount: cancelledTotal.discount + cancelled.discountMinor,
      tax: cancelledTotal.tax + cancelled.taxMinor,
      net: cancelledTotal.net + cancelled.netMinor,
      total: cancelledTotal.total + cancelled.grossMinor,
    };
    outcome.push({
      lineId: line.id,
      lineNo: line.line_no,
      sku: line.sku,
      cancelledQuantity: quantity,
      quantity: kept.quantity,
      cancelledGrossMinor: cancelled.grossMinor,
      cancelledTaxMinor: cancelled.taxMinor,
    });
  }

  if (lines.every((l) => (outcome.find((o) => o.lineId === l.id)?.quantity ?? l.quantity) === 0))
    throw new ApiError(
      409,
      'cancels_whole_order',
      'This cancels every unit of the order: cancel the order instead.',
      'lines',
    );

  const emptied = await emptyFulfillments(trx, [...changedFulfillments]);
  await trx
    .updateTable('orders')
    .set((eb) => ({
      subtotal_minor: eb('subtotal_minor', '-', cancelledTotal.subtotal),
      discount_minor: eb('discount_minor', '-', cancelledTotal.discount),
      tax_minor: eb('tax_minor', '-', cancelledTotal.tax),
      net_minor: eb('net_minor', '-', cancelledTotal.net),
      total_minor: eb('total_minor', '-', cancelledTotal.total),
      // The VAT breakdown follows the lines (shown on the order page, printed on invoices).
      ...(orderRow.vat ? { vat: JSON.stringify(vatAfterLineCancel(orderRow.vat, cuts)) } : {}),
      updated_at: new Date(),
    }))
    .where('id', '=', order.id)
    .execute();
  await completePartialShipment(trx, order.id, order.state.status);
  const fulfillments = [...changedFulfillments].sort();
  await publishFulfillments(trx, fulfillments);

  const body: CancelLinesOutcome = {
    orderId: order.id,
    lines: outcome,
    releasedUnits,
    fulfillments,
    cancelledFulfillments: emptied,
    cancelledTotalMinor: cancelledTotal.total,
    totalMinor: orderRow.total_minor - cancelledTotal.total,
  };
  const detail = { ...body, reason: command.reason ?? null };
  await appendOrderEvents(trx, order.id, command.actor, [{ type: 'lines_cancelled', detail }]);
  await appendOutboxEvents(trx, [
    {
      type: 'order.lines_cancelled',
      aggregateType: 'order',
      aggregateId: order.id,
      payload: detail,
    },
  ]);
  const response = { statusCode: 200, body };
  await insertTables(trx, [idempotencyRows([{ scope, key, fingerprint, response }])]);
  return { replayed: false, response };
}
