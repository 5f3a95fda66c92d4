// Kysely typings of the station and sync tables (migration 0100-stations-sync).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
/** int8 columns are read as strings on both backends (see db/connect.ts). */
type BigintText = ColumnType<string, number | string | bigint, number | string | bigint>;

export interface StationsTable {
  id: string;
  warehouse_code: string;
  name: string;
  enrolment_code_hash: string | null;
  enrolment_expires_at: Date | null;
  token_hash: string | null;
  enrolled_at: Date | null;
  revoked_at: Date | null;
  created_at: CreatedAt;
}

export interface OperatorsTable {
  id: string;
  warehouse_code: string;
  badge: string;
  name: string;
  pin_hash: string;
  pin_salt: string;
  locale: ColumnType<string, string | undefined, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface SyncDocumentsTable {
  warehouse_code: string;
  collection: string;
  id: string;
  doc: Json<Record<string, unknown>>;
  updated_at: BigintText;
  deleted: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface NumberRangesTable {
  kind: string;
  next_serial: BigintText;
}

export interface NumberLeasesTable {
  id: Generated<string>;
  station_id: string;
  kind: string;
  first_serial: BigintText;
  last_serial: BigintText;
  created_at: CreatedAt;
}

export interface ShipmentsTable {
  id: string;
  fulfillment_id: string;
  station_id: string;
  operator_id: string;
  carrier: string;
  service: string;
  status: 'accepted' | 'refused';
  refusal_reason: string | null;
  confirmed_at: Date | string | null;
  created_at: CreatedAt;
  /** The carrier's latest word on the parcel (migration 0790); null until the first event. */
  tracking_state: ColumnType<string | null, string | null | undefined, string | null>;
  tracking_state_at: ColumnType<
    Date | null,
    Date | string | null | undefined,
    Date | string | null
  >;
  tracking_polled_at: ColumnType<
    Date | null,
    Date | string | null | undefined,
    Date | string | null
  >;
  delivered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CartonsTable {
  sscc: string;
  shipment_id: string;
  box_type: string;
  weight_grams: number | null;
  tracking_number: string | null;
  items: Json<unknown[]>;
  tracking_state: ColumnType<string | null, string | null | undefined, string | null>;
  tracking_state_at: ColumnType<
    Date | null,
    Date | string | null | undefined,
    Date | string | null
  >;
}

export interface SyncTables {
  stations: StationsTable;
  operators: OperatorsTable;
  sync_documents: SyncDocumentsTable;
  number_ranges: NumberRangesTable;
  number_leases: NumberLeasesTable;
  shipments: ShipmentsTable;
  cartons: CartonsTable;
}
