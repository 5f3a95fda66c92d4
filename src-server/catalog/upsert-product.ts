// Product master data: create or replace a product (name, GTINs, dimensions, customs data, prices
// per currency, what must be captured when it is packed). Stations of every warehouse that stocks
// it get the new version in the same transaction.
import { z } from 'zod';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { parseGtin } from '../../shared/barcodes/gtin';
import { SUPPORTED_CURRENCIES } from '../../shared/orders/order-schema';
import { storableText } from '../../shared/validation/text';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { publishProducts } from '../sync/projections';

const gtin = z
  .string()
  .superRefine((value, ctx) => {
    const parsed = parseGtin(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  })
  .describe('EAN-8, UPC-A, EAN-13 or GTIN-14 with a valid check digit');
const size = (what: string) => z.number().int().min(1, `${what} must be at least 1`).max(10_000);

export const productInputSchema = z.object({
  name: storableText(300),
  gtins: z
    .array(gtin)
    .min(1, 'a product needs at least one GTIN')
    .max(20)
    .refine((list) => new Set(list).size === list.length, 'a GTIN is listed twice'),
  weightGrams: z.number().int().min(1).max(1_000_000),
  lengthMm: size('lengthMm'),
  widthMm: size('widthMm'),
  heightMm: size('heightMm'),
  hsCode: z.string().regex(/^[0-9]{6,10}$/, 'an HS code has 6 to 10 digits'),
  countryOfOrigin: z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO country code, e.g. NL'),
  /** Unit price per currency, in minor units. */
  prices: z.partialRecord(z.enum(SUPPORTED_CURRENCIES), z.number().int().min(0).max(2_000_000_000)),
  requiresLot: z.boolean().default(false),
  requiresExpiry: z.boolean().default(false),
  requiresSerial: z.boolean().default(false),
});
export type ProductInput = z.infer<typeof productInputSchema>;

export const productViewSchema = productInputSchema.extend({
  sku: z.string(),
  /** Warehouses holding stock of it (their stations were sent this version). */
  stockedIn: z.array(z.string()),
});
export type ProductView = z.infer<typeof productViewSchema>;

export async function getProduct(db: Kysely<Database>, sku: string): Promise<ProductView | null> {
  const product = await db
    .selectFrom('products')
    .selectAll()
    .where('sku', '=', sku)
    .executeTakeFirst();
  if (!product) return null;
  const [gtins, prices, stock] = await Promise.all([
    db.selectFrom('product_gtins').select('gtin').where('sku', '=', sku).orderBy('gtin').execute(),
    db
      .selectFrom('product_prices')
      .select(['currency', 'unit_price_minor'])
      .where('sku', '=', sku)
      .execute(),
    db
      .selectFrom('stock')
      .select('warehouse_code')
      .distinct()
      .where('sku', '=', sku)
      .orderBy('warehouse_code')
      .execute(),
  ]);
  return {
    sku: product.sku,
    name: product.name,
    gtins: gtins.map((g) => g.gtin),
    weightGrams: product.weight_grams,
    lengthMm: product.length_mm,
    widthMm: product.width_mm,
    heightMm: product.height_mm,
    hsCode: product.hs_code,
    countryOfOrigin: product.country_of_origin,
    prices: Object.fromEntries(prices.map((p) => [p.currency, p.unit_price_minor])),
    requiresLot: product.requires_lot,
    requiresExpiry: product.requires_expiry,
    requiresSerial: product.requires_serial,
    stockedIn: stock.map((s) => s.warehouse_code),
  };
}

/**
 * Creates or replaces a product; `created` tells which. A GTIN of another product is a 409. Safe
 * against concurrent calls: the product row is upserted in one statement (two creates of one SKU
 * answer 201 and 200), and a GTIN another request takes meanwhile is a 409, not a key violation.
 */
export async function upsertProduct(
  db: Kysely<Database>,
  sku: string,
  input: ProductInput,
): Promise<{ created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const row = {
      name: input.name,
      weight_grams: input.weightGrams,
      length_mm: input.lengthMm,
      width_mm: input.widthMm,
      height_mm: input.heightMm,
      hs_code: input.hsCode,
      country_of_origin: input.countryOfOrigin,
      requires_lot: input.requiresLot,
      requires_expiry: input.requiresExpiry,
      requires_serial: input.requiresSerial,
    };
    // xmax is 0 on a row version this statement inserted, and set on one it updated.
    const { inserted } = await trx
      .insertInto('products')
      .values({ sku, ...row })
      .onConflict((oc) => oc.column('sku').doUpdateSet(row))
      .returning(sql<boolean>`xmax = 0`.as('inserted'))
      .executeTakeFirstOrThrow();

    await trx.deleteFrom('product_gtins').where('sku', '=', sku).execute();
    // A GTIN of another product (committed, or waited for if in flight) is skipped, not an error.
    const stored = await trx
      .insertInto('product_gtins')
      .values(input.gtins.map((g) => ({ gtin: g, sku })))
      .onConflict((oc) => oc.column('gtin').doNothing())
      .returning('gtin')
      .execute();
    if (stored.length < input.gtins.length) await refuseTakenGtin(trx, sku, input.gtins, stored);

    await trx.deleteFrom('product_prices').where('sku', '=', sku).execute();
    const prices = Object.entries(input.prices);
    if (prices.length > 0) {
      await trx
        .insertInto('product_prices')
        .values(prices.map(([currency, price]) => ({ sku, currency, unit_price_minor: price! })))
        .execute();
    }
    const warehouses = await trx
      .selectFrom('stock')
      .select('warehouse_code')
      .distinct()
      .where('sku', '=', sku)
      .execute();
    for (const { warehouse_code } of warehouses) await publishProducts(trx, warehouse_code, [sku]);
    return { created: inserted };
  });
}

/** Throws the 409 naming the first GTIN that another product holds (rolling back the upsert). */
async function refuseTakenGtin(
  trx: Transaction<Database>,
  sku: string,
  gtins: readonly string[],
  stored: readonly { gtin: string }[],
): Promise<never> {
  const mine = new Set(stored.map((s) => s.gtin));
  const index = gtins.findIndex((g) => !mine.has(g));
  const gtin = gtins[index]!;
  const owner = await trx
    .selectFrom('product_gtins')
    .select('sku')
    .where('gtin', '=', gtin)
    .executeTakeFirst();
  throw new ApiError(
    409,
    'gtin_taken',
    `GTIN ${gtin} already belongs to product ${owner?.sku ?? 'another product'}.`,
    `gtins[${index}]`,
  );
}
