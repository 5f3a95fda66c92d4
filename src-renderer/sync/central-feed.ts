// The collections the central OMS owns (fulfillments, products, bins, operators, RMAs) reach the
// station as a one-way feed. The station never writes them, so they need none of the conflict
// bookkeeping of RxDB's replication (which stores an "assumed master" copy of every document it
// pulls, doubling the writes of a first sync). The feed pulls pages in checkpoint order through
// the station API, writes each page with one bulk upsert, and keeps its checkpoint in a local
// document of the same database. Live changes from the stream are written at once; after a
// reconnect (RESYNC) or an error the feed pulls from its checkpoint again.
//
// Writes are idempotent and never go backwards: a document older than the local copy (a page
// read ahead before a live change arrived) is skipped, so whatever order pages and live changes
// come in, the local copy ends at the central OMS's latest version.
import type { RxCollection } from 'rxdb';
import type { SyncCollection } from '../../shared/sync/documents';
import { MAX_PULL_PAGE } from '../../shared/sync/protocol';
import type { Checkpoint, StreamMessage, WireDocument } from '../../shared/sync/protocol';
import type { StationDatabase } from '../db/database';
import type { PullPages } from './pull-pages';

/** Full pages: a first sync of a busy warehouse is tens of thousands of documents. */
export const FEED_PAGE_SIZE = MAX_PULL_PAGE;
const RETRY_MS = 2000;

export interface FeedHooks {
  onPulled(collection: SyncCollection, received: number, remaining: number): void;
  onError(collection: SyncCollection, message: string): void;
}

interface StoredCheckpoint {
  checkpoint: Checkpoint | null;
}

type Doc = { id: string; updatedAt: number };

export class CentralFeed {
  private checkpoint: Checkpoint | null = null;
  /** Every write and pull runs in this chain, one at a time. */
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private initialDone = false;
  private readonly initial: Promise<void>;
  private resolveInitial!: () => void;

  constructor(
    private readonly db: StationDatabase,
    private readonly collection: SyncCollection,
    private readonly pages: PullPages,
    private readonly hooks: FeedHooks,
    private readonly pageSize = FEED_PAGE_SIZE,
  ) {
    this.initial = new Promise((resolve) => (this.resolveInitial = resolve));
  }

  private get rx(): RxCollection<Doc> {
    return this.db[this.collection] as unknown as RxCollection<Doc>;
  }

  private get checkpointId(): string {
    return `feed-checkpoint-${this.collection}`;
  }

  start(): void {
    this.enqueue(async () => {
      const stored = await this.db.getLocal<StoredCheckpoint>(this.checkpointId);
      this.checkpoint = stored?.get('checkpoint') ?? null;
    });
    this.pull();
  }

  /** Resolves once the feed has caught up with the central OMS for the first time. */
  awaitInitialSync(): Promise<void> {
    return this.initial;
  }

  /** A message from the live stream for this collection. */
  onStream(message: StreamMessage): void {
    if ('resync' in message) {
      this.pull();
      return;
    }
    this.enqueue(async () => {
      await this.write(message.documents);
      // Before the first catch-up the stream may be ahead of the pages still to come: the
      // checkpoint moves only by pulling then.
      if (this.initialDone && isAfter(message.checkpoint, this.checkpoint))
        await this.saveCheckpoint(message.checkpoint);
    });
  }

  /** Pulls from the checkpoint until nothing remains (queued behind running work). */
  pull(): void {
    this.enqueue(() => this.pullUntilCurrent());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.chain;
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(async () => {
      if (this.stopped) return;
      try {
        await task();
      } catch (err) {
        this.hooks.onError(this.collection, err instanceof Error ? err.message : String(err));
        this.retryLater();
      }
    });
  }

  private retryLater(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.pull();
    }, RETRY_MS);
  }

  private async pullUntilCurrent(): Promise<void> {
    for (;;) {
      const page = await this.pages.get(this.collection, this.checkpoint, this.pageSize);
      await this.write(page.documents);
      if (page.checkpoint && isAfter(page.checkpoint, this.checkpoint))
        await this.saveCheckpoint(page.checkpoint);
      this.hooks.onPulled(this.collection, page.documents.length, page.remaining);
      if (page.remaining === 0 || page.documents.length === 0) break;
    }
    if (!this.initialDone) {
      this.initialDone = true;
      this.resolveInitial();
    }
  }

  private async saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
    this.checkpoint = checkpoint;
    await this.db.upsertLocal<StoredCheckpoint>(this.checkpointId, { checkpoint });
  }

  /**
   * Writes each document unless the local copy is as new or newer; deleted documents are
   * removed. New documents (all of them in a first sync) go in with one bulk insert; only the
   * ones that exist already are compared with their local copy and overwritten when newer.
   */
  private async write(documents: readonly WireDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const latest = new Map<string, WireDocument>();
    for (const doc of documents) {
      const seen = latest.get(doc.id);
      if (!seen || stampOf(seen) <= stampOf(doc)) latest.set(doc.id, doc);
    }
    const alive: Doc[] = [];
    const deleted: WireDocument[] = [];
    for (const doc of latest.values()) {
      if (doc._deleted) deleted.push(doc);
      else {
        const { _deleted: _alive, ...body } = doc;
        alive.push(body as Doc);
      }
    }
    if (alive.length > 0) {
      const { error } = await this.rx.bulkInsert(alive);
      const newer: Doc[] = [];
      for (const failure of error) {
        if (failure.status !== 409) throw new Error(this.failedWrite(error.length));
        const incoming = latest.get(failure.documentId)!;
        const mine = failure.documentInDb as unknown as Doc | undefined;
        if (!mine || mine.updatedAt < stampOf(incoming)) {
          const { _deleted: _alive, ...body } = incoming;
          newer.push(body as Doc);
        }
      }
      if (newer.length > 0) {
        const result = await this.rx.bulkUpsert(newer);
        if (result.error.length > 0) throw new Error(this.failedWrite(result.error.length));
      }
    }
    if (deleted.length > 0) {
      const local = await this.rx.findByIds(deleted.map((d) => d.id)).exec();
      const removals = deleted
        .filter((d) => {
          const mine = local.get(d.id);
          return mine !== undefined && mine.updatedAt <= stampOf(d);
        })
        .map((d) => d.id);
      if (removals.length > 0) await this.rx.bulkRemove(removals);
    }
  }

  private failedWrite(count: number): string {
    return `${count} ${this.collection} could not be stored locally`;
  }
}

/** The central OMS's stamp of a version (every wire document carries one). */
const stampOf = (doc: WireDocument): number =>
  typeof doc.updatedAt === 'number' ? doc.updatedAt : 0;

function isAfter(a: Checkpoint, b: Checkpoint | null): boolean {
  if (!b) return true;
  return a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.id > b.id);
}
