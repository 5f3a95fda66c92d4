// Checks a submitted return receipt before anything moves: known products, a scanned bin of this
// warehouse for every restock, distinct item ids, and an RMA of this warehouse that still awaits
// its goods. Each failure is a sentence the returns desk can act on.
import type { Transaction } from 'kysely';
import { reason, type Reason } from '../../shared/reasons/reason';
import { awaitsGoods } from '../../shared/returns/rma-state';
import type { ReturnReceiptDoc } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import type { StationIdentity } from '../stations/stations';
import { lockRma, type LockedRma } from './rma-writes';

type Trx = Transaction<Database>;

export type ReceiptCheck =
  { ok: true; rma: LockedRma | null } | { ok: false; reason: string; refusal: Reason };

export async function checkReceipt(
  trx: Trx,
  station: StationIdentity,
  receipt: ReturnReceiptDoc,
): Promise<ReceiptCheck> {
  if (Number.isNaN(Date.parse(receipt.receivedAt)))
    return {
      ok: false,
      reason: `receivedAt "${receipt.receivedAt}" is not a date and time.`,
      refusal: reason('receipt_bad_date', { receivedAt: receipt.receivedAt }),
    };
  const ids = new Set<string>();
  for (const item of receipt.items) {
    if (ids.has(item.id))
      return {
        ok: false,
        reason: `Item id ${item.id} appears twice on the receipt.`,
        refusal: reason('receipt_duplicate_item', { itemId: item.id }),
      };
    ids.add(item.id);
  }
  const skus = [...new Set(receipt.items.map((i) => i.sku))];
  const known = new Set(
    (await trx.selectFrom('products').select('sku').where('sku', 'in', skus).execute()).map(
      (p) => p.sku,
    ),
  );
  const unknown = skus.find((sku) => !known.has(sku));
  if (unknown)
    return {
      ok: false,
      reason: `${unknown} is not a product we sell: set it aside for customer service.`,
      refusal: reason('receipt_unknown_product', { sku: unknown }),
    };

  const restocks = receipt.items.filter((i) => i.disposition === 'restock');
  const missingBin = restocks.find((i) => !i.binCode);
  if (missingBin)
    return {
      ok: false,
      reason: `${missingBin.sku} is to be restocked but no bin was scanned: scan the bin it goes into.`,
      refusal: reason('receipt_restock_without_bin', { sku: missingBin.sku }),
    };
  const binCodes = [...new Set(restocks.map((i) => i.binCode!))];
  if (binCodes.length > 0) {
    const bins = new Set(
      (
        await trx
          .selectFrom('bins')
          .select('code')
          .where('warehouse_code', '=', station.warehouseCode)
          .where('code', 'in', binCodes)
          .execute()
      ).map((b) => b.code),
    );
    const foreign = binCodes.find((code) => !bins.has(code));
    if (foreign)
      return {
        ok: false,
        reason: `Bin ${foreign} is not a bin of warehouse ${station.warehouseCode}: scan a bin of this warehouse.`,
        refusal: reason('receipt_foreign_bin', { bin: foreign, warehouse: station.warehouseCode }),
      };
  }

  if (receipt.rmaId === null) return { ok: true, rma: null };
  const rma = await lockRma(trx, receipt.rmaId);
  if (!rma)
    return {
      ok: false,
      reason: `RMA ${receipt.rmaId} is unknown to the central OMS: take the parcel in as an unexpected return.`,
      refusal: reason('receipt_unknown_rma', { rma: receipt.rmaId }),
    };
  if (rma.warehouse_code !== station.warehouseCode) {
    return {
      ok: false,
      reason: `RMA ${rma.code} belongs to warehouse ${rma.warehouse_code}, not ${station.warehouseCode}: do not take it in here; ask your lead to forward the parcel.`,
      refusal: reason('receipt_rma_other_warehouse', {
        rma: rma.code,
        warehouse: rma.warehouse_code,
        stationWarehouse: station.warehouseCode,
      }),
    };
  }
  if (!awaitsGoods(rma.status)) {
    const first = await trx
      .selectFrom('return_receipts as r')
      .innerJoin('stations as s', 's.id', 'r.station_id')
      .select(['r.id', 's.name'])
      .where('r.rma_id', '=', rma.id)
      .where('r.status', '=', 'accepted')
      .executeTakeFirst();
    return first
      ? {
          ok: false,
          reason: `RMA ${rma.code} was already taken in by station ${first.name} (receipt ${first.id}); nothing was booked twice.`,
          refusal: reason('receipt_rma_already_received', {
            rma: rma.code,
            station: first.name,
            receiptId: first.id,
          }),
        }
      : {
          ok: false,
          reason: `RMA ${rma.code} is ${rma.status}; it takes no parcel any more. Set the parcel aside for customer service.`,
          refusal: reason('receipt_rma_closed', { rma: rma.code, status: rma.status }),
        };
  }
  return { ok: true, rma };
}
