import { useEffect } from 'react';
import type { StationDatabase } from '../db/database';
import { useScanRouter } from './scan-router';

/** Keeps the scan router's bin codes in step with the synced bins collection. */
export function useBinCodes(db: StationDatabase | null): void {
  const setBinCodes = useScanRouter((s) => s.setBinCodes);
  useEffect(() => {
    if (!db) return;
    const sub = db.bins
      .find()
      .$.subscribe((docs) => setBinCodes(new Set(docs.map((doc) => doc.code.toUpperCase()))));
    return () => {
      sub.unsubscribe();
      setBinCodes(new Set());
    };
  }, [db, setBinCodes]);
}
