// Factories for sync tests: an enrolled station, and the documents a station pushes.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildSscc } from '../../shared/gs1/sscc';
import type { FulfillmentDoc, ShipmentDoc, WorkDoc } from '../../shared/sync/documents';
import { workDocId } from '../../shared/sync/documents';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import { ADMIN_TOKEN } from './server-harness';
import { bearer, CHANNEL_KEYS, makeOrder } from './oms-fixtures';

export interface EnrolledTestStation {
  stationId: string;
  stationName: string;
  warehouseCode: string;
  token: string;
}

export async function enrolTestStation(
  app: FastifyInstance,
  warehouseCode: string,
  name = `Station ${warehouseCode}`,
): Promise<EnrolledTestStation> {
  const created = await app.inject({
    method: 'POST',
    url: '/v1/stations',
    headers: bearer(ADMIN_TOKEN),
    payload: { warehouseCode, name },
  });
  if (created.statusCode !== 201) throw new Error(`create station: ${created.body}`);
  const enrolled = await app.inject({
    method: 'POST',
    url: '/v1/stations/enrol',
    payload: { code: created.json().enrolmentCode },
  });
  if (enrolled.statusCode !== 200) throw new Error(`enrol station: ${enrolled.body}`);
  return enrolled.json();
}

let ssccSerial = Math.floor(Math.random() * 1_000_000);

export function makeShipment(
  station: EnrolledTestStation,
  fulfillment: FulfillmentDoc,
  over: Partial<ShipmentDoc> = {},
): ShipmentDoc {
  ssccSerial += 1;
  return {
    id: randomUUID(),
    fulfillmentId: fulfillment.id,
    stationId: station.stationId,
    operatorId: 'op-1',
    carrier: fulfillment.carrier,
    service: fulfillment.service,
    cartons: [
      {
        id: randomUUID(),
        sscc: buildSscc({ companyPrefix: '8712345', extensionDigit: 0 }, ssccSerial),
        boxType: 'M',
        weightGrams: 1200,
        items: fulfillment.lines.map((l) => ({
          lineId: l.lineId,
          sku: l.sku,
          quantity: l.quantity,
          lot: null,
          serial: null,
          expiry: null,
        })),
        trackingNumber: null,
        labelState: 'printed',
      },
    ],
    status: 'confirmed',
    refusalReason: null,
    confirmedAt: new Date().toISOString(),
    updatedAt: 0,
    ...over,
  };
}

export function makeWork(
  station: EnrolledTestStation,
  fulfillment: FulfillmentDoc,
  over: Partial<WorkDoc> = {},
): WorkDoc {
  return {
    id: workDocId(fulfillment.id, station.stationId),
    fulfillmentId: fulfillment.id,
    stationId: station.stationId,
    operatorId: 'op-1',
    stage: 'picking',
    picked: {},
    shorts: [],
    updatedAt: 0,
    ...over,
  };
}

export function syncClient(app: FastifyInstance, station: EnrolledTestStation) {
  const headers = bearer(station.token);
  return {
    async pullAll(collection: string) {
      const documents: Record<string, unknown>[] = [];
      let query = 'limit=2';
      for (let page = 0; page < 1000; page++) {
        const res = await app.inject({
          method: 'GET',
          url: `/v1/sync/${collection}/pull?${query}`,
          headers,
        });
        if (res.statusCode !== 200) throw new Error(`pull ${collection}: ${res.body}`);
        const body = res.json();
        documents.push(...body.documents);
        if (body.documents.length === 0) return documents;
        query = `limit=2&updatedAt=${body.checkpoint.updatedAt}&id=${body.checkpoint.id}`;
      }
      throw new Error('pull did not finish');
    },
    push(collection: string, rows: { assumedMasterState?: unknown; newDocumentState: unknown }[]) {
      return app.inject({
        method: 'POST',
        url: `/v1/sync/${collection}/push`,
        headers,
        payload: { rows },
      });
    },
  };
}

/** Places an order and pulls its fulfillment as `station` sees it (the order must source there). */
export async function releasedFulfillment(
  app: FastifyInstance,
  station: EnrolledTestStation,
  skus: Record<string, number>,
  over: Partial<CanonicalOrder> = {},
): Promise<FulfillmentDoc> {
  const placed = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': randomUUID() },
    payload: makeOrder({ skus, ...over }),
  });
  if (placed.statusCode !== 201) throw new Error(`place order: ${placed.body}`);
  const orderId = placed.json().orderId as string;
  const docs = (await syncClient(app, station).pullAll(
    'fulfillments',
  )) as unknown as FulfillmentDoc[];
  const doc = docs.find((d) => d.orderId === orderId);
  if (!doc) throw new Error(`order ${orderId} did not reach ${station.warehouseCode}`);
  return doc;
}

/** Confirms a shipment of the whole fulfillment at `station`; answers the accepted master. */
export async function shipFulfillment(
  app: FastifyInstance,
  station: EnrolledTestStation,
  fulfillment: FulfillmentDoc,
): Promise<ShipmentDoc & { _deleted: boolean }> {
  const pushed = await syncClient(app, station).push('shipments', [
    { newDocumentState: { ...makeShipment(station, fulfillment), _deleted: false } },
  ]);
  const master = pushed.json()[0];
  if (master?.status !== 'accepted') throw new Error(`ship: ${pushed.body}`);
  return master;
}
