// Small factories for the returns desk's tests.
import { gs1CheckDigit } from '../../shared/gs1/check-digit';
import { buildSscc } from '../../shared/gs1/sscc';
import type { ReturnItem, ReturnReceiptDoc, RmaDoc } from '../../shared/sync/documents';

export const TEA_GTIN = `0871234500001${gs1CheckDigit('0871234500001')}`;
export const PARCEL_SSCC = buildSscc({ companyPrefix: '8712345', extensionDigit: 0 }, 12);

export function makeRma(over: Partial<RmaDoc> = {}): RmaDoc {
  return {
    id: 'rma-1',
    code: 'R-2025-00017',
    orderId: 'order-1',
    orderNumber: 'WEB-1001',
    warehouseCode: 'NL-TIL',
    status: 'authorised',
    reason: 'wrong_size',
    reasonText: null,
    refundMethod: 'original_payment',
    customerName: 'Jan Jansen',
    trackingNumbers: ['3SABC123456789'],
    ssccs: [PARCEL_SSCC],
    lines: [
      {
        rmaLineId: 'line-tea',
        orderLineId: 'ol-1',
        sku: 'TEA',
        name: 'Green tea tin',
        quantity: 2,
        receivedQuantity: 0,
      },
      {
        rmaLineId: 'line-mug',
        orderLineId: 'ol-2',
        sku: 'MUG',
        name: 'Blue mug',
        quantity: 1,
        receivedQuantity: 0,
      },
    ],
    receiptIds: [],
    createdAt: '2025-03-01T10:00:00.000Z',
    expiresAt: '2099-03-31T10:00:00.000Z',
    updatedAt: 10,
    ...over,
  };
}

export function makeItem(over: Partial<ReturnItem> = {}): ReturnItem {
  return {
    id: 'I1',
    sku: 'TEA',
    quantity: 1,
    grade: 'A',
    note: null,
    disposition: 'restock',
    binCode: 'A-01',
    match: 'expected',
    ...over,
  };
}

export function makeReceipt(over: Partial<ReturnReceiptDoc> = {}): ReturnReceiptDoc {
  return {
    id: 'receipt-1',
    rmaId: 'rma-1',
    stationId: 'station-1',
    operatorId: 'op-1',
    items: [makeItem()],
    note: null,
    status: 'open',
    refusalReason: null,
    refundMinor: null,
    receivedAt: '2025-03-05T09:00:00.000Z',
    updatedAt: 0,
    ...over,
  };
}
