// The purchasing API (replenishment suggestions, purchase orders, forecasts) for the back office.
import { api, queryString } from '../app/api';
import type { ListSearch } from '../ui/DataTable';

export interface Suggestion {
  sku: string;
  warehouseCode: string;
  supplierCode: string;
  currency: string;
  unitCostMinor: number;
  leadTimeDays: number;
  onHand: number;
  reserved: number;
  inbound: number;
  reorderPoint: number;
  orderQuantity: number;
  coverDays: number | null;
  forecastMethod: string;
  reason: string;
}

export type PurchaseOrderStatus =
  'draft' | 'approved' | 'sent' | 'receiving' | 'received' | 'cancelled';

export interface PurchaseOrderRow {
  id: string;
  number: string;
  supplierCode: string;
  supplierName: string;
  warehouseCode: string;
  status: PurchaseOrderStatus;
  currency: string;
  expectedDate: string | null;
  createdAt: string;
  lines: number;
  units: number;
  totalMinor: number;
}

export interface PurchaseOrder {
  id: string;
  number: string;
  supplierCode: string;
  warehouseCode: string;
  status: PurchaseOrderStatus;
  currency: string;
  expectedDate: string | null;
  lines: {
    sku: string;
    quantity: number;
    receivedQuantity: number;
    unitCostMinor: number;
    reason: string | null;
  }[];
}

export interface Forecast {
  sku: string;
  warehouseCode: string;
  demandClass: string;
  method: string;
  forecastStart: string;
  next13WeeksUnits: number;
  accuracy: { mase: number | null; beatsSeasonalNaive: boolean; summary: string };
  daily: { day: string; units: number; lower: number; upper: number; knownUnits: number }[];
  backtest: {
    start: string;
    days: { day: string; sold: number | null; forecast: number }[];
  } | null;
}

export const fetchSuggestions = (warehouseCode?: string) =>
  api<{ suggestions: Suggestion[] }>(
    'GET',
    `/v1/replenishment/suggestions${queryString({ warehouseCode })}`,
  );

export const draftPurchaseOrders = (warehouseCode?: string) =>
  api<{ purchaseOrders: PurchaseOrder[] }>(
    'POST',
    '/v1/purchase-orders/from-suggestions',
    warehouseCode ? { warehouseCode } : {},
  );

export async function fetchPurchaseOrders(search: ListSearch) {
  const page = await api<{ purchaseOrders: PurchaseOrderRow[]; nextCursor: string | null }>(
    'GET',
    `/v1/purchase-orders${queryString({
      status: search.status,
      warehouseCode: search.warehouse,
      cursor: search.cursor,
      limit: 25,
    })}`,
  );
  return { rows: page.purchaseOrders, nextCursor: page.nextCursor };
}

export const fetchPurchaseOrder = (id: string) =>
  api<PurchaseOrder>('GET', `/v1/purchase-orders/${id}`);

export const advancePurchaseOrder = (id: string, step: 'approve' | 'send') =>
  api<PurchaseOrder>('POST', `/v1/purchase-orders/${id}/${step}`, {});

export const fetchForecast = (warehouseCode: string, sku: string) =>
  api<Forecast>(
    'GET',
    `/v1/forecasts/${encodeURIComponent(warehouseCode)}/${encodeURIComponent(sku)}`,
  );

export const money = (minor: number, currency: string, language: string) =>
  new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 100);
