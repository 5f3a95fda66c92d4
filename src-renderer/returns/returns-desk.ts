// Where the packer is at the returns desk: whether it is open, which parcel (receipt, and its RMA
// or none) is being taken in, and the unit being graded. Whether the desk is open is kept in
// sessionStorage; the parcel and its half-graded unit are kept in the station's database
// (grading-drafts.ts), so they survive a reload and a closed window; the graded items themselves
// live in the receipt.
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
  /** Shows an earlier parcel again (its verdict, a refused one to correct, a half-graded unit). */
  resumeParcel(parcel: ParcelInProgress, pending?: PendingItem | null): void;
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
      resumeParcel: (parcel, pending = null) => set({ parcel, pending }),
      setPending: (pending) => set({ pending }),
      nextParcel: () => set({ parcel: null, pending: null }),
    }),
    {
      name: 'station.returns-desk',
      storage: createJSONStorage(() => sessionStorage),
      partialize: (state) => ({ open: state.open }),
    },
  ),
);
