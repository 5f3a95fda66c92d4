// Placing orders: check each against the catalogue, then in ONE transaction lock the stock of the
// ordered SKUs, source every order in turn against what is left, reserve, choose shipping and
// write the orders, their fulfillment orders, event trails, outbox events and idempotency
// records. The intake queue (intake-queue.ts) hands this a batch of the orders that arrived
// together; a rejected order writes nothing and does not affect the others.
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import { applyContractPrices } from '../b2b/price-lists/contract-prices';
import { upsertCustomers } from '../customers/customer-upsert';
import type { TableRows } from '../db/bulk-insert';
import { isRetryableConflict } from '../db/errors';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { deductReservations, lockStockForSkus } from '../inventory/stock-locks';
import { OUTBOX_CHANNEL, outboxRows } from '../outbox/outbox';
import type { ShippingService } from '../shipping/rate-table';
import type { GeoPoint } from '../sourcing/great-circle';
import { resolveShipToLocation } from '../sourcing/ship-to-location';
import { addDistanceSales, readDistanceSales } from '../tax/distance-sales';
import { DEFAULT_VAT_SETTINGS, readChannelTaxSettings } from '../tax/vat-settings';
import type { VatSettings } from '../tax/vat-settings';
import { idempotencyRows } from './idempotency';
import type { OrderPlaced } from './order-contracts';
import { buildPlacedOrder } from './order-graph';
import type { PlacedOrderGraph, SourcingWarehouse } from './order-graph';
import { insertOrderGraphs } from './order-writes';
import { priceOrderFrom, readCatalogue } from './priced-order';
import { rollUpPlacedOrders } from '../reports/rollup-writes';
import type { CurrencySettings } from '../currencies/currency-settings';
import { baseMoneyForBatch, type BaseMoneyOf } from '../currencies/intake-exchange-rates';
import type { PricedOrder } from './priced-order';

export interface IntakeSettings {
  shippingServices: readonly ShippingService[];
  /** How much farther (km) one warehouse may be than the nearest to ship the whole order. */
  maxExtraKmForSingleWarehouse: number;
  /** The retailer's VAT settings; the defaults (NL, the law's OSS threshold) when absent. */
  vat?: VatSettings | undefined;
  /** The base currency and how old a rate may be; the defaults (EUR, 7 days) when absent. */
  currencies?: CurrencySettings | undefined;
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

/** A command that passed the checks needing no database: ready to join a batch. */
export interface AcceptedCommand {
  command: PlaceOrderCommand;
  /** Hash of the request body, stored with the idempotency key. */
  fingerprint: string;
  shipTo: GeoPoint;
}

/** Per command of a batch. */
export type BatchOutcome =
  | { kind: 'placed'; body: OrderPlaced }
  /** Refused with an error for this order alone (e.g. an unknown SKU). */
  | { kind: 'refused'; error: unknown }
  /** Its Idempotency-Key or channel order reference is already stored: to be answered alone. */
  | { kind: 'stored' };

const MAX_ATTEMPTS = 3;
const WAREHOUSE_CACHE_MS = 5_000;
const warehouseCache = new WeakMap<
  Kysely<Database>,
  { until: number; rows: Promise<SourcingWarehouse[]> }
>();

/** Warehouses change rarely and every order needs them: remembered for a few seconds. */
export function activeWarehouses(db: Kysely<Database>): Promise<SourcingWarehouse[]> {
  const hit = warehouseCache.get(db);
  if (hit && hit.until > Date.now()) return hit.rows;
  const rows = db
    .selectFrom('warehouses')
    .select(['code', 'name', 'address', 'country', 'latitude', 'longitude'])
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  warehouseCache.set(db, { until: Date.now() + WAREHOUSE_CACHE_MS, rows });
  rows.catch(() => warehouseCache.delete(db));
  return rows;
}

/**
 * The keys that must be unique among stored orders — the channel order reference and the
 * Idempotency-Key — as strings, to compare within a batch and with what is stored.
 */
export function uniqueKeysOf({ command }: AcceptedCommand): string[] {
  const keys = [`ref\u0000${command.channelCode}\u0000${command.order.channelOrderRef}`];
  if (command.idempotencyKey !== null)
    keys.push(`key\u0000${command.channelCode}\u0000${command.idempotencyKey}`);
  return keys;
}

/**
 * Which of the commands' unique keys are already stored, in one query. The pairs go as array
 * parameters: PGlite answered an `in ((…), (…))` list of thousands of parameters with no rows at
 * all while a LISTEN was active (the server's sync hub always has one).
 */
export async function storedUniqueKeys(
  db: Kysely<Database>,
  commands: readonly AcceptedCommand[],
): Promise<Set<string>> {
  const keyed = commands.filter(({ command }) => command.idempotencyKey !== null);
  const { rows } = await sql<{ kind: string; scope: string; value: string }>`
    select 'ref' as kind, channel_code as scope, channel_order_ref as value from orders
    where (channel_code, channel_order_ref) in (select * from unnest(
      ${commands.map(({ command }) => command.channelCode)}::text[],
      ${commands.map(({ command }) => command.order.channelOrderRef)}::text[]))
    union all
    select 'key', scope, key from idempotency_keys
    where (scope, key) in (select * from unnest(
      ${keyed.map(({ command }) => command.channelCode)}::text[],
      ${keyed.map(({ command }) => command.idempotencyKey!)}::text[]))`.execute(db);
  return new Set(rows.map((r) => `${r.kind}\u0000${r.scope}\u0000${r.value}`));
}

/** The checks that need no database; throws the 422 that names the field. */
export function acceptCommand(command: PlaceOrderCommand, fingerprint: string): AcceptedCommand {
  const located = resolveShipToLocation(command.order.shipTo);
  if (!located.ok) throw new ApiError(422, located.code, located.message, 'shipTo.country');
  return { command, fingerprint, shipTo: located.location };
}

/**
 * Prices every command against the catalogue (one query per currency in the batch), with the VAT
 * engine's verdict: the batch's orders count towards the year's distance sales in batch order.
 */
export async function priceAll(
  db: Kysely<Database>,
  vat: VatSettings,
  batch: readonly AcceptedCommand[],
): Promise<(PricedOrder | ApiError)[]> {
  const skusByCurrency = new Map<string, string[]>();
  for (const { command } of batch) {
    const skus = skusByCurrency.get(command.order.currency) ?? [];
    skus.push(...command.order.lines.map((line) => line.sku));
    skusByCurrency.set(command.order.currency, skus);
  }
  const [catalogueList, channels, distanceSales] = await Promise.all([
    Promise.all(
      [...skusByCurrency].map(
        async ([currency, skus]) => [currency, await readCatalogue(db, currency, skus)] as const,
      ),
    ),
    readChannelTaxSettings(
      db,
      batch.map(({ command }) => command.channelCode),
    ),
    readDistanceSales(db),
  ]);
  const catalogues = new Map(catalogueList);
  // B2B lines sent without a price get the company's contract price.
  const orders = await applyContractPrices(
    db,
    batch.map(({ command }) => command.order),
  );
  return batch.map(({ command }, i) => {
    try {
      const channel = channels.get(command.channelCode);
      return priceOrderFrom(
        orders[i]!,
        catalogues.get(command.order.currency)!,
        channel ? { settings: vat, channel, distanceSales } : undefined,
      );
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
  });
}

/**
 * Places a batch of orders in one transaction. Orders are sourced in batch order, each against
 * the stock the ones before it left, under row locks on every stock row of the batch's SKUs, so
 * concurrent batches (other API instances) never oversell. Throws when the transaction fails
 * (e.g. a unique key: an Idempotency-Key or channel order reference already stored); the caller
 * then places the orders one by one to tell which one it was.
 */
export async function placeOrders(
  db: Kysely<Database>,
  settings: IntakeSettings,
  batch: readonly AcceptedCommand[],
): Promise<BatchOutcome[]> {
  const [priced, stored, warehouses, baseMoney] = await Promise.all([
    priceAll(db, settings.vat ?? DEFAULT_VAT_SETTINGS, batch),
    // A replay in a batch would fail the whole transaction on its unique key. (Alone, the
    // unique key itself tells, without this look-up.)
    batch.length > 1 ? storedUniqueKeys(db, batch) : new Set<string>(),
    activeWarehouses(db),
    baseMoneyForBatch(
      db,
      settings.currencies,
      batch.map(({ command }) => command.order),
    ),
  ]);
  const outcomes: (BatchOutcome | null)[] = batch.map((accepted, i) => {
    const p = priced[i]!;
    if (uniqueKeysOf(accepted).some((key) => stored.has(key))) return { kind: 'stored' };
    return p instanceof ApiError ? { kind: 'refused', error: p } : null;
  });
  const toPlace = batch.flatMap((accepted, i) =>
    outcomes[i] === null ? [{ ...accepted, priced: priced[i] as PricedOrder, index: i }] : [],
  );
  if (toPlace.length === 0) return outcomes as BatchOutcome[];

  for (let attempt = 1; ; attempt++) {
    try {
      const placed = await db
        .transaction()
        .execute((trx) => sourceAndWriteOrders(trx, settings, toPlace, warehouses, { baseMoney }));
      toPlace.forEach(
        ({ index }, k) => (outcomes[index] = { kind: 'placed', body: placed[k]!.body }),
      );
      return outcomes as BatchOutcome[];
    } catch (error) {
      if (isRetryableConflict(error) && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}

/** An accepted command priced against the catalogue: ready to be sourced and written. */
export interface PricedCommand extends AcceptedCommand {
  priced: PricedOrder;
}

export interface SourceAndWriteOptions {
  /**
   * Sees each sourced order before anything is written and answers the graph to write, or null
   * to write nothing for it; the stock a dropped order would have reserved stays available.
   */
  review?: (graph: PlacedOrderGraph, index: number) => PlacedOrderGraph | null;
  /** More rows for the same statement, given what is written (e.g. records keyed by the orders). */
  also?: (written: readonly (PlacedOrderGraph | null)[]) => TableRows[];
  /** Each order's figures in the base currency (looked up before the transaction). */
  baseMoney?: BaseMoneyOf;
}

/**
 * The intake's transaction body: lock the stock of the orders' SKUs, source every order in turn
 * against what is left, reserve, and write the orders, their outbox events and idempotency
 * records in one statement. Runs in the caller's transaction (intake batches, renewals).
 */
export async function sourceAndWriteOrders(
  trx: Transaction<Database>,
  settings: IntakeSettings,
  toPlace: readonly PricedCommand[],
  warehouses: readonly SourcingWarehouse[],
  options: SourceAndWriteOptions = {},
): Promise<(PlacedOrderGraph | null)[]> {
  const stock = await lockStockForSkus(
    trx,
    toPlace.flatMap(({ priced }) => priced.lines.map((line) => line.sku)),
  );
  const customers = await upsertCustomers(
    trx,
    toPlace.map(({ command }) => command.order.customer),
  );
  const graphs = toPlace.map((item, k) => {
    const built = buildPlacedOrder({
      settings,
      command: item.command,
      priced: item.priced,
      warehouses,
      shipTo: item.shipTo,
      stock,
      customer: customers[k]!,
    });
    if (options.baseMoney) built.graph.order.base = options.baseMoney(built.graph.order);
    const kept = options.review ? options.review(built, k) : built;
    if (kept) deductReservations(stock, kept.graph.reservations);
    return kept;
  });
  const responses = toPlace.flatMap(({ command, fingerprint }, k) => {
    const graph = graphs[k];
    return command.idempotencyKey === null || !graph
      ? []
      : [
          {
            scope: command.channelCode,
            key: command.idempotencyKey,
            fingerprint,
            response: { statusCode: 201, body: graph.body },
          },
        ];
  });
  const written = graphs.filter((g): g is PlacedOrderGraph => g !== null);
  await addDistanceSales(
    trx,
    toPlace.flatMap(({ priced }, k) =>
      graphs[k] && priced.vat && priced.vat.distanceSaleEurMinor > 0
        ? [
            {
              year: Number(priced.vat.decision.supplyDate.slice(0, 4)),
              eurMinor: priced.vat.distanceSaleEurMinor,
            },
          ]
        : [],
    ),
  );
  // Orders, outbox events and idempotency records: one statement.
  await insertOrderGraphs(
    trx,
    written.map((g) => g.graph),
    {
      tables: [
        outboxRows(written.flatMap((g) => g.outbox)),
        idempotencyRows(responses),
        ...(options.also?.(graphs) ?? []),
      ],
      notify: [OUTBOX_CHANNEL],
    },
  );
  // Last, so the hot per-channel rollup rows are locked for the shortest time.
  await rollUpPlacedOrders(
    trx,
    written.map((g) => g.graph),
  );
  return graphs;
}
