import { beforeEach, describe, expect, it } from 'vitest';
import { pushRoute, routeScan, useScanRouter, type ScanEvent, type ScanRoute } from './scan-router';

const scan = (raw: string): ScanEvent => ({ raw, result: { kind: 'unknown', raw }, keyTime: 0 });

function recorder(
  id: string,
  level: ScanRoute['level'],
  takes: (raw: string) => boolean,
  seen: string[],
): ScanRoute {
  return {
    id,
    level,
    handler: (event) => {
      seen.push(`${id}:${event.raw}`);
      return takes(event.raw);
    },
  };
}

describe('scan routing', () => {
  it('offers a scan to an open prompt first and lets what it does not want fall to the screen', () => {
    const seen: string[] = [];
    let routes: ScanRoute[] = [];
    // React mounts the prompt (a child) before its screen: levels, not mount order, decide.
    routes = pushRoute(
      routes,
      recorder('quantity-prompt', 'prompt', (raw) => raw === '3', seen),
    );
    routes = pushRoute(
      routes,
      recorder('picking', 'screen', () => true, seen),
    );
    routes = pushRoute(
      routes,
      recorder('global', 'global', () => true, seen),
    );
    expect(routeScan(routes, scan('3'))).toBe('quantity-prompt');
    expect(routeScan(routes, scan('08712345678906'))).toBe('picking');
    expect(seen).toEqual([
      'quantity-prompt:3',
      'quantity-prompt:08712345678906',
      'picking:08712345678906',
    ]);
  });

  it('falls through to the global handler and answers null when nobody takes the scan', () => {
    const seen: string[] = [];
    const routes = [
      recorder('global', 'global', (raw) => raw === 'CMD:SIGN-OUT', seen),
      recorder('queue', 'screen', () => false, seen),
    ];
    expect(routeScan(routes, scan('CMD:SIGN-OUT'))).toBe('global');
    expect(routeScan(routes, scan('nothing'))).toBeNull();
  });

  it('replaces a route registered again under the same id', () => {
    const seen: string[] = [];
    let routes = pushRoute(
      [],
      recorder('picking', 'screen', () => false, seen),
    );
    routes = pushRoute(
      routes,
      recorder('picking', 'screen', () => true, seen),
    );
    expect(routes).toHaveLength(1);
    expect(routeScan(routes, scan('x'))).toBe('picking');
  });

  describe('the store', () => {
    beforeEach(() => useScanRouter.setState({ routes: [], lastScan: null }));

    it('classifies once, remembers the last scan and routes it to the newest screen', () => {
      const taken: string[] = [];
      const stopQueue = useScanRouter
        .getState()
        .listen('queue', 'screen', (event) => (taken.push(`queue:${event.result.kind}`), true));
      const stopPicking = useScanRouter
        .getState()
        .listen('picking', 'screen', (event) => (taken.push(`picking:${event.result.kind}`), true));
      expect(useScanRouter.getState().scan('B:A-01', 12.5)).toBe('picking');
      stopPicking();
      expect(useScanRouter.getState().scan('F:FO-1', 20)).toBe('queue');
      stopQueue();
      expect(useScanRouter.getState().scan('F:FO-1', 30)).toBeNull();
      expect(taken).toEqual(['picking:bin', 'queue:fulfillment']);
      expect(useScanRouter.getState().lastScan).toMatchObject({
        raw: 'F:FO-1',
        result: { kind: 'fulfillment', code: 'FO-1' },
        keyTime: 30,
      });
    });
  });
});

describe('a bin scanned without its prefix', () => {
  beforeEach(() => useScanRouter.setState({ routes: [], binCodes: new Set(['A-01', 'NL1-B-02']) }));

  it('reaches the screen as that bin, in any case and behind a plain Code 128 identifier', () => {
    const seen: ScanEvent[] = [];
    useScanRouter.getState().listen('screen', 'screen', (event) => seen.push(event) > 0);
    for (const raw of ['A-01', 'a-01', ']C0NL1-B-02', 'B:A-01'])
      useScanRouter.getState().scan(raw, 0);
    expect(seen.map((event) => event.result)).toEqual([
      { kind: 'bin', code: 'A-01' },
      { kind: 'bin', code: 'A-01' },
      { kind: 'bin', code: 'NL1-B-02' },
      { kind: 'bin', code: 'A-01' },
    ]);
  });

  it('leaves codes that are no bin of this warehouse, and product codes, as they were', () => {
    const seen: ScanEvent[] = [];
    useScanRouter.getState().listen('screen', 'screen', (event) => seen.push(event) > 0);
    for (const raw of ['A-02', '6291041500213']) useScanRouter.getState().scan(raw, 0);
    expect(seen.map((event) => event.result.kind)).toEqual(['unknown', 'gtin']);
  });
});
