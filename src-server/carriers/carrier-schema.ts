import type { ColumnType } from 'kysely';

export interface CarrierCredentialsTable {
  warehouse_code: string;
  carrier: string;
  /** base64 of IV (12 bytes) ‖ GCM tag (16 bytes) ‖ ciphertext of the credentials' JSON. */
  sealed: string | null;
  fallback_to_own: boolean;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CarrierTables {
  carrier_credentials: CarrierCredentialsTable;
}
