// Kysely typings of the subscription tables (migration 1000-subscriptions).
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { OrderCustomerInput } from '../../shared/orders/order-schema';
import type { PostalAddress } from '../db/schema';
import type { PaymentMandate } from '../payments/recurring-provider';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** `date` columns are read as strings (YYYY-MM-DD) on both backends: see db/connect.ts. */
type DateOnly = ColumnType<string, string, string>;
type BigintText = ColumnType<string, never, never>;

export type IntervalUnit = 'day' | 'week' | 'month';
export type PriceRule = 'fixed' | 'current';
export type Billing = 'per_delivery' | 'prepaid';
export type SubscriptionState = 'active' | 'paused' | 'cancelled' | 'expired';
export type RenewalStatus =
  | 'stock_short'
  | 'awaiting_payment'
  | 'payment_pending'
  | 'payment_failed'
  | 'completed'
  | 'unpaid'
  | 'skipped'
  | 'missed'
  | 'cancelled';
export type ChargeKind = 'charge' | 'prepaid';

export interface SubscriptionPlansTable {
  id: string;
  code: string;
  name: string;
  interval_unit: IntervalUnit;
  interval_count: number;
  day_of_month: number | null;
  cutoff_days: number;
  price_rule: PriceRule;
  discount_percent: number;
  min_cycles: number;
  max_cycles: number | null;
  billing: Billing;
  prepaid_deliveries: number;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface SubscriptionPlanProductsTable {
  plan_id: string;
  sku: string;
}

export interface SubscriptionsTable {
  id: string;
  reference: string;
  channel_code: string;
  external_ref: string | null;
  plan_id: string;
  customer_id: string;
  customer: Json<OrderCustomerInput>;
  email: string;
  locale: string;
  currency: string;
  ship_to: Json<PostalAddress>;
  payment: Json<PaymentMandate>;
  state: SubscriptionState;
  paused_until: DateOnly | null;
  anchor_date: DateOnly;
  next_cycle_no: ColumnType<number, number | undefined, number>;
  next_renewal_date: DateOnly;
  cycles_placed: ColumnType<number, number | undefined, number>;
  prepaid_remaining: ColumnType<number, number | undefined, number>;
  reminded_for: DateOnly | null;
  link_epoch: ColumnType<number, number | undefined, number>;
  cancelled_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SubscriptionLinesTable {
  subscription_id: string;
  line_no: number;
  sku: string;
  quantity: number;
  signup_unit_price_minor: number;
}

export interface ShortLine {
  sku: string;
  quantity: number;
}

/** Why a renewal could not be placed: units nobody has, or a line the catalogue cannot sell. */
export interface Shortage {
  reason: 'stock' | 'unavailable';
  lines: ShortLine[];
  message?: string;
}

export interface SubscriptionRenewalsTable {
  subscription_id: string;
  cycle_no: number;
  renewal_date: DateOnly;
  status: RenewalStatus;
  order_id: string | null;
  charge_kind: ChargeKind;
  amount_minor: number;
  currency: string;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_on: DateOnly | null;
  lease_until: Date | null;
  lease_token: string | null;
  stock_retry_on: DateOnly | null;
  promised_date: DateOnly | null;
  shortage: Json<Shortage | null> | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  settled_at: Date | null;
}

export interface SubscriptionEventsTable {
  id: Generated<BigintText>;
  subscription_id: string;
  cycle_no: number | null;
  type: string;
  actor: string;
  detail: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface SubscriptionTables {
  subscription_plans: SubscriptionPlansTable;
  subscription_plan_products: SubscriptionPlanProductsTable;
  subscriptions: SubscriptionsTable;
  subscription_lines: SubscriptionLinesTable;
  subscription_renewals: SubscriptionRenewalsTable;
  subscription_events: SubscriptionEventsTable;
}

export type PlanRow = Selectable<SubscriptionPlansTable>;
export type SubscriptionRow = Selectable<SubscriptionsTable>;
export type SubscriptionLineRow = Selectable<SubscriptionLinesTable>;
export type RenewalRow = Selectable<SubscriptionRenewalsTable>;
