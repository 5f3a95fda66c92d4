// The receipt of the parcel being taken in: the working copy every scan builds on (a ref, so two
// quick scans never build on a stale render) and the stored version, which carries the central
// OMS's stamp and verdict. Every change is saved at once, so a reload resumes the parcel.
import { useEffect, useRef, useState } from 'react';
import type { ReturnReceiptDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { saveReturnReceipt } from '../sync/station-writes';

export interface ReceiptHandle {
  /** The working copy as last rendered; null before the parcel's first graded item. */
  receipt: ReturnReceiptDoc | null;
  /** As stored in RxDB, with the central OMS's stamp and verdict. */
  stored: ReturnReceiptDoc | null;
  loaded: boolean;
  current(): ReturnReceiptDoc | null;
  update(next: ReturnReceiptDoc): Promise<void>;
}

export function useReceipt(db: StationDatabase, receiptId: string): ReceiptHandle {
  const latest = useRef<ReturnReceiptDoc | null>(null);
  const [receipt, setReceipt] = useState<ReturnReceiptDoc | null>(null);
  const [stored, setStored] = useState<ReturnReceiptDoc | null>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    latest.current = null;
    setReceipt(null);
    setLoaded(false);
    const sub = db.returns.findOne(receiptId).$.subscribe((doc) => {
      const saved = doc ? (doc.toJSON() as ReturnReceiptDoc) : null;
      setStored(saved);
      // The working copy follows the store only where the central OMS decides: the verdict.
      const mine = latest.current;
      if (
        !mine ||
        (saved &&
          saved.status !== mine.status &&
          (saved.status === 'accepted' || saved.status === 'refused'))
      ) {
        latest.current = saved;
        setReceipt(saved);
      }
      setLoaded(true);
    });
    return () => sub.unsubscribe();
  }, [db, receiptId]);

  return {
    receipt,
    stored,
    loaded,
    current: () => latest.current,
    async update(next) {
      latest.current = next;
      setReceipt(next);
      await saveReturnReceipt(db, next);
    },
  };
}
