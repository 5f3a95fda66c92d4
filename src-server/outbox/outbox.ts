// The transactional outbox: business events written in the same transaction as the change, so
// an event exists exactly when its change committed. A dispatcher (another module) delivers them.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

export type OutboxEventType = 'order.placed' | 'order.allocated' | 'order.backordered' | 'order.cancelled' | 'order.shipped';

export interface OutboxEvent {
  type: OutboxEventType;
  aggregateType: 'order';
  aggregateId: string;
  payload: Record<string, unknown>;
}

export async function appendOutboxEvents(trx: Transaction<Database>, events: readonly OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('outbox_events')
    .values(
      events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        aggregate_type: event.aggregateType,
        aggregate_id: event.aggregateId,
        payload: JSON.stringify(event.payload),
      })),
    )
    .execute();
}
