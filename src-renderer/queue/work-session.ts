// Which screen the signed-in packer is on and which fulfillment they are working on. Kept in
// sessionStorage so a reload lands on the same order; the progress itself lives in RxDB.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type StationView = 'queue' | 'work' | 'scanner-test';

interface WorkSessionState {
  view: StationView;
  fulfillmentId: string | null;
  startWork(fulfillmentId: string): void;
  backToQueue(): void;
  openScannerTest(): void;
  closeScannerTest(): void;
}

export const useWorkSession = create<WorkSessionState>()(
  persist(
    (set) => ({
      view: 'queue',
      fulfillmentId: null,
      startWork: (fulfillmentId) => set({ view: 'work', fulfillmentId }),
      backToQueue: () => set({ view: 'queue', fulfillmentId: null }),
      openScannerTest: () => set({ view: 'scanner-test' }),
      closeScannerTest: () => set((s) => ({ view: s.fulfillmentId ? 'work' : 'queue' })),
    }),
    { name: 'station.work-session', storage: createJSONStorage(() => sessionStorage) },
  ),
);
