// Routes each scan to whoever is listening on top: a prompt, then its screen, then the app's
// global handler at the bottom. A handler that does not want a scan returns false and the scan
// goes one level down, so an open prompt never swallows a scan meant for the screen beneath it.
import { create } from 'zustand';
import { classifyScan, type ScanResult } from '../../shared/barcodes';
import { recogniseBareBin } from './bare-bin';
import { defaultScannerSettings, type ScannerSettings } from './scanner-settings';

export interface ScanEvent {
  /** The characters the scanner sent, prefix and suffix removed. */
  raw: string;
  result: ScanResult;
  /** When the final key (the suffix) arrived, on the performance.now() clock. */
  keyTime: number;
}

/** Returns true when it took the scan; false lets the next level down have it. */
export type ScanHandler = (scan: ScanEvent) => boolean;

/**
 * Levels, not mount order, decide who is on top: React mounts a prompt before the screen that
 * holds it, yet the prompt must hear a scan first.
 */
export const scanLevels = { global: 0, screen: 1, prompt: 2 } as const;
export type ScanLevel = keyof typeof scanLevels;

export interface ScanRoute {
  id: string;
  level: ScanLevel;
  handler: ScanHandler;
}

/** Offers the scan from the top of the stack down; answers the id of the route that took it. */
export function routeScan(routes: readonly ScanRoute[], scan: ScanEvent): string | null {
  for (let index = routes.length - 1; index >= 0; index--) {
    const route = routes[index];
    if (route?.handler(scan)) return route.id;
  }
  return null;
}

/**
 * Adds a route on top of the routes of its level (replacing an earlier one with the same id);
 * the stack stays ordered by level, later routes above earlier ones within a level.
 */
export function pushRoute(routes: readonly ScanRoute[], route: ScanRoute): ScanRoute[] {
  const others = routes.filter((r) => r.id !== route.id);
  const at = others.findIndex((r) => scanLevels[r.level] > scanLevels[route.level]);
  return at === -1 ? [...others, route] : [...others.slice(0, at), route, ...others.slice(at)];
}

interface ScanRouterState {
  routes: ScanRoute[];
  settings: ScannerSettings;
  /** This warehouse's bin codes (upper case), so a bin scanned without `B:` is read as a bin. */
  binCodes: ReadonlySet<string>;
  lastScan: ScanEvent | null;
  /** Listens on top of the stack until the returned function is called. */
  listen(id: string, level: ScanLevel, handler: ScanHandler): () => void;
  /** The one entry point for scanner input: classify once, then route. */
  scan(raw: string, keyTime: number): string | null;
  setSettings(settings: ScannerSettings): void;
  setBinCodes(binCodes: ReadonlySet<string>): void;
}

export const useScanRouter = create<ScanRouterState>((set, get) => ({
  routes: [],
  settings: defaultScannerSettings,
  binCodes: new Set(),
  lastScan: null,
  listen(id, level, handler) {
    const route = { id, level, handler };
    set((s) => ({ routes: pushRoute(s.routes, route) }));
    return () => set((s) => ({ routes: s.routes.filter((r) => r !== route) }));
  },
  scan(raw, keyTime) {
    const classified = classifyScan(raw, { fnc1Substitutes: get().settings.fnc1Substitutes });
    const result = recogniseBareBin(raw, classified, get().binCodes);
    const event = { raw, result, keyTime };
    set({ lastScan: event });
    return routeScan(get().routes, event);
  },
  setSettings: (settings) => set({ settings }),
  setBinCodes: (binCodes) => set({ binCodes }),
}));
