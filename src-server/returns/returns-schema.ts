// Kysely typings of the returns and refunds tables (migrations 0300-returns, 0730-rma-parcels).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface RmasTable {
  id: string;
  code: string;
  order_id: string;
  warehouse_code: string;
  status: string;
  reason: string;
  reason_text: string | null;
  refund_method: string;
  /** After this moment the RMA takes no parcel any more (RMA_EXPIRY_DAYS from authorisation). */
  expires_at: ColumnType<Date, Date | string, Date | string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RmaLinesTable {
  id: string;
  rma_id: string;
  order_line_id: string;
  sku: string;
  quantity: number;
  received_quantity: ColumnType<number, number | undefined, number>;
  unit_price_minor: number;
}

export interface RmaEventsTable {
  id: Generated<string>;
  rma_id: string;
  from_status: string | null;
  to_status: string;
  actor: string;
  detail: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface ReturnReceiptsTable {
  id: string;
  rma_id: string | null;
  warehouse_code: string;
  station_id: string;
  operator_id: string;
  status: 'accepted' | 'refused';
  refusal_reason: string | null;
  needs_review: ColumnType<boolean, boolean | undefined, boolean>;
  note: string | null;
  received_at: ColumnType<Date, Date | string, Date | string>;
  created_at: CreatedAt;
}

export interface ReturnItemsTable {
  receipt_id: string;
  item_id: string;
  sku: string;
  quantity: number;
  grade: string;
  disposition: string;
  bin_code: string | null;
  match: string;
  note: string | null;
}

export interface OrderPaymentsTable {
  order_id: string;
  provider: string;
  payment_reference: string;
}

/** One refund per accepted receipt (parcel). */
export interface RefundsTable {
  id: string;
  rma_id: string;
  receipt_id: string;
  order_id: string;
  idempotency_key: string;
  method: string;
  provider: string;
  amount_minor: number;
  currency: string;
  breakdown: Json<Record<string, unknown>>;
  /** The order's shipping charge given back with this refund; above 0 on at most one refund per order. */
  shipping_minor: ColumnType<number, number | undefined, number>;
  status: 'pending' | 'issued' | 'failed';
  provider_reference: string | null;
  last_error: string | null;
  created_at: CreatedAt;
  issued_at: Date | null;
}

export interface ReturnsTables {
  rmas: RmasTable;
  rma_lines: RmaLinesTable;
  rma_events: RmaEventsTable;
  return_receipts: ReturnReceiptsTable;
  return_items: ReturnItemsTable;
  order_payments: OrderPaymentsTable;
  refunds: RefundsTable;
}
