// Kysely typings of held work and voided carton numbers (migration 0740-work-holds).
import type { ColumnType } from 'kysely';

export interface WorkHoldsTable {
  fulfillment_id: string;
  station_id: string;
  warehouse_code: string;
  operator_id: string | null;
  stage: string;
  started_at: Date;
  last_progress_at: Date;
}

export interface VoidedSsccsTable {
  sscc: string;
  station_id: string;
  shipment_id: string;
  fulfillment_id: string;
  voided_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface WorkHoldTables {
  work_holds: WorkHoldsTable;
  voided_ssccs: VoidedSsccsTable;
}
