// What the dispatcher delivers to: a consumer (customer email, team alerts, webhooks) says which
// deliveries an event gets and performs one delivery. Consumers de-duplicate by event id.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

export interface DispatchedEvent {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface DeliveryJob {
  deliveryId: string;
  /** `kind` or `kind:qualifier`, e.g. `customer-email`, `webhook:<subscription id>`. */
  consumer: string;
  subscriptionId: string | null;
  /** 1 for the first try. */
  attempt: number;
  event: DispatchedEvent;
}

export interface DeliveryTarget {
  consumer: string;
  subscriptionId: string | null;
}

export interface DeliveryResult {
  /** `skipped`: nothing to deliver (no recipient, subscription removed); not retried. */
  outcome: 'delivered' | 'skipped';
  responseStatus?: number | undefined;
  responseExcerpt?: string | undefined;
}

/** A failed try; `permanent` dead-letters at once (a retry cannot help). */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly detail: {
      responseStatus?: number | undefined;
      responseExcerpt?: string | undefined;
      permanent?: boolean;
    } = {},
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

export interface OutboxConsumer {
  readonly kind: string;
  /** Once per fan-out round, inside its transaction: the deliveries an event type gets. */
  targets(trx: Transaction<Database>): Promise<(eventType: string) => DeliveryTarget[]>;
  deliver(job: DeliveryJob): Promise<DeliveryResult>;
}

export const consumerKind = (consumer: string): string => consumer.split(':', 1)[0]!;

/** Bodies and errors are kept short in the attempt log. */
export const excerpt = (text: string, max = 500): string =>
  text.length > max ? `${text.slice(0, max)}…` : text;
