// Where the packer is at the returns desk: whether it is open, which parcel (receipt, and its RMA
// or none) is being taken in, and the unit being graded. Kept in sessionStorage so a reload lands
// on the same parcel and prompt; the graded items themselves live in the receipt in RxDB.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { PendingItem } from './intake-rules';

export interface ParcelInProgress {
  receiptId: string;
  /** null: an unexpected return (no RMA), flagged for customer service. */
  rmaId: string | null;
  receivedAt: string;
}

interface ReturnsDeskState {
  open: boolean;
  parcel: ParcelInProgress | null;
  pending: PendingItem | null;
  openDesk(): void;
  closeDesk(): void;
  startParcel(rmaId: string | null): void;
  /** Shows an earlier receipt again (its verdict, or to correct a refused one). */
  resumeParcel(parcel: ParcelInProgress): void;
  setPending(pending: PendingItem | null): void;
  nextParcel(): void;
}

export const useReturnsDesk = create<ReturnsDeskState>()(
  persist(
    (set) => ({
      open: false,
      parcel: null,
      pending: null,
      openDesk: () => set({ open: true }),
      closeDesk: () => set({ open: false }),
      startParcel: (rmaId) =>
        set({
          parcel: { receiptId: crypto.randomUUID(), rmaId, receivedAt: new Date().toISOString() },
          pending: null,
        }),
      resumeParcel: (parcel) => set({ parcel, pending: null }),
      setPending: (pending) => set({ pending }),
      nextParcel: () => set({ parcel: null, pending: null }),
    }),
    { name: 'station.returns-desk', storage: createJSONStorage(() => sessionStorage) },
  ),
);
