// Checks an order against the catalogue before anything is written: every SKU exists, every line
// has a price in the order's currency, and the money adds up (order-money.ts). Read-only.
import type { Kysely } from 'kysely';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { pricePart, totalOrder } from './order-money';
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
  const pricesIncludeTax = order.pricesIncludeTax ?? false;

  const lines = order.lines.map((line, index): PricedLine => {
    const field = `lines[${index}]`;
    const product = bySku.get(line.sku);
    if (!product) {
      throw new ApiError(422, 'unknown_sku', `No product has SKU "${line.sku}".`, `${field}.sku`);
    }
    const unitPriceMinor =
      line.unitPriceMinor ??
      (line.lineTotalMinor !== undefined
        ? Math.round(line.lineTotalMinor / line.quantity)
        : product.unit_price_minor);
    if (unitPriceMinor === null || unitPriceMinor === undefined) {
      throw new ApiError(
        422,
        'no_price',
        `SKU "${line.sku}" has no ${order.currency} price; send unitPriceMinor.`,
        `${field}.unitPriceMinor`,
      );
    }
    const lineTotalMinor = line.lineTotalMinor ?? unitPriceMinor * line.quantity;
    // A channel that rounds per row may differ from unit × quantity by less than a cent a unit.
    if (Math.abs(lineTotalMinor - unitPriceMinor * line.quantity) > line.quantity) {
      throw new ApiError(
        422,
        'line_total_mismatch',
        `${field}.lineTotalMinor: ${lineTotalMinor} is not unitPriceMinor ${unitPriceMinor} × quantity ${line.quantity}.`,
        `${field}.lineTotalMinor`,
      );
    }
    const money = pricePart(
      {
        amountMinor: lineTotalMinor,
        discountMinor: line.discountMinor,
        taxMinor: line.taxMinor,
        taxRatePercent: line.taxRatePercent,
      },
      pricesIncludeTax,
      {
        amount: `${field}.${line.lineTotalMinor === undefined ? 'unitPriceMinor' : 'lineTotalMinor'}`,
        discount: `${field}.discountMinor`,
        tax: `${field}.taxMinor`,
      },
    );
    return {
      lineNo: index + 1,
      sku: line.sku,
      name: line.name ?? product.name,
      quantity: line.quantity,
      unitPriceMinor,
      lineTotalMinor,
      ...money,
    };
  });
  const shipping = pricePart(
    {
      amountMinor: order.shippingChargedMinor ?? 0,
      discountMinor: order.shippingDiscountMinor,
      taxMinor: order.shippingTaxMinor,
      taxRatePercent: order.shippingTaxRatePercent,
    },
    pricesIncludeTax,
    { amount: 'shippingChargedMinor', discount: 'shippingDiscountMinor', tax: 'shippingTaxMinor' },
  );
  const totals = totalOrder(lines, shipping, pricesIncludeTax, order.currency, {
    grandTotalMinor: order.grandTotalMinor,
    taxTotalMinor: order.taxTotalMinor,
  });
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
  return { ...totals, lines, shipping, products };
}
