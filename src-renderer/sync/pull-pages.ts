// Pull pages from the central OMS through the station API, with one page of read-ahead.
import type { StationApi } from '../../shared/station-api';
import type { SyncCollection } from '../../shared/sync/documents';
import type { Checkpoint } from '../../shared/sync/protocol';

type PullPage = Awaited<ReturnType<StationApi['syncPull']>>;

/**
 * Pull pages with one page of read-ahead: when a page says more are waiting, the next one is
 * fetched while RxDB stores this one, so a first sync waits for the network or the database,
 * not for both in turn. A read-ahead is used only when RxDB asks for exactly the page after the
 * one it got (same checkpoint and size); anything else (a RESYNC, a restart) fetches afresh.
 */
export class PullPages {
  private readonly ahead = new Map<SyncCollection, { key: string; page: Promise<PullPage> }>();

  constructor(private readonly api: Pick<StationApi, 'syncPull'>) {}

  async get(
    collection: SyncCollection,
    checkpoint: Checkpoint | null,
    limit: number,
  ): Promise<PullPage> {
    const key = JSON.stringify([checkpoint, limit]);
    const ahead = this.ahead.get(collection);
    this.ahead.delete(collection);
    const fresh = () => this.fetch(collection, checkpoint, limit);
    // A read-ahead that failed (offline for a moment) is fetched again, not reported.
    const page = await (ahead?.key === key ? ahead.page.catch(fresh) : fresh());
    if (page.remaining > 0 && page.checkpoint) {
      const next = this.fetch(collection, page.checkpoint, limit);
      next.catch(() => undefined); // unhandled until asked for
      this.ahead.set(collection, { key: JSON.stringify([page.checkpoint, limit]), page: next });
    }
    return page;
  }

  private fetch(collection: SyncCollection, checkpoint: Checkpoint | null, limit: number) {
    return this.api.syncPull({ collection, checkpoint, limit });
  }
}
