import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../shared/sync/protocol';
import { PullPages } from './pull-pages';

/** A server of `total` documents, stamps 1..total, answering pages after a checkpoint. */
function fakeServer(total: number) {
  const calls: (number | null)[] = [];
  let failAt: number | null | undefined;
  const api = {
    syncPull: async ({ checkpoint, limit }: { checkpoint: Checkpoint | null; limit: number }) => {
      calls.push(checkpoint?.updatedAt ?? null);
      if (failAt !== undefined && (checkpoint?.updatedAt ?? null) === failAt) {
        failAt = undefined;
        throw new Error('Central OMS unreachable');
      }
      const from = (checkpoint?.updatedAt ?? 0) + 1;
      const to = Math.min(total, from + limit - 1);
      const documents = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => ({
        id: `d${from + i}`,
        updatedAt: from + i,
        _deleted: false,
      }));
      const last = documents.at(-1);
      return {
        documents,
        checkpoint: last ? { id: last.id, updatedAt: last.updatedAt } : checkpoint,
        remaining: total - to,
      };
    },
  };
  return { api, calls, failOnceAt: (stamp: number | null) => (failAt = stamp) };
}

describe('pull pages with read-ahead', () => {
  it('fetches the next page while the current one is stored, and hands it over when asked', async () => {
    const server = fakeServer(25);
    const pages = new PullPages(server.api as never);
    const first = await pages.get('fulfillments', null, 10);
    expect(first.documents).toHaveLength(10);
    // Page 2 is already on its way before RxDB asks for it.
    expect(server.calls).toEqual([null, 10]);
    const second = await pages.get('fulfillments', first.checkpoint, 10);
    expect(second.documents.map((d) => d.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `d${11 + i}`),
    );
    const third = await pages.get('fulfillments', second.checkpoint, 10);
    expect(third.remaining).toBe(0);
    // Three pages, three fetches: none twice, and no read-ahead after the last page.
    expect(server.calls).toEqual([null, 10, 20]);
  });

  it('fetches afresh when asked for another checkpoint (a RESYNC, a restart)', async () => {
    const server = fakeServer(25);
    const pages = new PullPages(server.api as never);
    await pages.get('fulfillments', null, 10);
    const again = await pages.get('fulfillments', null, 10);
    expect(again.documents[0]!.id).toBe('d1');
    expect(server.calls).toEqual([null, 10, null, 10]);
  });

  it('fetches again, without an error, when the read-ahead failed', async () => {
    const server = fakeServer(25);
    const pages = new PullPages(server.api as never);
    server.failOnceAt(null);
    await expect(pages.get('products', null, 10)).rejects.toThrow('unreachable');
    server.failOnceAt(10); // the read-ahead of page 2 fails
    const first = await pages.get('products', null, 10);
    const second = await pages.get('products', first.checkpoint, 10);
    expect(second.documents[0]!.id).toBe('d11');
    expect(server.calls).toEqual([null, null, 10, 10, 20]);
  });
});
