// What a shipment takes from the warehouse, checked before and taken when it is accepted: its
// SSCCs (each names one carton for ever) and the on-hand stock of the bins it was picked from.
import { sql, type Transaction } from 'kysely';
import type { ShipmentDoc } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import { moveStock, type BinChange, type MovementSource } from '../inventory/movements';
import type { StationIdentity } from '../stations/stations';
import { reason, type Reason } from '../../shared/reasons/reason';

/** Why a shipment is refused: the English sentence and its reason code. */
export interface Refusal {
  sentence: string;
  refusal: Reason;
}

/** An SSCC names one carton for ever: one already stored, or on two cartons here, is refused. */
export async function ssccRefusal(
  trx: Transaction<Database>,
  station: StationIdentity,
  shipment: ShipmentDoc,
): Promise<Refusal | null> {
  const ssccs = shipment.cartons.map((c) => c.sscc);
  const twice = ssccs.find((sscc, i) => ssccs.indexOf(sscc) !== i);
  if (twice)
    return {
      sentence: `SSCC ${twice} is on two cartons of this shipment; void one label and print a new one.`,
      refusal: reason('sscc_twice', { sscc: twice }),
    };
  const taken = await trx
    .selectFrom('cartons as c')
    .innerJoin('shipments as s', 's.id', 'c.shipment_id')
    .innerJoin('stations as st', 'st.id', 's.station_id')
    .select(['c.sscc', 'c.shipment_id', 'st.warehouse_code'])
    .where('c.sscc', 'in', ssccs)
    .orderBy('c.sscc')
    .executeTakeFirst();
  if (!taken) return null;
  const where =
    taken.warehouse_code === station.warehouseCode
      ? `shipment ${taken.shipment_id}`
      : 'a shipment of another warehouse';
  return {
    sentence: `SSCC ${taken.sscc} is already on ${where}; void this label and print a new one.`,
    refusal: reason('sscc_reused', { sscc: taken.sscc }),
  };
}

/** Stock counted down centrally since the order was placed: refused before anything moves. */
export async function stockRefusal(
  trx: Transaction<Database>,
  warehouseCode: string,
  lines: readonly { id: string; sku: string }[],
  shippedPerLine: ReadonlyMap<string, number>,
): Promise<Refusal | null> {
  const shippedPerSku = new Map<string, number>();
  for (const line of lines) {
    const quantity = shippedPerLine.get(line.id) ?? 0;
    if (quantity > 0) shippedPerSku.set(line.sku, (shippedPerSku.get(line.sku) ?? 0) + quantity);
  }
  const onHand = new Map(
    (
      await trx
        .selectFrom('stock')
        .select(['sku', (eb) => eb.fn.sum<string>('on_hand').as('n')])
        .where('warehouse_code', '=', warehouseCode)
        .where('sku', 'in', [...shippedPerSku.keys()])
        .groupBy('sku')
        .execute()
    ).map((r) => [r.sku, Number(r.n)]),
  );
  for (const [sku, quantity] of shippedPerSku) {
    const have = onHand.get(sku) ?? 0;
    if (have < quantity)
      return {
        sentence: `Only ${have} × ${sku} on hand in ${warehouseCode}, and the shipment takes ${quantity}: count the bins and ask your lead.`,
        refusal: reason('stock_short', {
          sku,
          onHand: have,
          warehouse: warehouseCode,
          shipped: quantity,
        }),
      };
  }
  return null;
}

/**
 * Lowers on hand by what was shipped: from the pick line's bin first, the rest from the SKU's
 * other bins in walk order. Bins are assigned when an order is placed, and several orders can be
 * sent to the same bin for more than it holds (availability is kept per warehouse, not per bin);
 * the packer then takes the rest from the next bin, and so does the stock.
 */
export async function takeFromBins(
  trx: Transaction<Database>,
  warehouseCode: string,
  line: { sku: string; bin_code: string },
  quantity: number,
  source: MovementSource,
): Promise<void> {
  const bins = await trx
    .selectFrom('stock as s')
    .innerJoin('bins as b', (join) =>
      join.onRef('b.warehouse_code', '=', 's.warehouse_code').onRef('b.code', '=', 's.bin_code'),
    )
    .select(['s.bin_code', 's.on_hand'])
    .where('s.warehouse_code', '=', warehouseCode)
    .where('s.sku', '=', line.sku)
    .where('s.on_hand', '>', 0)
    .orderBy(sql`s.bin_code = ${line.bin_code}`, 'desc')
    .orderBy('b.walk_sequence')
    .orderBy('s.bin_code')
    .forUpdate()
    .execute();
  let remaining = quantity;
  const changes: BinChange[] = [];
  for (const bin of bins) {
    if (remaining === 0) break;
    const take = Math.min(remaining, bin.on_hand);
    changes.push({ warehouseCode, binCode: bin.bin_code, sku: line.sku, quantity: -take });
    remaining -= take;
  }
  if (remaining > 0) {
    throw new Error(
      `stock of ${line.sku} in ${warehouseCode} is ${quantity - remaining}, below the ${quantity} shipped`,
    );
  }
  await moveStock(trx, changes, source);
}
