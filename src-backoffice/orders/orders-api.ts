// The order API as the back office reads it (GET /v1/orders, /v1/orders/:id, …/shipments) and
// the actions it takes (hold, release, cancel, cancel lines, change the ship-to address), each
// with the reason the person gave.
import type { OrderStatus } from '../../shared/orders/order-state';
import type { VatScheme } from '../../shared/tax/vat-scheme';
import { api, queryString } from '../app/api';
import type { ListSearch } from '../ui/DataTable';

export interface OrderRow {
  orderId: string;
  channel: string;
  channelOrderRef: string;
  status: OrderStatus;
  currency: string;
  totalMinor: number;
  poNumber: string | null;
  email: string | null;
  customerName: string | null;
  warehouses: string[];
  placedAt: string;
}

export interface OrderAddress {
  name: string;
  company?: string;
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  region?: string;
  country: string;
  phone?: string;
  email?: string;
}

export interface OrderDetail extends Omit<OrderRow, 'warehouses' | 'customerName'> {
  subtotalMinor: number;
  shippingChargedMinor: number;
  shipTo: OrderAddress;
  /** Which point sourcing measured from (postal-code area, place, region, country, the order's own). */
  shipToLocationSource: 'order' | 'postal-code' | 'city' | 'region' | 'country' | null;
  lines: {
    id: string;
    lineNo: number;
    sku: string;
    name: string;
    quantity: number;
    lineTotalMinor: number;
    backorderedQuantity: number;
    cancelledQuantity: number;
  }[];
  fulfillments: {
    id: string;
    warehouseCode: string;
    status: string;
    cancelRequested: boolean;
    carrier: string | null;
    service: string | null;
    /** The day it is due to leave (its warehouse's cut-off at release); null on older orders. */
    shipBy: string | null;
    lines: { lineId: string; sku: string; quantity: number }[];
  }[];
  events: { type: string; actor: string; detail: Record<string, unknown>; at: string }[];
  /** The order's tax per rate, as charged. */
  taxBreakdown: { ratePercent: number | null; netMinor: number; taxMinor: number }[];
  /** The VAT engine on the order; null before it or outside its rates. */
  vat: { scheme: VatScheme; matchesEngine: boolean | null } | null;
  /** Customer e-mails sent for the order (kind: the event that sent it, e.g. order_shipped). */
  emails: { kind: string; at: string }[];
}

export interface OrderShipment {
  id: string;
  fulfillmentId: string;
  warehouseCode: string;
  carrier: string;
  service: string;
  status: 'accepted' | 'refused';
  refusalReason: string | null;
  confirmedAt: string | null;
  cartons: {
    sscc: string;
    boxType: string;
    weightGrams: number | null;
    trackingNumber: string | null;
    trackingUrl: string | null;
  }[];
}

export async function fetchOrders(search: ListSearch) {
  const page = await api<{ orders: OrderRow[]; nextCursor: string | null }>(
    'GET',
    `/v1/orders${queryString({ ...search, limit: 25 })}`,
  );
  return { rows: page.orders, nextCursor: page.nextCursor };
}

export const fetchOrder = (id: string) => api<OrderDetail>('GET', `/v1/orders/${id}`);
export const fetchShipments = (id: string) =>
  api<{ shipments: OrderShipment[] }>('GET', `/v1/orders/${id}/shipments`);

export const ORDER_ACTIONS = ['hold', 'release-hold', 'cancel'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export const runOrderAction = (id: string, action: OrderAction, reason: string) =>
  api<unknown>('POST', `/v1/orders/${id}/${action}`, { reason });

/**
 * Cancels units of lines. The key is made once per form submission, so a retry of the same
 * submission (a lost answer) is answered from the server's first response, not cancelled twice.
 */
export const cancelOrderLines = (
  id: string,
  lines: { lineId: string; quantity: number }[],
  reason: string,
  idempotencyKey: string,
) =>
  api<{ cancelledTotalMinor: number; totalMinor: number }>(
    'POST',
    `/v1/orders/${id}/lines/cancel`,
    { lines, reason },
    { 'idempotency-key': idempotencyKey },
  );

export const changeShipTo = (id: string, shipTo: OrderAddress, reason: string) =>
  api<unknown>('POST', `/v1/orders/${id}/ship-to`, { shipTo, reason });

/** Sends a customer e-mail of the order again; the OMS composes it from the order as it is now. */
export const resendOrderEmail = (id: string, kind: string, reason: string) =>
  api<{ eventId: string }>('POST', `/v1/orders/${id}/emails/resend`, { kind, reason });

/** Minor units as money in the reader's language: 1234 EUR → "€ 12,34". */
export const money = (minor: number, currency: string, language: string) =>
  new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 100);
