// The demo's purchasing: two suppliers (a Dutch wholesaler and a German one), what they supply to
// each demo warehouse, and one purchase order per warehouse already sent to its supplier, so the
// demo station's receiving screen has goods to receive after `npm start`.
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { addDays } from '../forecasting/days';

export const DEMO_SUPPLIERS = [
  {
    code: 'VANDIJK',
    name: 'Van Dijk Groothandel BV',
    email: 'inkoop@vandijk.example',
    locale: 'nl',
  },
  {
    code: 'MUELLER',
    name: 'Müller Großhandel GmbH',
    email: 'bestellung@mueller.example',
    locale: 'de',
  },
] as const;

/** Lines on each warehouse's demo purchase order. */
const PO_LINES = 3;

export async function insertDemoPurchasing(
  trx: Transaction<Database>,
  stock: readonly { warehouseCode: string; sku: string }[],
  warehouses: readonly { code: string; country: string }[],
): Promise<string[]> {
  await trx
    .insertInto('suppliers')
    .values([...DEMO_SUPPLIERS])
    .execute();
  const today = new Date().toISOString().slice(0, 10);
  const numbers: string[] = [];
  for (const warehouse of warehouses) {
    const supplier = warehouse.country === 'DE' ? DEMO_SUPPLIERS[1] : DEMO_SUPPLIERS[0];
    const skus = [
      ...new Set(stock.filter((s) => s.warehouseCode === warehouse.code).map((s) => s.sku)),
    ]
      .sort()
      // The last SKUs: clear of the low-numbered ones the walkthroughs and tests order and forecast.
      .slice(-PO_LINES);
    if (skus.length === 0) continue;
    await trx
      .insertInto('supplier_products')
      .values(
        skus.map((sku, i) => ({
          supplier_code: supplier.code,
          warehouse_code: warehouse.code,
          sku,
          lead_time_days: 5 + i,
          minimum_order_quantity: 12,
          pack_size: 6,
          unit_cost_minor: 250 + 100 * i,
          currency: 'EUR',
        })),
      )
      .execute();
    const { rows } = await sql<{
      n: string;
    }>`select nextval('purchase_order_numbers') as n`.execute(trx);
    const id = randomUUID();
    const number = `PO-${String(rows[0]!.n).padStart(6, '0')}`;
    await trx
      .insertInto('purchase_orders')
      .values({
        id,
        number,
        supplier_code: supplier.code,
        warehouse_code: warehouse.code,
        status: 'sent',
        currency: 'EUR',
        expected_date: addDays(today, 2),
      })
      .execute();
    await trx
      .insertInto('purchase_order_lines')
      .values(
        skus.map((sku, i) => ({
          id: randomUUID(),
          purchase_order_id: id,
          sku,
          quantity: 12 * (i + 1),
          unit_cost_minor: 250 + 100 * i,
          reason: 'demo: a purchase order sent to the supplier, to receive at the station',
        })),
      )
      .execute();
    numbers.push(number);
  }
  return numbers;
}
