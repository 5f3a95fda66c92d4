// Kysely typings of the payment tables owned by this folder (migration 1000-subscriptions).
import type { ColumnType, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type RecurringChargeStatus = 'sending' | 'paid' | 'pending' | 'failed';

/** One row per renewal attempt asked of a provider (or recorded on the ledger). */
export interface RecurringChargesTable {
  id: string;
  idempotency_key: string;
  subscription_id: string;
  cycle_no: number;
  attempt: number;
  provider: string;
  amount_minor: number;
  currency: string;
  status: RecurringChargeStatus;
  provider_reference: string | null;
  failure_reason: string | null;
  created_at: CreatedAt;
  settled_at: Date | null;
}

export interface PaymentTables {
  recurring_charges: RecurringChargesTable;
}

export type RecurringChargeRow = Selectable<RecurringChargesTable>;
