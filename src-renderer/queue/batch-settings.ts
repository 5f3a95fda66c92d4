// How many orders "Pick a batch" takes is a setting of the station (it matches the station's
// cart), not of one sign-in: kept in the station's localStorage, so it outlasts sign-outs,
// reloads and restarts. A stored value that is not a valid size gives the default.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { defaultBatchSize, maxBatchSize } from '../picking/batch-rules';

export function isBatchSize(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= maxBatchSize;
}

/** The batch size in what was stored; anything else gives the default. */
export function storedBatchSize(persisted: unknown): number {
  const value = (persisted as { batchSize?: unknown } | null)?.batchSize;
  return isBatchSize(value) ? value : defaultBatchSize;
}

interface BatchSettings {
  batchSize: number;
  /** Takes valid sizes only (1 to maxBatchSize); others leave the setting as it was. */
  setBatchSize(size: number): void;
}

export const useBatchSettings = create<BatchSettings>()(
  persist(
    (set) => ({
      batchSize: defaultBatchSize,
      setBatchSize: (size) => {
        if (isBatchSize(size)) set({ batchSize: size });
      },
    }),
    {
      name: 'station.batch-settings',
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ batchSize: state.batchSize }),
      merge: (persisted, current) => ({ ...current, batchSize: storedBatchSize(persisted) }),
    },
  ),
);
