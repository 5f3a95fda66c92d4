// Shipped history with returns for the demo, so return analytics have something to show: a share
// of the released fulfillments is shipped by a (revoked) history station per warehouse, and some
// of those come back with RMAs, graded receipts and refunds. Everything goes through the real
// shipment, RMA and receipt code, so stock, order states and events stay consistent.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { buildSscc } from '../../shared/gs1/sscc';
import type { ReturnReason } from '../../shared/returns/rma-state';
import type { ReturnGrade, ReturnItem, ShipmentDoc } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import { applyReturnReceipt } from '../returns/return-receipt';
import { createRma } from '../returns/rma-create';
import type { StationIdentity } from '../stations/stations';
import { confirmShipment } from '../sync/shipment-confirmation';
import type { Random } from './prng';

/** Extension digit 9 keeps demo SSCCs apart from the ranges leased to real stations (digit 0 by default). */
const DEMO_SSCC = { companyPrefix: '8712345', extensionDigit: 9 };
const REASONS: readonly ReturnReason[] = [
  'wrong_size',
  'wrong_size',
  'wrong_size',
  'damaged',
  'not_as_described',
  'changed_mind',
  'changed_mind',
  'arrived_late',
];
const GRADES: readonly ReturnGrade[] = ['A', 'A', 'A', 'B', 'B', 'C', 'D'];

export interface DemoReturnsSummary {
  shipped: number;
  returned: number;
}

async function historyStation(
  db: Kysely<Database>,
  warehouseCode: string,
): Promise<StationIdentity> {
  const station = {
    stationId: randomUUID(),
    stationName: `${warehouseCode} history (demo)`,
    warehouseCode,
  };
  await db
    .insertInto('stations')
    .values({
      id: station.stationId,
      warehouse_code: warehouseCode,
      name: station.stationName,
      enrolment_code_hash: null,
      enrolment_expires_at: null,
      token_hash: null,
      enrolled_at: null,
      revoked_at: new Date(),
    })
    .execute();
  return station;
}

export async function seedDemoReturns(
  db: Kysely<Database>,
  random: Random,
  options: { shipShare: number; returnShare: number },
): Promise<DemoReturnsSummary> {
  const released = await db
    .selectFrom('fulfillment_orders')
    .select(['id', 'order_id', 'warehouse_code', 'carrier_code', 'service_code'])
    .where('status', '=', 'released')
    .orderBy('id')
    .execute();
  const chosen = released.filter(() => random.chance(options.shipShare));
  const stations = new Map<string, StationIdentity>();
  let serial = 0;
  let returned = 0;
  for (const f of chosen) {
    const station = stations.get(f.warehouse_code) ?? (await historyStation(db, f.warehouse_code));
    stations.set(f.warehouse_code, station);
    const lines = await db
      .selectFrom('fulfillment_lines')
      .select(['id', 'order_line_id', 'sku', 'quantity', 'bin_code'])
      .where('fulfillment_id', '=', f.id)
      .execute();
    serial += 1;
    const shipment: ShipmentDoc = {
      id: randomUUID(),
      fulfillmentId: f.id,
      stationId: station.stationId,
      operatorId: 'demo',
      carrier: f.carrier_code ?? 'own',
      service: f.service_code ?? 'standard',
      cartons: [
        {
          id: randomUUID(),
          sscc: buildSscc(DEMO_SSCC, serial),
          boxType: 'M',
          weightGrams: 1000,
          trackingNumber: null,
          labelState: 'printed',
          items: lines.map((l) => ({
            lineId: l.id,
            sku: l.sku,
            quantity: l.quantity,
            lot: null,
            serial: null,
            expiry: null,
          })),
        },
      ],
      status: 'confirmed',
      refusalReason: null,
      confirmedAt: new Date().toISOString(),
      updatedAt: 0,
    };
    const verdict = await db
      .transaction()
      .execute((trx) => confirmShipment(trx, station, shipment));
    if (verdict.status !== 'accepted' || !random.chance(options.returnShare)) continue;

    const line = random.pick(lines);
    const quantity = random.int(1, line.quantity);
    const reason = random.pick(REASONS);
    const rmaId = await createRma(
      db,
      {
        orderId: f.order_id,
        lines: [{ orderLineId: line.order_line_id, quantity }],
        reason,
        refundMethod: 'original_payment',
      },
      { actor: 'demo', channelCode: null },
    );
    const items: ReturnItem[] = Array.from({ length: quantity }, () => {
      const grade = random.pick(GRADES);
      const restock = grade === 'A' || grade === 'B';
      return {
        id: randomUUID(),
        sku: line.sku,
        quantity: 1,
        grade,
        note: null,
        disposition: restock ? 'restock' : grade === 'C' ? 'quarantine' : 'scrap',
        binCode: restock ? line.bin_code : null,
        match: 'expected',
      };
    });
    const receipt = {
      id: randomUUID(),
      rmaId,
      stationId: station.stationId,
      operatorId: 'demo',
      items,
      note: null,
      status: 'submitted' as const,
      refusalReason: null,
      refundMinor: null,
      receivedAt: new Date().toISOString(),
      updatedAt: 0,
    };
    const decided = await db
      .transaction()
      .execute((trx) => applyReturnReceipt(trx, station, receipt, null));
    if (decided.status === 'accepted') returned += 1;
  }
  return { shipped: chosen.length, returned };
}
