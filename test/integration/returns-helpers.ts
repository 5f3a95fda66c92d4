// Factories for the returns tests: a shipped order (placed, pulled and confirmed by a station),
// an RMA over its lines, and the return receipt a station pushes.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import type { FulfillmentDoc, ReturnItem, ReturnReceiptDoc } from '../../shared/sync/documents';
import { bearer, CHANNEL_KEYS, makeOrder } from '../support/oms-fixtures';
import { ADMIN_TOKEN } from '../support/server-harness';
import { makeShipment, syncClient, type EnrolledTestStation } from '../support/sync-fixtures';

export const GHENT_ADDRESS = {
  name: 'Lotte Peeters',
  line1: 'Veldstraat 1',
  postalCode: '9000',
  city: 'Gent',
  country: 'BE',
};

export interface ShippedOrder {
  orderId: string;
  fulfillment: FulfillmentDoc;
  sscc: string;
  /** Order line id per SKU. */
  lineOf: Record<string, string>;
}

export async function shipOrder(
  app: FastifyInstance,
  station: EnrolledTestStation,
  skus: Record<string, number>,
  over: Partial<CanonicalOrder> = {},
): Promise<ShippedOrder> {
  const placed = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': randomUUID() },
    payload: makeOrder({ skus, shippingChargedMinor: 495, ...over }),
  });
  if (placed.statusCode !== 201) throw new Error(`place order: ${placed.body}`);
  const orderId = placed.json().orderId as string;
  const client = syncClient(app, station);
  const fulfillment = ((await client.pullAll('fulfillments')) as unknown as FulfillmentDoc[]).find(
    (d) => d.orderId === orderId,
  );
  if (!fulfillment) throw new Error(`order ${orderId} did not reach ${station.warehouseCode}`);
  const shipment = makeShipment(station, fulfillment);
  const pushed = await client.push('shipments', [
    { newDocumentState: { ...shipment, _deleted: false } },
  ]);
  if (pushed.json()[0]?.status !== 'accepted') throw new Error(`ship: ${pushed.body}`);
  const view = await app.inject({
    method: 'GET',
    url: `/v1/orders/${orderId}`,
    headers: bearer(ADMIN_TOKEN),
  });
  const lineOf = Object.fromEntries(
    (view.json().lines as { id: string; sku: string }[]).map((l) => [l.sku, l.id]),
  );
  return { orderId, fulfillment, sscc: shipment.cartons[0]!.sscc, lineOf };
}

export function createRma(
  app: FastifyInstance,
  order: ShippedOrder,
  lines: Record<string, number>,
  over: Record<string, unknown> = {},
  key = ADMIN_TOKEN,
) {
  return app.inject({
    method: 'POST',
    url: '/v1/rmas',
    headers: bearer(key),
    payload: {
      orderId: order.orderId,
      lines: Object.entries(lines).map(([sku, quantity]) => ({
        orderLineId: order.lineOf[sku] ?? sku,
        quantity,
      })),
      reason: 'damaged',
      refundMethod: 'original_payment',
      ...over,
    },
  });
}

export function makeItem(sku: string, over: Partial<ReturnItem> = {}): ReturnItem {
  return {
    id: randomUUID(),
    sku,
    quantity: 1,
    grade: 'A',
    note: null,
    disposition: 'restock',
    binCode: 'A-01',
    match: 'expected',
    ...over,
  };
}

export function makeReceipt(
  station: EnrolledTestStation,
  rmaId: string | null,
  items: ReturnItem[],
  over: Partial<ReturnReceiptDoc> = {},
): ReturnReceiptDoc {
  return {
    id: randomUUID(),
    rmaId,
    stationId: station.stationId,
    operatorId: 'op-1',
    items,
    note: null,
    status: 'submitted',
    refusalReason: null,
    refundMinor: null,
    receivedAt: new Date().toISOString(),
    updatedAt: 0,
    ...over,
  };
}

export function pushReceipt(
  app: FastifyInstance,
  station: EnrolledTestStation,
  receipt: ReturnReceiptDoc,
  assumed: ReturnReceiptDoc | null = null,
) {
  return syncClient(app, station).push('returns', [
    {
      ...(assumed ? { assumedMasterState: { ...assumed, _deleted: false } } : {}),
      newDocumentState: { ...receipt, _deleted: false },
    },
  ]);
}
