// Whether the receiving screen is open and which purchase order is on it, kept in sessionStorage
// so a reload comes back to the same PO (its lines come from main: the central OMS or the copy
// main kept; the scans not sent yet are in main's outgoing queue).
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface ReceivingDeskState {
  open: boolean;
  poNumber: string | null;
  openDesk(): void;
  closeDesk(): void;
  setPoNumber(poNumber: string | null): void;
}

export const useReceivingDesk = create<ReceivingDeskState>()(
  persist(
    (set) => ({
      open: false,
      poNumber: null,
      openDesk: () => set({ open: true }),
      closeDesk: () => set({ open: false, poNumber: null }),
      setPoNumber: (poNumber) => set({ poNumber }),
    }),
    { name: 'station.receiving-desk', storage: createJSONStorage(() => sessionStorage) },
  ),
);
