// Kysely typings of suppliers, purchase orders and receiving (migration 0902-purchasing).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface SuppliersTable {
  code: string;
  name: string;
  email: string | null;
  locale: Defaulted<string>;
  created_at: CreatedAt;
}

export interface SupplierProductsTable {
  supplier_code: string;
  warehouse_code: string;
  sku: string;
  lead_time_days: number;
  review_days: Defaulted<number>;
  minimum_order_quantity: Defaulted<number>;
  pack_size: Defaulted<number>;
  unit_cost_minor: number;
  currency: string;
  service_level: Defaulted<number>;
}

export type PurchaseOrderStatus =
  'draft' | 'approved' | 'sent' | 'receiving' | 'received' | 'cancelled';

export interface PurchaseOrdersTable {
  id: string;
  number: string;
  supplier_code: string;
  warehouse_code: string;
  status: PurchaseOrderStatus;
  currency: string;
  expected_date: DateOnly | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PurchaseOrderLinesTable {
  id: string;
  purchase_order_id: string;
  sku: string;
  quantity: number;
  unit_cost_minor: number;
  received_quantity: Defaulted<number>;
  reason: string | null;
}

export interface ReceivingScansTable {
  id: string;
  purchase_order_id: string;
  sku: string;
  quantity: number;
  bin_code: string;
  match: 'expected' | 'over' | 'unexpected';
  lot: string | null;
  expiry: DateOnly | null;
  scanned_at: CreatedAt;
}

export interface StockMovementsTable {
  id: Generated<string>;
  warehouse_code: string;
  sku: string;
  bin_code: string;
  quantity: number;
  reason: string;
  reference: string;
  created_at: CreatedAt;
}

export interface PurchasingTables {
  suppliers: SuppliersTable;
  supplier_products: SupplierProductsTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  receiving_scans: ReceivingScansTable;
  stock_movements: StockMovementsTable;
}
