import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OperatorDoc } from '../../shared/sync/documents';
import type { Checkpoint, WireDocument } from '../../shared/sync/protocol';
import { openStationDatabase, type StationDatabase } from '../db/database';
import { CentralFeed } from './central-feed';
import { PullPages } from './pull-pages';

/** The central OMS's side: the latest version of each operator, stamped in write order. */
function fakeCentral() {
  const docs = new Map<string, WireDocument>();
  let stamp = 0;
  let down = false;
  const pulls: (number | null)[] = [];
  const put = (id: string, name: string, deleted = false) => {
    const doc: OperatorDoc & { _deleted: boolean } = {
      id,
      badge: `B-${id}`,
      name,
      pinHash: 'ab'.repeat(32),
      pinSalt: 'cd'.repeat(16),
      locale: 'nl',
      active: true,
      updatedAt: ++stamp,
      _deleted: deleted,
    };
    docs.set(id, doc);
    return doc;
  };
  const api = {
    syncPull: async ({ checkpoint, limit }: { checkpoint: Checkpoint | null; limit: number }) => {
      pulls.push(checkpoint?.updatedAt ?? null);
      if (down) throw new Error('Central OMS unreachable');
      const after = [...docs.values()]
        .filter((d) => (d.updatedAt as number) > (checkpoint?.updatedAt ?? 0))
        .sort((a, b) => (a.updatedAt as number) - (b.updatedAt as number));
      const documents = after.slice(0, limit);
      const last = documents.at(-1);
      return {
        documents,
        checkpoint: last ? { id: last.id, updatedAt: last.updatedAt as number } : checkpoint,
        remaining: after.length - documents.length,
      };
    },
  };
  return {
    api,
    put,
    pulls,
    setDown: (value: boolean) => (down = value),
    checkpointOf: (doc: WireDocument) => ({ id: doc.id, updatedAt: doc.updatedAt as number }),
  };
}

const names = async (db: StationDatabase) =>
  (await db.operators.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => `${d.id}:${d.name}`);

describe('central feed', () => {
  let db: StationDatabase | null = null;
  afterEach(async () => {
    await db?.remove();
    db = null;
  });

  function feedOn(database: StationDatabase, central: ReturnType<typeof fakeCentral>) {
    const progress: number[] = [];
    const errors: string[] = [];
    const feed = new CentralFeed(
      database,
      'operators',
      new PullPages(central.api as never),
      {
        onPulled: (_c, received) => progress.push(received),
        onError: (_c, message) => errors.push(message),
      },
      10,
    );
    return { feed, progress, errors };
  }

  it('catches up page by page, then survives a restart without pulling everything again', async () => {
    const central = fakeCentral();
    for (let i = 1; i <= 25; i++) central.put(`op${String(i).padStart(2, '0')}`, `Packer ${i}`);
    db = await openStationDatabase(`feed-${Date.now()}`);
    const { feed, progress } = feedOn(db, central);
    feed.start();
    await feed.awaitInitialSync();
    expect(progress).toEqual([10, 10, 5]);
    expect(await db.operators.count().exec()).toBe(25);
    await feed.stop();

    central.put('op26', 'Packer 26');
    central.put('op03', 'Packer 3, renamed');
    central.pulls.length = 0;
    const restarted = feedOn(db, central);
    restarted.feed.start();
    await restarted.feed.awaitInitialSync();
    // From the stored checkpoint (stamp 25): only the two changes come.
    expect(central.pulls[0]).toBe(25);
    expect(restarted.progress).toEqual([2]);
    expect(await db.operators.count().exec()).toBe(26);
    expect((await db.operators.findOne('op03').exec())?.name).toBe('Packer 3, renamed');
    await restarted.feed.stop();
  });

  it('writes live changes at once, removes deleted documents and never goes back to an older version', async () => {
    const central = fakeCentral();
    const anna = central.put('anna', 'Anna');
    central.put('bram', 'Bram');
    db = await openStationDatabase(`feed-${Date.now()}`);
    const { feed } = feedOn(db, central);
    feed.start();
    await feed.awaitInitialSync();

    const renamed = central.put('anna', 'Anna de Vries');
    feed.onStream({
      collection: 'operators',
      documents: [renamed],
      checkpoint: central.checkpointOf(renamed),
    });
    // A page read before the rename, arriving late, carries the old version.
    feed.onStream({
      collection: 'operators',
      documents: [anna],
      checkpoint: central.checkpointOf(anna),
    });
    const gone = central.put('bram', 'Bram', true);
    feed.onStream({
      collection: 'operators',
      documents: [gone],
      checkpoint: central.checkpointOf(gone),
    });
    await vi.waitFor(async () => expect(await names(db!)).toEqual(['anna:Anna de Vries']));
    await feed.stop();
  });

  it('reports an unreachable central OMS and catches up by itself when it is back', async () => {
    const central = fakeCentral();
    central.put('anna', 'Anna');
    central.setDown(true);
    db = await openStationDatabase(`feed-${Date.now()}`);
    const { feed, errors } = feedOn(db, central);
    feed.start();
    await new Promise((r) => setTimeout(r, 200));
    expect(errors).toEqual(['Central OMS unreachable']);
    central.setDown(false);
    await feed.awaitInitialSync(); // the retry, two seconds later
    expect(await names(db)).toEqual(['anna:Anna']);
    await feed.stop();
  });

  it('a RESYNC pulls what the stream missed while disconnected', async () => {
    const central = fakeCentral();
    central.put('anna', 'Anna');
    db = await openStationDatabase(`feed-${Date.now()}`);
    const { feed } = feedOn(db, central);
    feed.start();
    await feed.awaitInitialSync();
    central.put('cas', 'Cas'); // never streamed
    feed.onStream({ collection: 'operators', resync: true });
    await vi.waitFor(async () => expect(await names(db!)).toEqual(['anna:Anna', 'cas:Cas']));
    await feed.stop();
  });
});
