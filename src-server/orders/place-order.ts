// Order intake: validate against the catalogue, then in ONE transaction lock the stock of the
// ordered SKUs, source the order, reserve, choose shipping and write the order, its fulfillment
// orders, its event trail and its outbox events. A rejected order writes nothing.
import type { Kysely } from 'kysely';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import { upsertCustomer } from '../customers/customer-upsert';
import { isRetryableConflict, isUniqueViolation } from '../db/errors';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { lockStockForSkus } from '../inventory/stock-locks';
import { appendOutboxEvents } from '../outbox/outbox';
import type { ShippingService } from '../shipping/rate-table';
import { resolveShipToLocation } from '../sourcing/ship-to-location';
import { findReplay, requestFingerprint, storeResponse } from './idempotency';
import type { OrderPlaced } from './order-contracts';
import { buildPlacedOrder } from './order-graph';
import type { SourcingWarehouse } from './order-graph';
import { insertOrderGraphs } from './order-writes';
import { priceOrder } from './priced-order';

export interface IntakeSettings {
  shippingServices: readonly ShippingService[];
  /** How much farther (km) one warehouse may be than the nearest to ship the whole order. */
  maxExtraKmForSingleWarehouse: number;
}

export interface PlaceOrderCommand {
  channelCode: string;
  order: CanonicalOrder;
  idempotencyKey: string | null;
  /** Who placed it, for the event trail: `channel:<code>` or `admin`. */
  actor: string;
}

export interface PlaceOrderResult {
  statusCode: number;
  body: OrderPlaced;
  replayed: boolean;
}

const MAX_ATTEMPTS = 3;
const WAREHOUSE_CACHE_MS = 5_000;
const warehouseCache = new WeakMap<
  Kysely<Database>,
  { until: number; rows: Promise<SourcingWarehouse[]> }
>();

/** Warehouses change rarely and every order needs them: remembered for a few seconds. */
function activeWarehouses(db: Kysely<Database>): Promise<SourcingWarehouse[]> {
  const hit = warehouseCache.get(db);
  if (hit && hit.until > Date.now()) return hit.rows;
  const rows = db
    .selectFrom('warehouses')
    .select(['code', 'country', 'latitude', 'longitude'])
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  warehouseCache.set(db, { until: Date.now() + WAREHOUSE_CACHE_MS, rows });
  rows.catch(() => warehouseCache.delete(db));
  return rows;
}

export async function placeOrder(
  db: Kysely<Database>,
  settings: IntakeSettings,
  command: PlaceOrderCommand,
): Promise<PlaceOrderResult> {
  const { channelCode, order, idempotencyKey } = command;
  const fingerprint = requestFingerprint(order);
  const replay = async () => {
    if (idempotencyKey === null) return null;
    const stored = await findReplay(db, channelCode, idempotencyKey, fingerprint);
    return stored
      ? { statusCode: stored.statusCode, body: stored.body as OrderPlaced, replayed: true }
      : null;
  };
  // No read-ahead for replays: the unique keys (idempotency key, channel order reference) catch
  // a replay at commit time, and the common case (a new key) saves a round trip.

  const located = resolveShipToLocation(order.shipTo);
  if (!located.ok) throw new ApiError(422, located.code, located.message, 'shipTo.country');
  const priced = await priceOrder(db, order);
  const warehouses = await activeWarehouses(db);

  for (let attempt = 1; ; attempt++) {
    try {
      const body = await db.transaction().execute(async (trx) => {
        const stock = await lockStockForSkus(
          trx,
          priced.lines.map((line) => line.sku),
        );
        const customer = await upsertCustomer(trx, order.customer);
        const placed = buildPlacedOrder({
          settings,
          command,
          priced,
          warehouses,
          shipTo: located.location,
          stock,
          customer,
        });
        await insertOrderGraphs(trx, [placed.graph]);
        await appendOutboxEvents(trx, placed.outbox);
        if (idempotencyKey !== null) {
          await storeResponse(trx, channelCode, idempotencyKey, fingerprint, {
            statusCode: 201,
            body: placed.body,
          });
        }
        return placed.body;
      });
      return { statusCode: 201, body, replayed: false };
    } catch (error) {
      if (isUniqueViolation(error)) {
        // A concurrent request with the same key (or the same channel order) committed first.
        const stored = await replay();
        if (stored) return stored;
        throw new ApiError(
          409,
          'duplicate_channel_order',
          `Channel ${channelCode} already sent order "${order.channelOrderRef}".`,
          'channelOrderRef',
        );
      }
      if (isRetryableConflict(error) && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}
