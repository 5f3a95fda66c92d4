// Seeds an empty database with the demo: warehouses, bins, products, stock, channels (with demo
// API keys printed to the log) and 2,000 orders placed through the real intake.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DEMO_WAREHOUSES, demoBins, demoProducts, demoStock } from './demo-catalog';
import { insertDemoChannels } from './demo-channels';
import { DEMO_OPERATOR_PIN, insertDemoOperators } from './demo-operators';
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

export async function seedDemoDataIfEmpty(
  db: Kysely<Database>,
  options: SeedOptions,
): Promise<DemoChannelCredentials[] | null> {
  if (!(await isDatabaseEmpty(db))) return null;
  return seedDemoData(db, options);
}

/** Seeds the demo; the stock rows it inserted are handed to the order placement. */
export async function seedDemoData(
  db: Kysely<Database>,
  options: SeedOptions,
): Promise<DemoChannelCredentials[]> {
  const started = Date.now();
  const random = createRandom(options.seed);
  const products = demoProducts(random, options.productCount ?? 500);
  const stock = demoStock(random, products);
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
        })),
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
    await insertChunked(stock, (chunk) =>
      trx
        .insertInto('stock')
        .values(
          chunk.map((s) => ({
            warehouse_code: s.warehouseCode,
            sku: s.sku,
            bin_code: s.binCode,
            on_hand: s.onHand,
          })),
        )
        .execute(),
    );
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

  const orders = demoOrders(random, products, options.orderCount ?? 2000, new Date());
  await placeDemoOrders(db, {
    products,
    stock,
    orders,
    maxExtraKmForSingleWarehouse: options.maxExtraKmForSingleWarehouse,
  });
  options.log.info({ orders: orders.length, ms: Date.now() - started }, 'demo orders placed');
  const history = await seedDemoReturns(db, createRandom(`${options.seed}:returns`), {
    shipShare: 0.05,
    returnShare: 0.3,
  });
  options.log.info(history, 'demo shipped history and returns seeded (for return analytics)');
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
