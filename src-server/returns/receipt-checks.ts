// Checks a submitted return receipt before anything moves: known products, a scanned bin of this
// warehouse for every restock, distinct item ids, and an RMA of this warehouse that still awaits
// goods (an RMA past its expiry is expired here, in this transaction). Each failure is a sentence
// the returns desk can act on.
import type { Transaction } from 'kysely';
import { reason, type Reason } from '../../shared/reasons/reason';
import { awaitsGoods } from '../../shared/returns/rma-state';
import type { ReturnReceiptDoc } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import type { StationIdentity } from '../stations/stations';
import { expireRma, expiryDay, isDue } from './rma-expiry';
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
  if (isDue(rma, new Date())) await expireRma(trx, rma);
  if (!awaitsGoods(rma.status)) return { ok: false, ...(await noParcelReason(trx, rma)) };
  return { ok: true, rma };
}

const ASIDE = 'it takes no parcel any more. Set the parcel aside for customer service.';

/** Why an RMA that ended takes no parcel: complete, closed (by whom, why), expired or rejected. */
async function noParcelReason(
  trx: Trx,
  rma: LockedRma,
): Promise<{ reason: string; refusal: Reason }> {
  if (rma.status === 'expired') {
    const date = expiryDay(rma.expires_at);
    return {
      reason: `RMA ${rma.code} expired on ${date}; ${ASIDE}`,
      refusal: reason('receipt_rma_expired', { rma: rma.code, date }),
    };
  }
  const ended = await trx
    .selectFrom('rma_events')
    .select(['actor', 'detail'])
    .where('rma_id', '=', rma.id)
    .where('to_status', '=', rma.status)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const note = typeof ended?.detail.note === 'string' ? ended.detail.note : '';
  const said = note ? `: ${note}` : '';
  if (rma.status === 'closed' && ended && !ended.actor.startsWith('station:'))
    return {
      reason: `RMA ${rma.code} was closed by ${ended.actor}${said}; ${ASIDE}`,
      refusal: reason('receipt_rma_closed_by', { rma: rma.code, actor: ended.actor, note }),
    };
  if (rma.status === 'rejected')
    return {
      reason: `RMA ${rma.code} was rejected${said}; ${ASIDE}`,
      refusal: reason('receipt_rma_rejected', { rma: rma.code, note }),
    };
  const last = await trx
    .selectFrom('return_receipts as r')
    .innerJoin('stations as s', 's.id', 'r.station_id')
    .select(['r.id', 's.name'])
    .where('r.rma_id', '=', rma.id)
    .where('r.status', '=', 'accepted')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .executeTakeFirst();
  return last
    ? {
        reason: `RMA ${rma.code} already received every authorised unit (the last parcel was taken in by station ${last.name}, receipt ${last.id}); nothing was booked twice: ${ASIDE}`,
        refusal: reason('receipt_rma_already_received', {
          rma: rma.code,
          station: last.name,
          receiptId: last.id,
        }),
      }
    : {
        reason: `RMA ${rma.code} is ${rma.status}; ${ASIDE}`,
        refusal: reason('receipt_rma_closed', { rma: rma.code, status: rma.status }),
      };
}
