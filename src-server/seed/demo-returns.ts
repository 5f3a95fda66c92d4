// Shipped history with returns for the demo, so return analytics have something to show: a share
// of the released fulfillments is shipped by a (revoked) history station per warehouse, and some
// of those come back with RMAs, graded receipts and refunds. Everything goes through the real
// shipment, RMA and receipt code, so stock, order states and events stay consistent.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { buildSscc } from '../../shared/gs1/sscc';
import type { ReturnReason } from '../../shared/returns/rma-state';
import type { ReturnGrade, ReturnItem, ShipmentDoc } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import { applyReturnReceipt } from '../returns/return-receipt';
import { createRmaIn } from '../returns/rma-create';
import type { StationIdentity } from '../stations/stations';
import { confirmShipment } from '../sync/shipment-confirmation';
import type { Random } from './prng';
import { yieldToRequests } from './yield-to-requests';

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

/** One revoked station per warehouse "shipped" the history, so no one can sign in as it. */
async function historyStations(
  db: Kysely<Database>,
  warehouseCodes: readonly string[],
): Promise<Map<string, StationIdentity>> {
  const stations = new Map(
    [...new Set(warehouseCodes)].map((warehouseCode) => [
      warehouseCode,
      { stationId: randomUUID(), stationName: `${warehouseCode} history (demo)`, warehouseCode },
    ]),
  );
  if (stations.size === 0) return stations;
  await db
    .insertInto('stations')
    .values(
      [...stations.values()].map((station) => ({
        id: station.stationId,
        warehouse_code: station.warehouseCode,
        name: station.stationName,
        enrolment_code_hash: null,
        enrolment_expires_at: null,
        token_hash: null,
        enrolled_at: null,
        revoked_at: new Date(),
      })),
    )
    .execute();
  return stations;
}

/**
 * Ships a share of the demo orders' released fulfillments and returns some of them, one
 * transaction per shipment, as stations push them: the central OMS may already be serving while
 * this runs, and its requests take turns with the history instead of waiting for all of it. The
 * fulfillments are taken in order-reference order, so a seed gives the same demo every time.
 * `shouldStop` is asked between shipments (the server is shutting down). A station packing in
 * these first seconds can find one of its orders shipped by the history (and is told so).
 */
export async function seedDemoReturns(
  db: Kysely<Database>,
  random: Random,
  options: {
    /** The demo's own orders: the history never ships an order a channel sent meanwhile. */
    orders: readonly { channel: string; ref: string }[];
    shipShare: number;
    returnShare: number;
    shouldStop?: () => boolean;
  },
): Promise<DemoReturnsSummary> {
  const demoOrders = new Set(options.orders.map((o) => `${o.channel}\u0000${o.ref}`));
  const released = await db
    .selectFrom('fulfillment_orders as f')
    .innerJoin('orders as o', 'o.id', 'f.order_id')
    .select([
      'f.id',
      'f.order_id',
      'f.warehouse_code',
      'f.carrier_code',
      'f.service_code',
      'o.channel_code',
      'o.channel_order_ref',
    ])
    .where('f.status', '=', 'released')
    .orderBy(sql`o.channel_code collate "C"`)
    .orderBy(sql`o.channel_order_ref collate "C"`)
    .orderBy(sql`f.warehouse_code collate "C"`)
    .execute();
  const chosen = released
    .filter((f) => demoOrders.has(`${f.channel_code}\u0000${f.channel_order_ref}`))
    .filter(() => random.chance(options.shipShare));
  const stations = await historyStations(
    db,
    chosen.map((f) => f.warehouse_code),
  );
  const summary: DemoReturnsSummary = { shipped: 0, returned: 0 };
  for (const [index, f] of chosen.entries()) {
    await yieldToRequests();
    if (options.shouldStop?.()) break;
    const station = stations.get(f.warehouse_code)!;
    const outcome = await db
      .transaction()
      .execute((trx) =>
        shipAndMaybeReturn(trx, random, station, f, index + 1, options.returnShare),
      );
    if (outcome !== 'refused') summary.shipped += 1;
    if (outcome === 'returned') summary.returned += 1;
  }
  return summary;
}

/** Ships one fulfillment in a single carton; with `returnShare` chance, one line comes back. */
async function shipAndMaybeReturn(
  trx: Transaction<Database>,
  random: Random,
  station: StationIdentity,
  f: {
    id: string;
    order_id: string;
    carrier_code: string | null;
    service_code: string | null;
  },
  serial: number,
  returnShare: number,
): Promise<'refused' | 'shipped' | 'returned'> {
  const lines = await trx
    .selectFrom('fulfillment_lines as fl')
    .innerJoin('order_lines as ol', 'ol.id', 'fl.order_line_id')
    .select(['fl.id', 'fl.order_line_id', 'fl.sku', 'fl.quantity', 'fl.bin_code'])
    .where('fl.fulfillment_id', '=', f.id)
    .orderBy('ol.line_no')
    .orderBy('fl.walk_sequence')
    .orderBy(sql`fl.bin_code collate "C"`)
    .execute();
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
  const verdict = await confirmShipment(trx, station, shipment);
  if (verdict.status !== 'accepted') return 'refused';
  if (!random.chance(returnShare)) return 'shipped';

  const line = random.pick(lines);
  const quantity = random.int(1, line.quantity);
  const reason = random.pick(REASONS);
  const rmaId = await createRmaIn(
    trx,
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
  const decided = await applyReturnReceipt(
    trx,
    station,
    {
      id: randomUUID(),
      rmaId,
      stationId: station.stationId,
      operatorId: 'demo',
      items,
      note: null,
      status: 'submitted',
      refusalReason: null,
      refundMinor: null,
      receivedAt: new Date().toISOString(),
      updatedAt: 0,
    },
    null,
  );
  return decided.status === 'accepted' ? 'returned' : 'shipped';
}
