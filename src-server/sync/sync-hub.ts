// Live changes for connected stations. Every API instance LISTENs on the sync channel; a notice
// names a warehouse, a collection and (usually) the changed ids. The hub batches notices per
// tick, reads the documents once, and writes them to every stream of that warehouse. A notice
// without ids (a bulk change) tells the stations to pull. When the LISTEN connection was lost and
// is back, notices may have been missed: every connected station is told to pull (RESYNC).
import type { Kysely } from 'kysely';
import type { SyncCollection } from '../../shared/sync/documents';
import { STATION_WRITABLE, SYNC_COLLECTIONS } from '../../shared/sync/documents';
import type { StreamMessage } from '../../shared/sync/protocol';
import type { Listen } from '../db/connect';
import type { Database } from '../db/schema';
import { readSyncDocuments, SYNC_CHANNEL, type SyncNoticeBatch } from './document-store';

export interface StationStream {
  warehouseCode: string;
  stationId: string;
  send(message: StreamMessage): void;
  close(): void;
}

export class SyncHub {
  private readonly streams = new Set<StationStream>();
  private pending = new Map<
    string,
    { warehouse: string; collection: SyncCollection; ids: Set<string> | null }
  >();
  private flushScheduled = false;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {}

  async start(listen: Listen): Promise<void> {
    this.unlisten = await listen(
      SYNC_CHANNEL,
      (payload) => this.onNotice(payload),
      () => this.resyncAll(),
    );
  }

  /** Tells every connected station to pull every collection from its checkpoint. */
  resyncAll(): void {
    for (const stream of this.streams)
      for (const collection of SYNC_COLLECTIONS) stream.send({ collection, resync: true });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
  }

  closeAll(): void {
    for (const stream of this.streams) stream.close();
    this.streams.clear();
  }

  attach(stream: StationStream): () => void {
    this.streams.add(stream);
    return () => this.streams.delete(stream);
  }

  connectedStations(): number {
    return this.streams.size;
  }

  private onNotice(payload: string): void {
    let notice: SyncNoticeBatch;
    try {
      notice = JSON.parse(payload) as SyncNoticeBatch;
    } catch {
      return;
    }
    const key = `${notice.warehouse}\u0000${notice.collection}`;
    const entry = this.pending.get(key) ?? {
      warehouse: notice.warehouse,
      collection: notice.collection,
      ids: new Set<string>(),
    };
    if (!notice.ids || entry.ids === null) entry.ids = null;
    else for (const id of notice.ids) entry.ids.add(id);
    this.pending.set(key, entry);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => void this.flush());
    }
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    for (const { warehouse, collection, ids } of batch) {
      const targets = [...this.streams].filter((s) => s.warehouseCode === warehouse);
      if (targets.length === 0) continue;
      try {
        if (ids === null || ids.size > 500) {
          for (const t of targets) t.send({ collection, resync: true });
          continue;
        }
        const documents = await readSyncDocuments(this.db, warehouse, collection, [...ids]);
        const stationOwned = STATION_WRITABLE.includes(collection);
        for (const t of targets) {
          const own = stationOwned
            ? documents.filter((d) => d.stationId === t.stationId)
            : documents;
          const last = own.at(-1);
          if (last)
            t.send({
              collection,
              documents: own,
              checkpoint: { updatedAt: Number(last.updatedAt), id: last.id },
            });
        }
      } catch (err) {
        this.log('sync hub could not forward a change; stations will be told to pull', err);
        for (const t of targets) t.send({ collection, resync: true });
      }
    }
  }
}
