// A station took a parcel in. The central OMS decides, in the push transaction: checks, stock per
// disposition (restock raises on hand in the scanned bin; quarantine, scrap and return to vendor
// do not), and for a parcel of an RMA what it adds to the RMA and its own refund, issued once
// (parcel-booking.ts). A refused receipt moves nothing and tells the station why; an accepted one
// is final.
import { sql, type Transaction } from 'kysely';
import type { Reason } from '../../shared/reasons/reason';
import type { ReturnReceiptDoc } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import { moveStock, stationActor } from '../inventory/movements';
import { appendOutboxEvents } from '../outbox/outbox';
import type { StationIdentity } from '../stations/stations';
import { rollUpReturn } from '../reports/rollup-writes';
import { foreignDocument } from '../sync/push-checks';
import { publishProducts } from '../sync/projections';
import { bookParcel, priceParcel } from './parcel-booking';
import { checkReceipt } from './receipt-checks';
import { isUuid } from './rma-writes';

type Trx = Transaction<Database>;
type Verdict = Pick<ReturnReceiptDoc, 'status' | 'refusalReason' | 'refusal' | 'refundMinor'>;

export async function applyReturnReceipt(
  trx: Trx,
  station: StationIdentity,
  receipt: ReturnReceiptDoc,
  previous: ReturnReceiptDoc | null,
): Promise<ReturnReceiptDoc> {
  // Accepted is final: later station edits never change what was booked; the station gets the master back.
  if (previous?.status === 'accepted') return previous;
  if (receipt.status === 'open')
    return { ...receipt, refusalReason: null, refusal: null, refundMinor: null };
  if (receipt.status === 'refused' && previous?.status === 'refused')
    return {
      ...receipt,
      refusalReason: previous.refusalReason,
      refusal: previous.refusal ?? null,
      refundMinor: null,
    };

  // Two pushes of one receipt (two tabs, a retry racing the first) decide one after the other.
  await sql`select pg_advisory_xact_lock(hashtext(${`return-receipt:${receipt.id}`}))`.execute(trx);
  const recorded = await trx
    .selectFrom('return_receipts')
    .select(['status', 'rma_id'])
    .where('id', '=', receipt.id)
    .where('station_id', '=', station.stationId)
    .executeTakeFirst();
  if (recorded?.status === 'accepted')
    return { ...receipt, ...(await acceptedVerdict(trx, receipt.id, recorded.rma_id)) };

  return { ...receipt, ...(await decide(trx, station, receipt)) };
}

async function acceptedVerdict(
  trx: Trx,
  receiptId: string,
  rmaId: string | null,
): Promise<Verdict> {
  const refund = rmaId
    ? await trx
        .selectFrom('refunds')
        .select('amount_minor')
        .where('receipt_id', '=', receiptId)
        .executeTakeFirst()
    : undefined;
  return {
    status: 'accepted',
    refusalReason: null,
    refusal: null,
    refundMinor: rmaId ? (refund?.amount_minor ?? 0) : null,
  };
}

async function decide(
  trx: Trx,
  station: StationIdentity,
  receipt: ReturnReceiptDoc,
): Promise<Verdict> {
  const check = await checkReceipt(trx, station, receipt);
  if (!check.ok) return refuse(trx, station, receipt, check.reason, check.refusal);
  const rma = check.rma;
  const priced = rma ? await priceParcel(trx, rma, receipt) : null;
  if (priced && !priced.outcome.ok)
    return refuse(trx, station, receipt, priced.outcome.message, priced.outcome.refusal);

  await storeReceipt(trx, station, receipt, rma?.id ?? null, 'accepted', null);
  await trx
    .insertInto('return_items')
    .values(
      receipt.items.map((i) => ({
        receipt_id: receipt.id,
        item_id: i.id,
        sku: i.sku,
        quantity: i.quantity,
        grade: i.grade,
        disposition: i.disposition,
        bin_code: i.disposition === 'restock' ? i.binCode : null,
        match: i.match,
        note: i.note,
      })),
    )
    .execute();
  await restock(trx, station, receipt, rma?.code ?? null);
  await rollUpReturn(trx, {
    orderId: rma?.order_id ?? null,
    reason: rma?.reason ?? null,
    warehouseCode: station.warehouseCode,
    receivedAt: receipt.receivedAt,
    items: receipt.items,
  });

  const items = receipt.items.map((i) => ({
    sku: i.sku,
    quantity: i.quantity,
    grade: i.grade,
    disposition: i.disposition,
    match: i.match,
  }));
  if (!rma || !priced?.outcome.ok) {
    await appendOutboxEvents(trx, [
      {
        type: 'return.received',
        aggregateType: 'return',
        aggregateId: receipt.id,
        payload: {
          receiptId: receipt.id,
          rmaId: null,
          unexpected: true,
          warehouseCode: station.warehouseCode,
          items,
        },
      },
    ]);
    return { status: 'accepted', refusalReason: null, refusal: null, refundMinor: null };
  }
  const refundMinor = await bookParcel(
    trx,
    station,
    rma,
    receipt,
    { refund: priced.outcome.refund, currency: priced.currency },
    items,
  );
  return { status: 'accepted', refusalReason: null, refusal: null, refundMinor };
}

/** Restocked units go back on hand in the scanned bin (a new stock row if the bin held none of the SKU). */
async function restock(
  trx: Trx,
  station: StationIdentity,
  receipt: ReturnReceiptDoc,
  rmaCode: string | null,
): Promise<void> {
  const warehouseCode = station.warehouseCode;
  const perBin = new Map<string, { sku: string; bin: string; quantity: number }>();
  for (const item of receipt.items.filter((i) => i.disposition === 'restock')) {
    const key = `${item.sku}\u0000${item.binCode}`;
    const entry = perBin.get(key) ?? { sku: item.sku, bin: item.binCode!, quantity: 0 };
    entry.quantity += item.quantity;
    perBin.set(key, entry);
  }
  if (perBin.size === 0) return;
  const stocked = new Set(
    (
      await trx
        .selectFrom('stock')
        .select(['sku', 'bin_code'])
        .where('warehouse_code', '=', warehouseCode)
        .where('sku', 'in', [...new Set([...perBin.values()].map((e) => e.sku))])
        .execute()
    ).map((s) => `${s.sku}\u0000${s.bin_code}`),
  );
  // moveStock locks in a fixed order: two receipts restocking the same bins cannot deadlock.
  await moveStock(
    trx,
    [...perBin.values()].map((e) => ({
      warehouseCode: station.warehouseCode,
      binCode: e.bin,
      sku: e.sku,
      quantity: e.quantity,
    })),
    {
      reason: 'return_restock',
      referenceKind: rmaCode === null ? 'return_receipt' : 'rma',
      referenceId: rmaCode ?? receipt.id,
      actor: stationActor(station),
    },
  );
  // A product in a bin it was never in before: the stations learn its new bin (home bin, foreign-bin warning).
  const moved = [...perBin.entries()].filter(([key]) => !stocked.has(key)).map(([, e]) => e.sku);
  if (moved.length > 0) await publishProducts(trx, warehouseCode, [...new Set(moved)]);
}

async function storeReceipt(
  trx: Trx,
  station: StationIdentity,
  receipt: ReturnReceiptDoc,
  rmaId: string | null,
  status: 'accepted' | 'refused',
  reason: string | null,
) {
  const row = {
    rma_id: rmaId,
    warehouse_code: station.warehouseCode,
    station_id: station.stationId,
    operator_id: receipt.operatorId,
    status,
    refusal_reason: reason,
    needs_review:
      status === 'accepted' &&
      (rmaId === null || receipt.items.some((i) => i.match !== 'expected')),
    note: receipt.note,
    received_at: receipt.receivedAt,
  };
  // Only the station's own receipt, and only one not yet accepted, takes a new verdict.
  const stored = await trx
    .insertInto('return_receipts')
    .values({ id: receipt.id, ...row })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet(row)
        .where('return_receipts.station_id', '=', station.stationId)
        .where('return_receipts.status', '<>', 'accepted'),
    )
    .returning('id')
    .executeTakeFirst();
  if (!stored) throw foreignDocument('returns', receipt.id);
}

async function refuse(
  trx: Trx,
  station: StationIdentity,
  receipt: ReturnReceiptDoc,
  reason: string,
  refusal: Reason,
): Promise<Verdict> {
  const rma =
    receipt.rmaId && isUuid(receipt.rmaId)
      ? await trx.selectFrom('rmas').select('id').where('id', '=', receipt.rmaId).executeTakeFirst()
      : undefined;
  await storeReceipt(trx, station, receipt, rma?.id ?? null, 'refused', reason);
  return { status: 'refused', refusalReason: reason, refusal, refundMinor: null };
}
