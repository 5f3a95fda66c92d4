// Kysely typings of the notification tables (migration 0200-notifications).
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { OutboxEventType } from '../outbox/outbox';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
/** Set by the database clock (`now()` expressions) or left to its default. */
type Moment = ColumnType<Date, Date | string | undefined, Date | string>;
/** int8 columns are read as strings on both backends (see db/connect.ts). */
type BigintText = ColumnType<string, never, never>;

export type DeliveryStatus = 'pending' | 'delivered' | 'skipped' | 'dead';
export type AttemptOutcome = 'delivered' | 'skipped' | 'failed';

export interface WebhookSubscriptionsTable {
  id: string;
  url: string;
  event_types: Json<OutboxEventType[]>;
  secret: string;
  description: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  deleted_at: Date | null;
}

export interface OutboxDeliveriesTable {
  id: string;
  event_id: string;
  consumer: string;
  subscription_id: string | null;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  available_at: Moment;
  /** The dispatcher sending it now (outbox_dispatchers.id), null when nobody holds it. */
  claimed_by: ColumnType<string | null, string | null | undefined, string | null>;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: CreatedAt;
  updated_at: Moment;
}

export interface DeliveryAttemptsTable {
  id: Generated<BigintText>;
  delivery_id: string;
  attempt: number;
  outcome: AttemptOutcome;
  response_status: number | null;
  response_excerpt: string | null;
  error: string | null;
  duration_ms: number;
  attempted_at: CreatedAt;
}

export interface ProductReplenishmentTable {
  sku: string;
  reorder_point: number;
  reorder_quantity: number;
  supplier_name: string | null;
  supplier_email: string | null;
  updated_at: Moment;
}

export interface AlertMarksTable {
  kind: string;
  subject: string;
  event_id: string;
  raised_at: CreatedAt;
}

export interface NotificationTables {
  webhook_subscriptions: WebhookSubscriptionsTable;
  outbox_deliveries: OutboxDeliveriesTable;
  delivery_attempts: DeliveryAttemptsTable;
  product_replenishment: ProductReplenishmentTable;
  alert_marks: AlertMarksTable;
}

export type OutboxDeliveryRow = Selectable<OutboxDeliveriesTable>;
