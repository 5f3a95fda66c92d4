// Checks an order against the catalogue before anything is written: every SKU exists, every line
// has a price in the order's currency, and the totals add up. Read-only.
import type { Kysely } from 'kysely';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';

export interface PricedLine {
  lineNo: number;
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
}

export interface ParcelProduct {
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export interface PricedOrder {
  lines: PricedLine[];
  products: Map<string, ParcelProduct>;
  subtotalMinor: number;
  shippingChargedMinor: number;
  totalMinor: number;
}

const MAX_TOTAL_MINOR = 2_000_000_000;

export interface CatalogueRow {
  sku: string;
  name: string;
  weight_grams: number;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  /** The price in the order's currency, when the catalogue has one. */
  unit_price_minor: number | null;
}

/** The catalogue rows of `skus`, with their price in `currency` (one query for a whole batch). */
export async function readCatalogue(
  db: Kysely<Database>,
  currency: string,
  skus: readonly string[],
): Promise<CatalogueRow[]> {
  if (skus.length === 0) return [];
  return db
    .selectFrom('products as p')
    .leftJoin('product_prices as pp', (join) =>
      join.onRef('pp.sku', '=', 'p.sku').on('pp.currency', '=', currency),
    )
    .select([
      'p.sku',
      'p.name',
      'p.weight_grams',
      'p.length_mm',
      'p.width_mm',
      'p.height_mm',
      'pp.unit_price_minor',
    ])
    .where('p.sku', 'in', [...new Set(skus)])
    .execute();
}

/** Prices an order from catalogue rows already read (intake reads them per batch, the demo seed keeps them in memory). */
export function priceOrderFrom(order: CanonicalOrder, rows: readonly CatalogueRow[]): PricedOrder {
  const bySku = new Map(rows.map((row) => [row.sku, row]));

  const lines = order.lines.map((line, index): PricedLine => {
    const product = bySku.get(line.sku);
    if (!product) {
      throw new ApiError(
        422,
        'unknown_sku',
        `No product has SKU "${line.sku}".`,
        `lines[${index}].sku`,
      );
    }
    const unitPriceMinor = line.unitPriceMinor ?? product.unit_price_minor;
    if (unitPriceMinor === null || unitPriceMinor === undefined) {
      throw new ApiError(
        422,
        'no_price',
        `SKU "${line.sku}" has no ${order.currency} price; send unitPriceMinor.`,
        `lines[${index}].unitPriceMinor`,
      );
    }
    return {
      lineNo: index + 1,
      sku: line.sku,
      name: line.name ?? product.name,
      quantity: line.quantity,
      unitPriceMinor,
      lineTotalMinor: unitPriceMinor * line.quantity,
    };
  });

  const subtotalMinor = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const shippingChargedMinor = order.shippingChargedMinor ?? 0;
  const totalMinor = subtotalMinor + shippingChargedMinor;
  if (lines.some((line) => line.lineTotalMinor > MAX_TOTAL_MINOR) || totalMinor > MAX_TOTAL_MINOR) {
    throw new ApiError(
      422,
      'total_too_large',
      'The order total is larger than the OMS accepts.',
      'lines',
    );
  }
  const products = new Map(
    rows.map((row) => [
      row.sku,
      {
        weightGrams: row.weight_grams,
        lengthMm: row.length_mm,
        widthMm: row.width_mm,
        heightMm: row.height_mm,
      },
    ]),
  );
  return { lines, products, subtotalMinor, shippingChargedMinor, totalMinor };
}
