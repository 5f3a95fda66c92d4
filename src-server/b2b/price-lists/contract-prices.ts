// Intake prices B2B lines from the company's contract price list: a company order's line sent
// without a unit price gets the price list's break for its quantity (the catalogue price when the
// list has none). One query per batch, read-only, before the intake transaction.
import type { Kysely } from 'kysely';
import type { CanonicalOrder } from '../../../shared/orders/order-schema';
import type { Database } from '../../db/schema';
import { contractPrice } from './price-breaks';
import type { PriceBreak, PriceListTerms } from './price-breaks';

export interface CompanyPriceList {
  list: PriceListTerms;
  breaks: PriceBreak[];
}

/** The price lists of the named companies (lower-cased name → list), in the given currency. */
export async function priceListsOfCompanies(
  db: Kysely<Database>,
  companyNames: readonly string[],
): Promise<Map<string, CompanyPriceList>> {
  const names = [...new Set(companyNames.map((n) => n.toLowerCase()))];
  if (names.length === 0) return new Map();
  const rows = await db
    .selectFrom('customers as c')
    .innerJoin('b2b_companies as co', 'co.customer_id', 'c.id')
    .innerJoin('b2b_price_lists as pl', 'pl.id', 'co.price_list_id')
    .leftJoin('b2b_price_breaks as pb', 'pb.price_list_id', 'pl.id')
    .select([
      'c.name as companyName',
      'pl.id',
      'pl.name',
      'pl.currency',
      'pl.valid_from',
      'pl.valid_to',
      'pb.sku',
      'pb.min_quantity',
      'pb.unit_price_minor',
    ])
    .where('c.kind', '=', 'company')
    .where((eb) => eb(eb.fn('lower', ['c.name']), 'in', names))
    .execute();
  const lists = new Map<string, CompanyPriceList>();
  for (const row of rows) {
    const key = row.companyName.toLowerCase();
    let entry = lists.get(key);
    if (!entry) {
      entry = {
        list: {
          id: row.id,
          name: row.name,
          currency: row.currency,
          validFrom: row.valid_from,
          validTo: row.valid_to,
        },
        breaks: [],
      };
      lists.set(key, entry);
    }
    if (row.sku !== null && row.min_quantity !== null && row.unit_price_minor !== null)
      entry.breaks.push({
        sku: row.sku,
        minQuantity: row.min_quantity,
        unitPriceMinor: row.unit_price_minor,
      });
  }
  return lists;
}

/** The order with contract prices on the company lines that came without a price. */
export function withContractPrices(
  order: CanonicalOrder,
  lists: ReadonlyMap<string, CompanyPriceList>,
  day: string,
): CanonicalOrder {
  if (order.customer.type !== 'company') return order;
  const priced = lists.get(order.customer.companyName.toLowerCase());
  if (!priced || priced.list.currency !== order.currency) return order;
  return {
    ...order,
    lines: order.lines.map((line) => {
      if (line.unitPriceMinor !== undefined || line.lineTotalMinor !== undefined) return line;
      const price = contractPrice(priced.list, priced.breaks, line.sku, line.quantity, day);
      return price ? { ...line, unitPriceMinor: price.unitPriceMinor } : line;
    }),
  };
}

/** Contract prices for every company order of a batch (one query). */
export async function applyContractPrices(
  db: Kysely<Database>,
  orders: readonly CanonicalOrder[],
  day = new Date().toISOString().slice(0, 10),
): Promise<CanonicalOrder[]> {
  const names = orders.flatMap((o) =>
    o.customer.type === 'company' ? [o.customer.companyName] : [],
  );
  if (names.length === 0) return [...orders];
  const lists = await priceListsOfCompanies(db, names);
  return orders.map((order) => withContractPrices(order, lists, day));
}
