// Seeds an empty database with the demo in two parts. The catalogue: warehouses, bins, products,
// stock, packers and channels (with demo API keys printed to the log). Then the activity: 2,000
// orders placed through the real intake, and a shipped history with returns. The server serves
// as soon as the catalogue is in and writes the activity meanwhile, as a shop's orders arrive.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { openStock, SYSTEM_ACTOR } from '../inventory/movements';
import { DEMO_SHIPPING_SERVICES } from '../shipping/demo-rates';
import { DEMO_WAREHOUSES, demoBins, demoProducts, demoStock } from './demo-catalog';
import { insertDemoChannels } from './demo-channels';
import { DEMO_OPERATOR_PIN, insertDemoOperators } from './demo-operators';
import { insertDemoPurchasing } from './demo-purchasing';
import type { DemoChannelCredentials } from './demo-channels';
import { demoOrders } from './demo-orders';
import { placeDemoOrders } from './demo-placement';
import { seedDemoReturns } from './demo-returns';
import { createRandom } from './prng';

export interface SeedLog {
  info(detail: object, message: string): void;
}

export interface SeedOptions {
  seed: string;
  log: SeedLog;
  maxExtraKmForSingleWarehouse: number;
  orderCount?: number;
  productCount?: number;
}

const CHUNK = 500;
const DEMO_PRODUCT_COUNT = 500;
const DEMO_ORDER_COUNT = 2000;

async function insertChunked<T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{
    present: boolean;
  }>`select exists (select 1 from warehouses) or exists (select 1 from channels) as present`.execute(
    db,
  );
  return !rows[0]?.present;
}

/** Whether the demo's catalogue was seeded into this database. */
export async function isDemoDatabase(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('demo_seed').select('seed').executeTakeFirst()) !== undefined;
}

/** The whole demo, catalogue and activity, written before it returns. */
export async function seedDemoData(
  db: Kysely<Database>,
  options: SeedOptions,
): Promise<DemoChannelCredentials[]> {
  const credentials = await seedDemoCatalogue(db, options);
  await seedDemoActivity(db, options);
  return credentials;
}

/** The catalogue part, when the database is empty; `null` when it had data. */
export async function seedDemoCatalogueIfEmpty(
  db: Kysely<Database>,
  options: SeedOptions,
): Promise<DemoChannelCredentials[] | null> {
  if (!(await isDatabaseEmpty(db))) return null;
  return seedDemoCatalogue(db, options);
}

/** The seed's products and stock, and its random stream positioned after them (for the orders). */
function demoCatalogue(options: SeedOptions) {
  const random = createRandom(options.seed);
  const products = demoProducts(random, options.productCount ?? DEMO_PRODUCT_COUNT);
  const stock = demoStock(random, products);
  return { random, products, stock };
}

/** Warehouses, bins, products, stock, packers and channels, in one transaction. */
export async function seedDemoCatalogue(
  db: Kysely<Database>,
  options: SeedOptions,
): Promise<DemoChannelCredentials[]> {
  const { products, stock } = demoCatalogue(options);
  const credentials = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('warehouses')
      .values(
        DEMO_WAREHOUSES.map((w) => ({
          code: w.code,
          name: w.name,
          country: w.country,
          latitude: w.latitude,
          longitude: w.longitude,
          address: JSON.stringify(w.address),
          time_zone: w.timeZone,
        })),
      )
      .execute();
    // The demo has no carrier credentials: its carriers label as the own carrier by an explicit,
    // visible setting (back office and station status bar), never silently.
    const demoCarriers = [...new Set(DEMO_SHIPPING_SERVICES.map((s) => s.carrier))].filter(
      (c) => c !== 'own',
    );
    await trx
      .insertInto('carrier_credentials')
      .values(
        DEMO_WAREHOUSES.flatMap((w) =>
          demoCarriers.map((carrier) => ({
            warehouse_code: w.code,
            carrier,
            sealed: null,
            fallback_to_own: true,
          })),
        ),
      )
      .execute();
    const bins = DEMO_WAREHOUSES.flatMap((w) => demoBins(w.code));
    await insertChunked(bins, (chunk) =>
      trx
        .insertInto('bins')
        .values(
          chunk.map((b) => ({
            warehouse_code: b.warehouseCode,
            code: b.code,
            walk_sequence: b.walkSequence,
          })),
        )
        .execute(),
    );
    await insertChunked(products, async (chunk) => {
      await trx
        .insertInto('products')
        .values(
          chunk.map((p) => ({
            sku: p.sku,
            name: p.name,
            weight_grams: p.weightGrams,
            length_mm: p.lengthMm,
            width_mm: p.widthMm,
            height_mm: p.heightMm,
            hs_code: p.hsCode,
            country_of_origin: p.countryOfOrigin,
          })),
        )
        .execute();
      await trx
        .insertInto('product_gtins')
        .values(chunk.map((p) => ({ gtin: p.gtin, sku: p.sku })))
        .execute();
      await trx
        .insertInto('product_prices')
        .values(
          chunk.flatMap((p) =>
            Object.entries(p.prices).map(([currency, price]) => ({
              sku: p.sku,
              currency,
              unit_price_minor: price,
            })),
          ),
        )
        .execute();
    });
    await openStock(
      trx,
      stock.map((s) => ({
        warehouseCode: s.warehouseCode,
        binCode: s.binCode,
        sku: s.sku,
        quantity: s.onHand,
      })),
      {
        reason: 'opening_balance',
        referenceKind: 'seed',
        referenceId: `demo ${options.seed}`,
        actor: SYSTEM_ACTOR,
      },
    );
    await trx
      .insertInto('demo_seed')
      .values({
        seed: options.seed,
        product_count: products.length,
        order_count: options.orderCount ?? DEMO_ORDER_COUNT,
      })
      .execute();
    const purchaseOrders = await insertDemoPurchasing(trx, stock, DEMO_WAREHOUSES);
    options.log.info({ purchaseOrders }, 'demo purchase orders sent, to receive at the stations');
    const operators = await insertDemoOperators(trx);
    options.log.info(
      { operators, pin: DEMO_OPERATOR_PIN },
      'demo packers (badge + PIN; development only)',
    );
    return insertDemoChannels(trx, options.seed);
  });
  options.log.info(
    { products: products.length, warehouses: DEMO_WAREHOUSES.length },
    'demo catalogue seeded',
  );

  options.log.info(
    {
      channels: credentials.map((c) => ({
        channel: c.channel,
        apiKey: c.apiKey,
        ...(c.webhookSecret ? { webhookSecret: c.webhookSecret } : {}),
      })),
    },
    'demo channel API keys (development only; derived from DEMO_SEED)',
  );
  return credentials;
}

/**
 * A demo whose orders or history are not all written yet (stopped midway), if any: its seed and
 * sizes, to finish it as it was begun.
 */
export async function unfinishedDemoSeed(
  db: Kysely<Database>,
): Promise<Pick<SeedOptions, 'seed' | 'productCount' | 'orderCount'> | null> {
  const row = await db
    .selectFrom('demo_seed')
    .select(['seed', 'product_count', 'order_count'])
    .where('activity_finished_at', 'is', null)
    .executeTakeFirst();
  return row
    ? { seed: row.seed, productCount: row.product_count, orderCount: row.order_count }
    : null;
}

/**
 * The demo's activity after its catalogue: the orders, placed through the real intake, then the
 * shipped history with returns (about 5% of the demo orders' released fulfillments shipped, 30%
 * of those returned) for return analytics. `shouldStop` is asked between batches and between shipments.
 * Run again after a stop, it places the orders still missing (the ones stored are skipped); a
 * history that had started is kept as it is.
 */
export async function seedDemoActivity(
  db: Kysely<Database>,
  options: SeedOptions & { shouldStop?: () => boolean },
): Promise<void> {
  const started = Date.now();
  const shouldStop = options.shouldStop ?? (() => false);
  const { random, products } = demoCatalogue(options);
  const orders = demoOrders(random, products, options.orderCount ?? DEMO_ORDER_COUNT, new Date());
  const placed = await placeDemoOrders(
    db,
    {
      shippingServices: DEMO_SHIPPING_SERVICES,
      maxExtraKmForSingleWarehouse: options.maxExtraKmForSingleWarehouse,
    },
    orders,
    shouldStop,
  );
  options.log.info({ ...placed, ms: Date.now() - started }, 'demo orders placed');
  if (shouldStop()) return;

  const marker = db.updateTable('demo_seed').where('seed', '=', options.seed);
  const historyStarted = await marker
    .set({ history_started_at: new Date() })
    .where('history_started_at', 'is', null)
    .executeTakeFirst();
  if (historyStarted.numUpdatedRows > 0n) {
    const history = await seedDemoReturns(db, createRandom(`${options.seed}:returns`), {
      orders: orders.map((o) => ({ channel: o.channel, ref: o.order.channelOrderRef })),
      shipShare: 0.05,
      returnShare: 0.3,
      shouldStop,
    });
    options.log.info(
      { ...history, ms: Date.now() - started },
      'demo shipped history and returns seeded (for return analytics)',
    );
    if (shouldStop()) return;
  }
  await marker.set({ activity_finished_at: new Date() }).execute();
}
