// Which screen the signed-in packer is on and which fulfillment (or batch) they are working on.
// Kept in sessionStorage so a reload lands on the same work; the progress itself lives in RxDB.
// (The batch size is a station setting: batch-settings.ts.)
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type StationView = 'queue' | 'work' | 'batch' | 'scanner-test';

interface WorkSessionState {
  view: StationView;
  fulfillmentId: string | null;
  batchId: string | null;
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
