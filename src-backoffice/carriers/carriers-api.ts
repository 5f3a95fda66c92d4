// The carrier settings API: each carrier's label status at a warehouse, and setting a carrier's
// credentials (write-only: the answer never holds them) and its fallback to the own carrier.
import { api } from '../app/api';

export type CarrierState = 'configured' | 'fallback-to-own' | 'missing' | 'no-adapter';

export interface CarrierStatusRow {
  carrier: string;
  status: CarrierState;
  fallbackToOwn: boolean;
  updatedAt: string | null;
  problem: string | null;
}

export const fetchCarrierStatuses = (warehouse: string) =>
  api<{ carriers: CarrierStatusRow[] }>(
    'GET',
    `/v1/warehouses/${encodeURIComponent(warehouse)}/carriers`,
  );

export const saveCarrierSetting = (
  warehouse: string,
  carrier: string,
  setting: { credentials?: Record<string, unknown>; fallbackToOwn: boolean },
) =>
  api<void>(
    'PUT',
    `/v1/warehouses/${encodeURIComponent(warehouse)}/carriers/${encodeURIComponent(carrier)}`,
    setting,
  );
