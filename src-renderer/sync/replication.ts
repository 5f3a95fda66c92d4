// Keeps every station collection in step with the central OMS through the station API (main
// holds the token and talks to the network):
// - the collections the station writes (work, shipments, returns) replicate with RxDB's
//   replication protocol: pull, push with conflict resolution, live stream;
// - the collections the central OMS owns come as a one-way feed (central-feed.ts).
import type { RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import type { StationApi } from '../../shared/station-api';
import type { SyncCollection } from '../../shared/sync/documents';
import { STATION_WRITABLE, SYNC_COLLECTIONS } from '../../shared/sync/documents';
import type { Checkpoint, WireDocument } from '../../shared/sync/protocol';
import type { StationDatabase } from '../db/database';
import { CentralFeed } from './central-feed';
import { PullPages } from './pull-pages';

export interface ReplicationHooks {
  /** A pull page arrived: how many documents came, and how many are still waiting on the server. */
  onPulled(collection: SyncCollection, received: number, remaining: number): void;
  onPushed(collection: SyncCollection, rows: number, conflicts: number): void;
  onError(collection: SyncCollection, message: string): void;
}

export interface StationReplication {
  /** Resolves when every collection has caught up with the central OMS once. */
  awaitInitialSync(): Promise<void>;
  stop(): Promise<void>;
}

export function startReplication(
  db: StationDatabase,
  api: StationApi,
  stationId: string,
  hooks: ReplicationHooks,
): StationReplication {
  const pages = new PullPages(api);
  const feeds = new Map<SyncCollection, CentralFeed>();
  const streams = new Map<
    SyncCollection,
    Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>
  >();
  const states = new Map<SyncCollection, RxReplicationState<unknown, Checkpoint>>();

  for (const collection of SYNC_COLLECTIONS) {
    if (!STATION_WRITABLE.includes(collection)) {
      feeds.set(collection, new CentralFeed(db, collection, pages, hooks));
      continue;
    }
    const stream = new Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>();
    streams.set(collection, stream);
    const state = replicateRxCollection<unknown, Checkpoint>({
      collection: db[collection] as never,
      replicationIdentifier: `central-${stationId}-${collection}`,
      live: true,
      retryTime: 2000,
      waitForLeadership: false,
      toggleOnDocumentVisible: false,
      autoStart: true,
      pull: {
        batchSize: 1000,
        stream$: stream.asObservable(),
        handler: async (checkpoint, batchSize) => {
          const page = await pages.get(collection, checkpoint ?? null, batchSize);
          hooks.onPulled(collection, page.documents.length, page.remaining);
          return {
            documents: page.documents as never[],
            checkpoint: page.checkpoint ?? checkpoint ?? undefined,
          };
        },
      },
      push: {
        batchSize: 50,
        handler: async (rows) => {
          const conflicts = await api.syncPush({
            collection,
            rows: rows as { newDocumentState: WireDocument }[],
          });
          hooks.onPushed(collection, rows.length, conflicts.length);
          return conflicts as never[];
        },
      },
    });
    state.error$.subscribe((err) => hooks.onError(collection, describe(err)));
    states.set(collection, state);
  }

  const unsubscribe = api.on('syncStream', (message) => {
    const collection = message.collection as SyncCollection;
    feeds.get(collection)?.onStream(message);
    const stream = streams.get(collection);
    if (!stream) return;
    if ('resync' in message) stream.next('RESYNC');
    else stream.next({ documents: message.documents as never[], checkpoint: message.checkpoint });
  });
  for (const feed of feeds.values()) feed.start();

  return {
    async awaitInitialSync() {
      await Promise.all([
        ...[...feeds.values()].map((feed) => feed.awaitInitialSync()),
        ...[...states.values()].map((state) => state.awaitInitialReplication()),
      ]);
    },
    async stop() {
      unsubscribe();
      await Promise.all([
        ...[...feeds.values()].map((feed) => feed.stop()),
        ...[...states.values()].map((state) => state.cancel()),
      ]);
    },
  };
}

function describe(err: unknown): string {
  // RxDB wraps handler errors; the station API's message (e.g. "Central OMS ... unreachable") is inside.
  const inner = (err as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0];
  if (inner instanceof Error) return inner.message;
  return err instanceof Error ? err.message : String(err);
}
