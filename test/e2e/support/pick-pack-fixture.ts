// Master data for the pick-and-pack story. The central OMS has no admin API for warehouses or
// stock yet, so the catalogue is written into its (PGlite) database before it starts, with
// the server's own migrations and tables. Operators, the station and the order then go through
// the real HTTP API; startPickPackWorld sets the whole stage up.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, pgliteDirFor } from '../../../src-server/db/connect';
import { migrateToLatest } from '../../../src-server/db/migrate';
import { insertDemoChannels } from '../../../src-server/seed/demo-channels';
import { gs1CheckDigit } from '../../../shared/gs1/check-digit';
import type { Locale } from '../../../shared/people/roles';
import {
  centralOms,
  createStationCode,
  E2E_ADMIN_TOKEN,
  stationWebHost,
  type ManagedProcess,
} from './processes';

export const WAREHOUSE = 'NL-E2E';
export const ADMIN = { Authorization: `Bearer ${E2E_ADMIN_TOKEN}` };

function gtin13(serial: number): string {
  const body = `871234599${String(serial).padStart(3, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

export const products = {
  tea: {
    sku: 'E2E-TEA',
    name: 'Green tea tin',
    gtin: gtin13(1),
    weightGrams: 150,
    bin: 'A-01',
    walk: 1,
  },
  mug: {
    sku: 'E2E-MUG',
    name: 'Blue mug',
    gtin: gtin13(2),
    weightGrams: 350,
    bin: 'B-02',
    walk: 5,
  },
  lamp: {
    sku: 'E2E-LAMP',
    name: 'Desk lamp',
    gtin: gtin13(3),
    weightGrams: 900,
    bin: 'C-03',
    walk: 9,
  },
  // In the warehouse's catalogue but never on the order: the "wrong item".
  spoon: {
    sku: 'E2E-SPOON',
    name: 'Steel spoon',
    gtin: gtin13(4),
    weightGrams: 40,
    bin: 'A-01',
    walk: 1,
  },
} as const;

/** A valid EAN-13 no product has, and the mug's code with a wrong check digit. */
export const unknownGtin = '4006381333931';
export const badCheckDigit = `${products.mug.gtin.slice(0, 12)}${(Number(products.mug.gtin.at(-1)) + 1) % 10}`;

export async function seedPickPackCatalogue(dataDir: string): Promise<void> {
  const database = await openDatabase({ databaseUrl: undefined, pgliteDir: pgliteDirFor(dataDir) });
  try {
    await migrateToLatest(database.db);
    await database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('warehouses')
        .values({
          code: WAREHOUSE,
          name: 'E2E Tilburg',
          country: 'NL',
          latitude: 51.5606,
          longitude: 5.0919,
          address: JSON.stringify({
            name: 'E2E Tilburg',
            line1: 'Kraaivenstraat 21',
            postalCode: '5048 AB',
            city: 'Tilburg',
            country: 'NL',
          }),
        })
        .execute();
      const all = Object.values(products);
      const bins = [...new Map(all.map((p) => [p.bin, p.walk])).entries()];
      await trx
        .insertInto('bins')
        .values(
          bins.map(([code, walk]) => ({ warehouse_code: WAREHOUSE, code, walk_sequence: walk })),
        )
        .execute();
      await trx
        .insertInto('products')
        .values(
          all.map((p) => ({
            sku: p.sku,
            name: p.name,
            weight_grams: p.weightGrams,
            length_mm: 100,
            width_mm: 100,
            height_mm: 100,
            hs_code: '691200',
            country_of_origin: 'NL',
          })),
        )
        .execute();
      await trx
        .insertInto('product_gtins')
        .values(all.map((p) => ({ gtin: p.gtin, sku: p.sku })))
        .execute();
      await trx
        .insertInto('product_prices')
        .values(all.map((p) => ({ sku: p.sku, currency: 'EUR', unit_price_minor: 995 })))
        .execute();
      await trx
        .insertInto('stock')
        .values(
          all.map((p) => ({
            warehouse_code: WAREHOUSE,
            sku: p.sku,
            bin_code: p.bin,
            on_hand: 100,
          })),
        )
        .execute();
      await insertDemoChannels(trx, 'pick-pack-e2e');
    });
  } finally {
    await database.close();
  }
}

export async function createOperator(
  centralUrl: string,
  operator: { badge: string; name: string; pin: string; locale: Locale },
): Promise<void> {
  const response = await fetch(`${centralUrl}/v1/operators`, {
    method: 'POST',
    headers: { ...ADMIN, 'Content-Type': 'application/json' },
    body: JSON.stringify({ warehouseCode: WAREHOUSE, ...operator }),
  });
  if (response.status !== 201)
    throw new Error(`operator: ${response.status} ${await response.text()}`);
}

/**
 * The fixture's warehouse has no carrier contracts: each carrier that has services here labels as
 * the own carrier, chosen on purpose through the admin API (as a retailer without contracts
 * would), so the station prints UPU S10 labels instead of keeping cartons label-pending.
 */
export async function allowOwnCarrierFallback(centralUrl: string): Promise<void> {
  const listed = await fetch(`${centralUrl}/v1/warehouses/${WAREHOUSE}/carriers`, {
    headers: ADMIN,
  });
  if (listed.status !== 200) throw new Error(`carriers: ${listed.status} ${await listed.text()}`);
  const { carriers } = (await listed.json()) as { carriers: { carrier: string }[] };
  for (const { carrier } of carriers) {
    if (carrier === 'own') continue;
    const response = await fetch(`${centralUrl}/v1/warehouses/${WAREHOUSE}/carriers/${carrier}`, {
      method: 'PUT',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ fallbackToOwn: true }),
    });
    if (response.status !== 204)
      throw new Error(`carrier ${carrier}: ${response.status} ${await response.text()}`);
  }
}

/** A station for the fixture's warehouse; answers its one-time enrolment code. */
export function createStation(centralUrl: string, name: string): Promise<string> {
  return createStationCode(centralUrl, WAREHOUSE, name);
}

/**
 * The stage of a pick-and-pack story: a central OMS on the fixture's catalogue (in a fresh data
 * directory), its packers, and one enrolled station web host, all started.
 */
export async function startPickPackWorld(options: {
  dirPrefix: string;
  stationName: string;
  operators: { badge: string; name: string; pin: string; locale: Locale }[];
}): Promise<{ central: ManagedProcess; station: ManagedProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), options.dirPrefix));
  await seedPickPackCatalogue(dataDir);
  const central = await centralOms({ dataDir });
  await central.start();
  try {
    for (const operator of options.operators) await createOperator(central.url, operator);
    await allowOwnCarrierFallback(central.url);
    const code = await createStation(central.url, options.stationName);
    const station = await stationWebHost(central.url, { STATION_ENROLMENT_CODE: code });
    await station.start();
    return { central, station };
  } catch (err) {
    await central.stop();
    throw err;
  }
}

const THREE_LINES = [
  { sku: products.tea.sku, quantity: 2 },
  { sku: products.mug.sku, quantity: 3 },
  { sku: products.lamp.sku, quantity: 1 },
];

/** Places tea ×2, mug ×3, lamp ×1 (or the given lines) for a Dutch address; answers the order and its fulfillment. */
export async function placeOrder(
  centralUrl: string,
  ref: string,
  lines: { sku: string; quantity: number }[] = THREE_LINES,
): Promise<{ orderId: string; fulfillmentId: string }> {
  const response = await fetch(`${centralUrl}/v1/orders`, {
    method: 'POST',
    headers: {
      ...ADMIN,
      'Content-Type': 'application/json',
      'Idempotency-Key': ref,
      'X-Channel-Code': 'webshop',
    },
    body: JSON.stringify({
      channelOrderRef: ref,
      currency: 'EUR',
      customer: { type: 'person', name: 'Jan Jansen', email: 'jan@example.nl', locale: 'nl' },
      shipTo: {
        name: 'Jan Jansen',
        line1: 'Oudegracht 1',
        postalCode: '3511 AA',
        city: 'Utrecht',
        country: 'NL',
      },
      lines,
    }),
  });
  const body = (await response.json()) as {
    orderId: string;
    fulfillments: { id: string; warehouseCode: string }[];
  };
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`order: ${response.status} ${JSON.stringify(body)}`);
  const fulfillment = body.fulfillments.find((f) => f.warehouseCode === WAREHOUSE);
  if (!fulfillment)
    throw new Error(`order was not sourced from ${WAREHOUSE}: ${JSON.stringify(body)}`);
  return { orderId: body.orderId, fulfillmentId: fulfillment.id };
}

export async function orderStatus(centralUrl: string, orderId: string): Promise<string> {
  const response = await fetch(`${centralUrl}/v1/orders/${orderId}`, { headers: ADMIN });
  return ((await response.json()) as { status: string }).status;
}
