// Replicates every station collection with the central OMS through the station API: RxDB's
// pull, push and live stream all go to main, which holds the token and talks to the network.
import type { RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import type { StationApi } from '../../shared/station-api';
import type { SyncCollection } from '../../shared/sync/documents';
import { STATION_WRITABLE, SYNC_COLLECTIONS } from '../../shared/sync/documents';
import type { Checkpoint, WireDocument } from '../../shared/sync/protocol';
import type { StationDatabase } from '../db/database';

export interface ReplicationHooks {
  /** A pull page arrived: how many documents came, and how many are still waiting on the server. */
  onPulled(collection: SyncCollection, received: number, remaining: number): void;
  onPushed(collection: SyncCollection, rows: number, conflicts: number): void;
  onError(collection: SyncCollection, message: string): void;
}

export interface StationReplication {
  states: Map<SyncCollection, RxReplicationState<unknown, Checkpoint>>;
  stop(): Promise<void>;
}

export function startReplication(
  db: StationDatabase,
  api: StationApi,
  stationId: string,
  hooks: ReplicationHooks,
): StationReplication {
  const streams = new Map(
    SYNC_COLLECTIONS.map((c) => [
      c,
      new Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>(),
    ]),
  );
  const unsubscribe = api.on('syncStream', (message) => {
    const stream = streams.get(message.collection as SyncCollection);
    if (!stream) return;
    if ('resync' in message) stream.next('RESYNC');
    else stream.next({ documents: message.documents as never[], checkpoint: message.checkpoint });
  });

  const states = new Map<SyncCollection, RxReplicationState<unknown, Checkpoint>>();
  for (const collection of SYNC_COLLECTIONS) {
    const state = replicateRxCollection<unknown, Checkpoint>({
      collection: db[collection] as never,
      replicationIdentifier: `central-${stationId}-${collection}`,
      live: true,
      retryTime: 2000,
      waitForLeadership: false,
      toggleOnDocumentVisible: false,
      autoStart: true,
      pull: {
        // Large pages: the first sync of a busy warehouse is tens of thousands of documents.
        batchSize: 1000,
        stream$: streams.get(collection)!.asObservable(),
        handler: async (checkpoint, batchSize) => {
          const page = await api.syncPull({
            collection,
            checkpoint: checkpoint ?? null,
            limit: batchSize,
          });
          hooks.onPulled(collection, page.documents.length, page.remaining);
          return {
            documents: page.documents as never[],
            checkpoint: page.checkpoint ?? checkpoint ?? undefined,
          };
        },
      },
      push: STATION_WRITABLE.includes(collection)
        ? {
            batchSize: 50,
            handler: async (rows) => {
              const conflicts = await api.syncPush({
                collection,
                rows: rows as { newDocumentState: WireDocument }[],
              });
              hooks.onPushed(collection, rows.length, conflicts.length);
              return conflicts as never[];
            },
          }
        : undefined,
    });
    state.error$.subscribe((err) => hooks.onError(collection, describe(err)));
    states.set(collection, state);
  }

  return {
    states,
    async stop() {
      unsubscribe();
      await Promise.all([...states.values()].map((s) => s.cancel()));
    },
  };
}

function describe(err: unknown): string {
  // RxDB wraps handler errors; the station API's message (e.g. "Central OMS ... unreachable") is inside.
  const inner = (err as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0];
  if (inner instanceof Error) return inner.message;
  return err instanceof Error ? err.message : String(err);
}
