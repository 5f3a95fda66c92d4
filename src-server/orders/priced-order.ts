// Checks an order against the catalogue before anything is written: every SKU exists, every line
// has a price in the order's currency, and the money adds up (order-money.ts). Read-only.
import type { Kysely } from 'kysely';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { priceOrderMoney } from './order-money';
import type { MoneyPart, OrderTotals } from './order-money';

export interface PricedLine extends MoneyPart {
  lineNo: number;
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  /** The line before discount: the same as amountMinor. */
  lineTotalMinor: number;
}

export interface ParcelProduct {
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export interface PricedOrder extends OrderTotals {
  lines: PricedLine[];
  shipping: MoneyPart;
  products: Map<string, ParcelProduct>;
}

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
  const unitPrices = order.lines.map((line, index) => {
    const product = bySku.get(line.sku);
    if (!product) {
      throw new ApiError(
        422,
        'unknown_sku',
        `No product has SKU "${line.sku}".`,
        `lines[${index}].sku`,
      );
    }
    const unitPriceMinor =
      line.unitPriceMinor ??
      (line.lineTotalMinor !== undefined
        ? Math.round(line.lineTotalMinor / line.quantity)
        : product.unit_price_minor);
    if (unitPriceMinor === null) {
      throw new ApiError(
        422,
        'no_price',
        `SKU "${line.sku}" has no ${order.currency} price; send unitPriceMinor.`,
        `lines[${index}].unitPriceMinor`,
      );
    }
    return unitPriceMinor;
  });
  const money = priceOrderMoney(order, unitPrices);
  const lines = order.lines.map((line, index): PricedLine => ({
    lineNo: index + 1,
    sku: line.sku,
    name: line.name ?? bySku.get(line.sku)!.name,
    quantity: line.quantity,
    ...money.lines[index]!,
  }));
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
  return { ...money, lines, products };
}
