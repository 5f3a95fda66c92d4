// Which screen the signed-in packer is on and which fulfillment (or batch) they are working on.
// Kept in sessionStorage so a reload lands on the same work; the progress itself lives in RxDB.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { defaultBatchSize } from '../picking/batch-rules';

export type StationView = 'queue' | 'work' | 'batch' | 'scanner-test';

interface WorkSessionState {
  view: StationView;
  fulfillmentId: string | null;
  batchId: string | null;
  /** How many orders "Pick a batch" takes. */
  batchSize: number;
  setBatchSize(size: number): void;
  startWork(fulfillmentId: string): void;
  startBatch(batchId: string): void;
  backToQueue(): void;
  openScannerTest(): void;
  closeScannerTest(): void;
}

export const useWorkSession = create<WorkSessionState>()(
  persist(
    (set) => ({
      view: 'queue',
      fulfillmentId: null,
      batchId: null,
      batchSize: defaultBatchSize,
      setBatchSize: (batchSize) => set({ batchSize }),
      startWork: (fulfillmentId) => set({ view: 'work', fulfillmentId, batchId: null }),
      startBatch: (batchId) => set({ view: 'batch', batchId, fulfillmentId: null }),
      backToQueue: () => set({ view: 'queue', fulfillmentId: null, batchId: null }),
      openScannerTest: () => set({ view: 'scanner-test' }),
      closeScannerTest: () =>
        set((s) => ({ view: s.fulfillmentId ? 'work' : s.batchId ? 'batch' : 'queue' })),
    }),
    { name: 'station.work-session', storage: createJSONStorage(() => sessionStorage) },
  ),
);
