// What the sync indicator shows: changes waiting to be sent, the last successful exchange with the
// central OMS, conflicts that need a person, and the first sync's progress.
import { create } from 'zustand';
import type { SyncCollection } from '../../shared/sync/documents';

export interface FirstSyncProgress {
  received: number;
  total: number;
  done: boolean;
  /** Epoch ms: the local database was open and syncing began; and when it had caught up. */
  startedAt: number | null;
  finishedAt: number | null;
}

interface SyncState {
  pending: number;
  conflicts: number;
  lastSyncAt: string | null;
  lastError: string | null;
  firstSync: FirstSyncProgress | null;
  /** Epoch ms when a document from the central OMS last landed in the local database. */
  lastReceivedAt: number | null;
  received(at: number): void;
  setCounts(pending: number, conflicts: number): void;
  pulled(collection: SyncCollection, received: number, remaining: number): void;
  succeeded(): void;
  failed(message: string): void;
  firstSyncStarted(at: number): void;
  firstSyncDone(): void;
}

const remainingByCollection = new Map<SyncCollection, number>();

const NOT_STARTED: FirstSyncProgress = {
  received: 0,
  total: 0,
  done: false,
  startedAt: null,
  finishedAt: null,
};

export const useSync = create<SyncState>((set) => ({
  pending: 0,
  conflicts: 0,
  lastSyncAt: null,
  lastError: null,
  firstSync: null,
  lastReceivedAt: null,
  received: (at) => set({ lastReceivedAt: at }),
  setCounts: (pending, conflicts) => set({ pending, conflicts }),
  pulled: (collection, received, remaining) =>
    set((s) => {
      remainingByCollection.set(collection, remaining);
      const stillRemaining = [...remainingByCollection.values()].reduce((a, b) => a + b, 0);
      const first = s.firstSync ?? NOT_STARTED;
      const firstSync = first.done
        ? first
        : {
            ...first,
            received: first.received + received,
            total: first.received + received + stillRemaining,
          };
      return { firstSync, lastSyncAt: new Date().toISOString(), lastError: null };
    }),
  succeeded: () => set({ lastSyncAt: new Date().toISOString(), lastError: null }),
  failed: (message) => set({ lastError: message }),
  firstSyncStarted: (at) =>
    set((s) => ({
      firstSync: { ...(s.firstSync ?? NOT_STARTED), done: false, startedAt: at, finishedAt: null },
    })),
  firstSyncDone: () =>
    set((s) => {
      const first = s.firstSync ?? NOT_STARTED;
      return {
        firstSync: { ...first, total: first.received, done: true, finishedAt: Date.now() },
      };
    }),
}));
