// A shipped order with an authorised return, for the returns-desk story. The shipment is pushed
// through the real sync API by a second (API-only) station of the warehouse, as a packing station
// would; the RMA is created through the real RMA API. Stock is read from the central OMS's PGlite
// database while it is stopped (there is no stock API yet).
import { randomUUID } from 'node:crypto';
import { openDatabase, pgliteDirFor } from '../../../src-server/db/connect';
import { buildSscc } from '../../../shared/gs1/sscc';
import type { FulfillmentDoc, ShipmentDoc } from '../../../shared/sync/documents';
import { ADMIN, createStation, placeOrder, WAREHOUSE } from './pick-pack-fixture';

const json = { 'Content-Type': 'application/json' };

async function ok<T>(response: Response, what: string, status = 200): Promise<T> {
  if (response.status !== status)
    throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Enrols a station with no screen: its token pushes documents as a packing station would. */
export interface ApiStation {
  stationId: string;
  token: string;
}

export async function enrolApiStation(centralUrl: string, name: string): Promise<ApiStation> {
  const code = await createStation(centralUrl, name);
  return ok<ApiStation>(
    await fetch(`${centralUrl}/v1/stations/enrol`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ code }),
    }),
    'enrol',
  );
}

async function pullFulfillment(
  centralUrl: string,
  token: string,
  fulfillmentId: string,
): Promise<FulfillmentDoc> {
  let query = 'limit=500';
  for (let page = 0; page < 100; page++) {
    const body = await ok<{
      documents: FulfillmentDoc[];
      checkpoint: { updatedAt: number; id: string } | null;
    }>(
      await fetch(`${centralUrl}/v1/sync/fulfillments/pull?${query}`, {
        headers: { Authorization: `Bearer ${token}` },
      }),
      'pull fulfillments',
    );
    const found = body.documents.find((d) => d.id === fulfillmentId);
    if (found) return found;
    if (body.documents.length === 0 || !body.checkpoint) break;
    query = `limit=500&updatedAt=${body.checkpoint.updatedAt}&id=${body.checkpoint.id}`;
  }
  throw new Error(`fulfillment ${fulfillmentId} was not published to ${WAREHOUSE}`);
}

/** Packs every line of the fulfillment into one carton and confirms it: the order ships. */
export async function shipFulfillment(
  centralUrl: string,
  station: ApiStation,
  fulfillmentId: string,
): Promise<void> {
  const { token } = station;
  const fulfillment = await pullFulfillment(centralUrl, token, fulfillmentId);
  const shipment: ShipmentDoc = {
    id: randomUUID(),
    fulfillmentId,
    stationId: station.stationId,
    operatorId: 'op-api',
    carrier: fulfillment.carrier,
    service: fulfillment.service,
    cartons: [
      {
        id: randomUUID(),
        sscc: buildSscc(
          { companyPrefix: '8712345', extensionDigit: 5 },
          Math.floor(Math.random() * 1_000_000),
        ),
        boxType: 'M',
        weightGrams: 1500,
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
  };
  // The central OMS answers its verdict as the new master: it must be `accepted`.
  const masters = await ok<ShipmentDoc[]>(
    await fetch(`${centralUrl}/v1/sync/shipments/push`, {
      method: 'POST',
      headers: { ...json, Authorization: `Bearer ${token}` },
      body: JSON.stringify({ rows: [{ newDocumentState: { ...shipment, _deleted: false } }] }),
    }),
    'push shipment',
  );
  const refused = masters.find((m) => m.status !== 'accepted');
  if (refused) throw new Error(`shipment not accepted: ${JSON.stringify(refused)}`);
}

export interface AuthorisedReturn {
  orderId: string;
  orderNumber: string;
  rmaId: string;
  rmaCode: string;
}

/** Places an order (tea ×2, mug ×3, lamp ×1), ships it, and authorises the return of `skus` (one each unless `quantities` says more). */
export async function shippedOrderWithReturn(
  centralUrl: string,
  station: ApiStation,
  skus: readonly string[],
  quantities: Readonly<Record<string, number>> = {},
): Promise<AuthorisedReturn> {
  const orderNumber = `E2E-RET-${Date.now()}`;
  const { orderId, fulfillmentId } = await placeOrder(centralUrl, orderNumber);
  await shipFulfillment(centralUrl, station, fulfillmentId);
  const order = await ok<{ lines: { id: string; sku: string }[] }>(
    await fetch(`${centralUrl}/v1/orders/${orderId}`, { headers: ADMIN }),
    'order',
  );
  const lines = skus.map((sku) => ({
    orderLineId: order.lines.find((l) => l.sku === sku)!.id,
    quantity: quantities[sku] ?? 1,
  }));
  const rma = await ok<{ id: string; code: string }>(
    await fetch(`${centralUrl}/v1/rmas`, {
      method: 'POST',
      headers: { ...ADMIN, ...json },
      body: JSON.stringify({ orderId, lines, reason: 'changed_mind' }),
    }),
    'create RMA',
    201,
  );
  return { orderId, orderNumber, rmaId: rma.id, rmaCode: rma.code };
}

export interface RmaView {
  status: string;
  lines: { sku: string; receivedQuantity: number }[];
  receipts: { id: string; status: string; needsReview: boolean }[];
  refunds: { receiptId: string; status: string; amountMinor: number }[];
}

export async function getRma(centralUrl: string, rmaId: string): Promise<RmaView> {
  return ok<RmaView>(await fetch(`${centralUrl}/v1/rmas/${rmaId}`, { headers: ADMIN }), 'RMA');
}

/** The finance export's rows for one RMA code. */
export async function refundRows(centralUrl: string, rmaCode: string): Promise<string[]> {
  const response = await fetch(`${centralUrl}/v1/refunds.csv`, { headers: ADMIN });
  if (response.status !== 200) throw new Error(`refunds.csv: ${response.status}`);
  return (await response.text()).split(/\r?\n/).filter((row) => row.includes(rmaCode));
}

/** On-hand units per `sku@bin` in the warehouse; the central OMS must be stopped (PGlite is single-process). */
export async function readStock(
  dataDir: string,
  skus: readonly string[],
): Promise<Record<string, number>> {
  const database = await openDatabase({ databaseUrl: undefined, pgliteDir: pgliteDirFor(dataDir) });
  try {
    const rows = await database.db
      .selectFrom('stock')
      .select(['sku', 'bin_code', 'on_hand'])
      .where('warehouse_code', '=', WAREHOUSE)
      .where('sku', 'in', skus)
      .execute();
    return Object.fromEntries(rows.map((r) => [`${r.sku}@${r.bin_code}`, Number(r.on_hand)]));
  } finally {
    await database.close();
  }
}
