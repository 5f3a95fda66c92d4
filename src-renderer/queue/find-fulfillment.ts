// A scanned `F:` code names a fulfillment by its id; codes are read upper-case (see
// shared/barcodes/README.md), so ids stored in lower case and order numbers are tried too.
import type { FulfillmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';

export async function findScannedFulfillment(
  db: Pick<StationDatabase, 'fulfillments'>,
  code: string,
): Promise<FulfillmentDoc | null> {
  for (const id of new Set([code, code.toLowerCase()])) {
    const doc = await db.fulfillments.findOne(id).exec();
    if (doc) return doc.toJSON() as FulfillmentDoc;
  }
  const byNumber = await db.fulfillments.findOne({ selector: { orderNumber: code } }).exec();
  return byNumber ? (byNumber.toJSON() as FulfillmentDoc) : null;
}
