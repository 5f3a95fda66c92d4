// Small factories for central OMS tests: a catalogue, warehouses with bins and stock, channels
// with known API keys, and canonical orders.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { gs1CheckDigit } from '../../shared/gs1/check-digit';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import { hashApiKey } from '../../src-server/access/api-keys';
import type { ChannelPlatform, Database } from '../../src-server/db/schema';
import { openStock, SYSTEM_ACTOR } from '../../src-server/inventory/movements';

export const WAREHOUSES = {
  'NL-TIL': { country: 'NL', latitude: 51.5606, longitude: 5.0919 },
  'BE-GNT': { country: 'BE', latitude: 51.0543, longitude: 3.7174 },
  'DE-KSL': { country: 'DE', latitude: 51.3127, longitude: 9.4797 },
} as const;
export type WarehouseCode = keyof typeof WAREHOUSES;

export const CHANNEL_KEYS = {
  web: 'key-web-0123456789',
  market: 'key-market-0123456789',
  magento: 'key-magento-0123456789',
};
export const SHOPIFY_SECRET = 'shopify-webhook-secret';

const gtin = (n: number) => {
  const body = `871234${String(n).padStart(6, '0')}`;
  return body + String(gs1CheckDigit(body));
};

/** The products row every test SKU gets: 500 g, 200 × 150 × 100 mm, made in NL. */
export function testProduct(sku: string) {
  return {
    sku,
    name: `Product ${sku}`,
    weight_grams: 500,
    length_mm: 200,
    width_mm: 150,
    height_mm: 100,
    hs_code: '691200',
    country_of_origin: 'NL',
  };
}

/** Stock per SKU: `{ 'SKU-1': { 'NL-TIL': 5 } }`; each SKU gets a product priced 10.00 EUR. */
export async function seedCatalog(
  db: Kysely<Database>,
  stock: Record<string, Partial<Record<WarehouseCode, number>>>,
  /** false for a database migrated only to before the inventory ledger (migration 0820). */
  options: { ledger?: boolean } = {},
) {
  await db
    .insertInto('warehouses')
    .values(
      Object.entries(WAREHOUSES).map(([code, w]) => ({
        code,
        name: code,
        address: JSON.stringify({ city: code }),
        ...w,
      })),
    )
    .execute();
  await db
    .insertInto('bins')
    .values(
      Object.keys(WAREHOUSES).flatMap((code) =>
        [1, 2, 3].map((n) => ({ warehouse_code: code, code: `A-0${n}`, walk_sequence: 10 * n })),
      ),
    )
    .execute();
  const skus = Object.keys(stock);
  if (skus.length === 0) return;
  await db.insertInto('products').values(skus.map(testProduct)).execute();
  await db
    .insertInto('product_gtins')
    .values(skus.map((sku, i) => ({ gtin: gtin(i + 1), sku })))
    .execute();
  await db
    .insertInto('product_prices')
    .values(skus.map((sku) => ({ sku, currency: 'EUR', unit_price_minor: 1000 })))
    .execute();
  const rows = Object.entries(stock).flatMap(([sku, perWarehouse]) =>
    Object.entries(perWarehouse).map(([warehouseCode, onHand]) => ({
      warehouseCode,
      sku,
      binCode: 'A-02',
      quantity: onHand ?? 0,
    })),
  );
  if (rows.length > 0 && options.ledger === false) {
    await db
      .insertInto('stock')
      .values(
        rows.map((r) => ({
          warehouse_code: r.warehouseCode,
          sku: r.sku,
          bin_code: r.binCode,
          on_hand: r.quantity,
        })),
      )
      .execute();
    return;
  }
  // Through the ledger, as every stock change is: tests can check on hand against movements.
  if (rows.length > 0)
    await db.transaction().execute((trx) =>
      openStock(trx, rows, {
        reason: 'opening_balance',
        referenceKind: 'seed',
        referenceId: 'test catalogue',
        actor: SYSTEM_ACTOR,
      }),
    );
}

export async function seedChannels(db: Kysely<Database>) {
  const channels: {
    code: string;
    kind: 'web_shop' | 'marketplace' | 'b2b_portal';
    platform: ChannelPlatform;
    key: string;
    secret: string | null;
  }[] = [
    {
      code: 'web',
      kind: 'web_shop',
      platform: 'shopify',
      key: CHANNEL_KEYS.web,
      secret: SHOPIFY_SECRET,
    },
    {
      code: 'market',
      kind: 'marketplace',
      platform: 'canonical',
      key: CHANNEL_KEYS.market,
      secret: null,
    },
    {
      code: 'magento',
      kind: 'b2b_portal',
      platform: 'magento',
      key: CHANNEL_KEYS.magento,
      secret: null,
    },
  ];
  await db
    .insertInto('channels')
    .values(
      channels.map((c) => ({
        code: c.code,
        name: c.code,
        kind: c.kind,
        platform: c.platform,
        webhook_secret: c.secret,
      })),
    )
    .execute();
  await db
    .insertInto('channel_api_keys')
    .values(
      channels.map((c) => ({
        id: randomUUID(),
        channel_code: c.code,
        key_hash: hashApiKey(c.key),
        label: 'test',
      })),
    )
    .execute();
}

let orderNumber = 0;

/** A B2C order shipping to Amsterdam (nearest: NL-TIL) unless overridden. */
export function makeOrder(
  overrides: Partial<CanonicalOrder> & { skus?: Record<string, number> } = {},
): CanonicalOrder {
  const { skus, ...rest } = overrides;
  orderNumber += 1;
  return {
    channelOrderRef: `T-${Date.now()}-${orderNumber}`,
    currency: 'EUR',
    customer: { type: 'person', name: 'Emma de Vries', email: 'emma@example.com' },
    shipTo: {
      name: 'Emma de Vries',
      line1: 'Damrak 1',
      postalCode: '1012 AB',
      city: 'Amsterdam',
      country: 'NL',
    },
    lines: Object.entries(skus ?? { 'SKU-1': 1 }).map(([sku, quantity]) => ({ sku, quantity })),
    ...rest,
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export async function countRows(
  db: Kysely<Database>,
  table:
    | 'orders'
    | 'order_lines'
    | 'reservations'
    | 'fulfillment_orders'
    | 'outbox_events'
    | 'order_events'
    | 'customers'
    | 'idempotency_keys',
) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function reservedUnits(db: Kysely<Database>, sku: string) {
  const row = await db
    .selectFrom('reservations')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('quantity'), eb.val('0')).as('n'))
    .where('sku', '=', sku)
    .where('released_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
