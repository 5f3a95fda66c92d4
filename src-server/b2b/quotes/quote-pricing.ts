// Prices quote lines: a price the rep typed wins; else the company's contract price for the
// quantity; else the catalogue price in the company's currency. Every line says which.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { ApiError } from '../../http/api-error';
import type { QuoteLine } from '../b2b-schema';
import { priceListsOfCompanies } from '../price-lists/contract-prices';
import { contractPrice } from '../price-lists/price-breaks';

export interface LineToPrice {
  sku: string;
  quantity: number;
  unitPriceMinor?: number | undefined;
  discountMinor?: number | undefined;
}

export interface QuoteCompany {
  customer_id: string;
  legal_name: string;
  currency: string;
  vat_number: string | null;
  billing_address: { country: string };
  shipping_address: { country: string };
}

export async function priceQuoteLines(
  trx: Transaction<Database>,
  company: QuoteCompany,
  lines: readonly LineToPrice[],
  day: string,
): Promise<QuoteLine[]> {
  const skus = [...new Set(lines.map((l) => l.sku))];
  const products = await trx
    .selectFrom('products as p')
    .leftJoin('product_prices as pp', (join) =>
      join.onRef('pp.sku', '=', 'p.sku').on('pp.currency', '=', company.currency),
    )
    .select(['p.sku', 'p.name', 'pp.unit_price_minor'])
    .where('p.sku', 'in', skus)
    .execute();
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const contract = (await priceListsOfCompanies(trx, [company.legal_name])).get(
    company.legal_name.toLowerCase(),
  );
  return lines
    .map((line, i) => {
      const product = bySku.get(line.sku);
      if (!product)
        throw new ApiError(
          422,
          'unknown_sku',
          `No product has SKU "${line.sku}".`,
          `lines[${i}].sku`,
        );
      const discountMinor = line.discountMinor ?? 0;
      const base = { sku: line.sku, name: product.name, quantity: line.quantity, discountMinor };
      if (line.unitPriceMinor !== undefined)
        return { ...base, unitPriceMinor: line.unitPriceMinor, priceSource: 'sales_rep' };
      const fromList =
        contract && contract.list.currency === company.currency
          ? contractPrice(contract.list, contract.breaks, line.sku, line.quantity, day)
          : null;
      if (fromList)
        return { ...base, unitPriceMinor: fromList.unitPriceMinor, priceSource: fromList.source };
      if (product.unit_price_minor === null)
        throw new ApiError(
          422,
          'no_price',
          `SKU "${line.sku}" has no ${company.currency} price; give unitPriceMinor.`,
          `lines[${i}].unitPriceMinor`,
        );
      return { ...base, unitPriceMinor: product.unit_price_minor, priceSource: 'catalogue' };
    })
    .map((line, i) => {
      if (line.discountMinor > line.unitPriceMinor * line.quantity)
        throw new ApiError(
          422,
          'discount_too_large',
          'The discount exceeds the line.',
          `lines[${i}].discountMinor`,
        );
      return line;
    });
}
