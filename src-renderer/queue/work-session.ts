// Which screen the signed-in packer is on and which fulfillment (or batch) they are working on.
// Kept in sessionStorage so a reload lands on the same work; the progress itself lives in RxDB.
// (The batch size is a station setting: batch-settings.ts.)
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type StationView = 'queue' | 'work' | 'batch' | 'order' | 'scanner-test';

interface WorkSessionState {
  view: StationView;
  /** The order being worked on (`work`) or looked at (`order`). */
  fulfillmentId: string | null;
  batchId: string | null;
  /** Where the scanner test goes back to. */
  returnView: Exclude<StationView, 'scanner-test'>;
  startWork(fulfillmentId: string): void;
  startBatch(batchId: string): void;
  /** A packed or shipped order, opened to see its cartons and reprint its labels. */
  openOrder(fulfillmentId: string): void;
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
      returnView: 'queue',
      startWork: (fulfillmentId) => set({ view: 'work', fulfillmentId, batchId: null }),
      startBatch: (batchId) => set({ view: 'batch', batchId, fulfillmentId: null }),
      openOrder: (fulfillmentId) => set({ view: 'order', fulfillmentId, batchId: null }),
      backToQueue: () => set({ view: 'queue', fulfillmentId: null, batchId: null }),
      openScannerTest: () =>
        set((s) => (s.view === 'scanner-test' ? s : { view: 'scanner-test', returnView: s.view })),
      closeScannerTest: () => set((s) => ({ view: s.returnView })),
    }),
    { name: 'station.work-session', storage: createJSONStorage(() => sessionStorage) },
  ),
);
