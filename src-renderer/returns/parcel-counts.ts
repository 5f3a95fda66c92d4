// What an RMA has received so far, as this station sees it: the central OMS's counts (the `rmas`
// document, with the receipts it counted) plus this station's own parcels the central OMS has not
// counted yet (sent or waiting to be sent). Never a local tally that could drift: once the central
// OMS counts a parcel it is in `receiptIds` and no longer added here.
import type { ReturnItem, ReturnReceiptDoc, RmaDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';

/** A parcel of this station that the central OMS has not counted (yet). */
export function uncounted(rma: RmaDoc, receipt: ReturnReceiptDoc): boolean {
  return (
    receipt.rmaId === rma.id &&
    !rma.receiptIds.includes(receipt.id) &&
    (receipt.status === 'submitted' || receipt.status === 'accepted')
  );
}

/** Adds expected units to the lines of their SKU, never above a line's authorised quantity. */
function addUnits(rma: RmaDoc, items: readonly ReturnItem[]): RmaDoc {
  const units = new Map<string, number>();
  for (const item of items.filter((i) => i.match === 'expected'))
    units.set(item.sku, (units.get(item.sku) ?? 0) + item.quantity);
  return {
    ...rma,
    lines: rma.lines.map((line) => {
      const take = Math.min(
        Math.max(0, line.quantity - line.receivedQuantity),
        units.get(line.sku) ?? 0,
      );
      units.set(line.sku, (units.get(line.sku) ?? 0) - take);
      return { ...line, receivedQuantity: line.receivedQuantity + take };
    }),
  };
}

/**
 * The RMA with each line's `receivedQuantity` as received before the parcel `currentReceiptId`:
 * the central count plus this station's other parcels not counted centrally yet.
 */
export function receivedBefore(
  rma: RmaDoc,
  ownReceipts: readonly ReturnReceiptDoc[],
  currentReceiptId: string,
): RmaDoc {
  const others = ownReceipts.filter((r) => r.id !== currentReceiptId && uncounted(rma, r));
  return addUnits(
    rma,
    others.flatMap((r) => r.items),
  );
}

/** The items of the current parcel that still add to the counts (none once the central OMS counted it). */
export function parcelAdds(rma: RmaDoc, receiptId: string, items: readonly ReturnItem[]) {
  return rma.receiptIds.includes(receiptId) ? [] : items;
}

/** This station's receipts for the RMA. */
export async function ownParcels(db: StationDatabase, rmaId: string): Promise<ReturnReceiptDoc[]> {
  const docs = await db.returns.find({ selector: { rmaId } }).exec();
  return docs.map((d) => d.toJSON() as ReturnReceiptDoc);
}

/** The RMA as received before the given parcel, read from the station's database. */
export async function loadReceivedBefore(
  db: StationDatabase,
  rmaId: string,
  currentReceiptId: string,
): Promise<RmaDoc | null> {
  const doc = await db.rmas.findOne(rmaId).exec();
  if (!doc) return null;
  return receivedBefore(doc.toJSON() as RmaDoc, await ownParcels(db, rmaId), currentReceiptId);
}
