// A supplier and a purchase order sent to it for the pick-and-pack fixture's warehouse, written
// into the central OMS's (PGlite) database before it starts, as the catalogue is: the central OMS
// drafts purchase orders only from forecasts, which an end-to-end test does not have.
import { randomUUID } from 'node:crypto';
import { openDatabase, pgliteDirFor } from '../../../src-server/db/connect';
import { ADMIN, WAREHOUSE } from './pick-pack-fixture';

export async function seedSentPurchaseOrder(
  dataDir: string,
  number: string,
  lines: { sku: string; quantity: number }[],
): Promise<void> {
  const database = await openDatabase({ databaseUrl: undefined, pgliteDir: pgliteDirFor(dataDir) });
  try {
    await database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('suppliers')
        .values({ code: 'E2E-SUP', name: 'E2E Supplies BV', locale: 'nl' })
        .execute();
      const id = randomUUID();
      await trx
        .insertInto('purchase_orders')
        .values({
          id,
          number,
          supplier_code: 'E2E-SUP',
          warehouse_code: WAREHOUSE,
          status: 'sent',
          currency: 'EUR',
          expected_date: null,
        })
        .execute();
      await trx
        .insertInto('purchase_order_lines')
        .values(
          lines.map((l) => ({
            id: randomUUID(),
            purchase_order_id: id,
            sku: l.sku,
            quantity: l.quantity,
            unit_cost_minor: 300,
            reason: null,
          })),
        )
        .execute();
    });
  } finally {
    await database.close();
  }
}

export interface ReceivedView {
  status: string;
  lines: { sku: string; quantity: number; receivedQuantity: number }[];
}

export async function readPurchaseOrder(centralUrl: string, number: string): Promise<ReceivedView> {
  const response = await fetch(`${centralUrl}/v1/receiving/${number}`, { headers: ADMIN });
  if (response.status !== 200) throw new Error(`PO ${number}: ${response.status}`);
  return (await response.json()) as ReceivedView;
}
