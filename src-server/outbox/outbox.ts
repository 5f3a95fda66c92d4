// The transactional outbox: business events written in the same transaction as the change, so
// an event exists exactly when its change committed. The dispatcher (dispatcher.ts) delivers them.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { insertTables } from '../db/bulk-insert';
import type { TableRows } from '../db/bulk-insert';
import type { Database } from '../db/schema';

/** Every event type the OMS tells people and systems about (payloads: docs in notifications/). */
export const OUTBOX_EVENT_TYPES = [
  'order.placed',
  'order.allocated',
  'order.backordered',
  'order.shipped',
  'order.delivered',
  'order.cancelled',
  'order.lines_cancelled',
  'order.email_resent',
  'return.authorized',
  'return.received',
  'refund.issued',
  'stock.low',
  'product.not_selling',
  'shipment.late',
  'shipment.out_for_delivery',
  'shipment.delivered',
  'shipment.delivery_failed',
  'shipment.delivery_overdue',
  'report.return_rate_digest',
  'quote.sent',
  'quote.accepted',
  'quote.expired',
  'quote.expiry_reminder',
  'invoice.issued',
  'invoice.overdue',
  'invoice.paid',
  'credit_note.issued',
  'purchase_order.sent',
  'subscription.created',
  'subscription.changed',
  'subscription.renewal_reminder',
  'subscription.renewed',
  'subscription.stock_short',
  'subscription.renewal_missed',
  'subscription.payment_failed',
  'subscription.dunning_ended',
] as const;

export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];

export type OutboxAggregateType =
  | 'order'
  | 'return'
  | 'product'
  | 'stock'
  | 'fulfillment'
  | 'report'
  | 'quote'
  | 'invoice'
  | 'credit_note'
  | 'purchase_order'
  | 'subscription';

export interface OutboxEvent {
  /** Given when the writer must refer to the event (e.g. an alert remembering what it raised). */
  id?: string;
  type: OutboxEventType;
  aggregateType: OutboxAggregateType;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** Dispatchers LISTEN here so a committed event is delivered without waiting for the next poll. */
export const OUTBOX_CHANNEL = 'outbox_events';

/** Outbox rows for `insertTables`, when events travel with other rows in one statement. */
export function outboxRows(events: readonly OutboxEvent[]): TableRows {
  return {
    table: 'outbox_events',
    columns: {
      id: 'uuid',
      type: 'text',
      aggregate_type: 'text',
      aggregate_id: 'text',
      payload: 'jsonb',
    },
    rows: events.map((event) => ({
      id: event.id ?? randomUUID(),
      type: event.type,
      aggregate_type: event.aggregateType,
      aggregate_id: event.aggregateId,
      payload: event.payload,
    })),
  };
}

export async function appendOutboxEvents(
  trx: Transaction<Database>,
  events: readonly OutboxEvent[],
): Promise<void> {
  if (events.length === 0) return;
  // The notice is sent on commit only; PostgreSQL folds identical notices of one transaction.
  await insertTables(trx, [outboxRows(events)], [OUTBOX_CHANNEL]);
}
