// Factories for sync tests: an enrolled station, and the documents a station pushes.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildSscc } from '../../shared/gs1/sscc';
import type { FulfillmentDoc, ShipmentDoc, WorkDoc } from '../../shared/sync/documents';
import { workDocId } from '../../shared/sync/documents';
import { ADMIN_TOKEN } from './server-harness';
import { bearer } from './oms-fixtures';

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
