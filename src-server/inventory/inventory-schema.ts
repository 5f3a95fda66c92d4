// Kysely typings of the inventory ledger and transfers (migration 0820-inventory-movements).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface InventoryMovementsTable {
  id: Generated<string>;
  warehouse_code: string;
  bin_code: string;
  sku: string;
  quantity: number;
  reason: string;
  reference_kind: string;
  reference_id: string;
  note: string | null;
  actor_type: string;
  actor_id: string;
  actor_label: string | null;
  created_at: CreatedAt;
}

export interface StockTransfersTable {
  id: string;
  number: string;
  from_warehouse_code: string;
  to_warehouse_code: string;
  status: 'in_transit' | 'received';
  note: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface StockTransferLinesTable {
  transfer_id: string;
  sku: string;
  quantity: number;
  received_quantity: Defaulted<number>;
}

export interface StockTransferReceiptsTable {
  id: string;
  transfer_id: string;
  sku: string;
  quantity: number;
  bin_code: string;
  scanned_at: CreatedAt;
}

export interface InventoryTables {
  inventory_movements: InventoryMovementsTable;
  stock_transfers: StockTransfersTable;
  stock_transfer_lines: StockTransferLinesTable;
  stock_transfer_receipts: StockTransferReceiptsTable;
}
