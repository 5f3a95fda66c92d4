// Conflict rules (docs/sync.md explains them): each field has one owner. The central OMS owns
// fulfillments, products, bins and operators outright, and the verdict on a shipment; a station
// owns its pick/pack progress and the cartons it packed.
import type { SyncCollection } from './documents';
import { SERVER_META_FIELDS } from './protocol';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = { [key: string]: unknown };

const IGNORED = new Set<string>(SERVER_META_FIELDS);

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  const ak = Object.keys(a).filter((k) => (a as Doc)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Doc)[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => jsonEqual((a as Doc)[k], (b as Doc)[k]));
}

/**
 * Two versions of a document are the same when every field but the server's stamps is equal.
 * Compares whole documents on purpose: comparing only a timestamp would silently drop local edits.
 */
export function sameDocument(a: Doc | null | undefined, b: Doc | null | undefined): boolean {
  if (!a || !b) return a === b;
  const strip = (doc: Doc) =>
    Object.fromEntries(Object.entries(doc).filter(([k]) => !IGNORED.has(k))) as Json;
  return jsonEqual(strip(a), strip(b));
}

/** Shipment and return-receipt verdicts only the central OMS decides. */
const SHIPMENT_VERDICTS = new Set(['accepted', 'refused']);

/**
 * The station's conflict resolution: given the server's real master and the station's state,
 * which version the station keeps (and pushes again if it differs from the master).
 */
export function resolveConflict<T extends Doc>(collection: SyncCollection, master: T, local: T): T {
  switch (collection) {
    case 'work':
      // Progress is the station's: keep it, on top of the server's stamps. A release by the
      // central OMS (a timeout, a lead) stands: the station keeps what it picked, no longer holding
      // the order. (A station that saw the release and takes the order again pushes on top of it,
      // without a conflict.)
      if (master.release && !local.release)
        return keptOver(master, { ...local, release: master.release });
      return keptOver(master, local);
    case 'returns':
    case 'shipments': {
      const verdict = master.status as string;
      if (SHIPMENT_VERDICTS.has(verdict)) {
        // The server's verdict (status, reason and its code, refund) stands; the station keeps
        // what it knows about its own cartons.
        const { refusal: _own, ...kept } = local;
        const refund = 'refundMinor' in master ? { refundMinor: master.refundMinor } : {};
        const code = 'refusal' in master ? { refusal: master.refusal } : {};
        return keptOver(master, {
          ...kept,
          status: verdict,
          refusalReason: master.refusalReason,
          ...code,
          ...refund,
        } as unknown as T);
      }
      return keptOver(master, local);
    }
    default:
      // fulfillments, products, bins, operators, rmas: central-owned, the master wins.
      return master;
  }
}

/** The station's version, unstamped (waiting to be sent) unless it equals the master. */
function keptOver<T extends Doc>(master: T, kept: T): T {
  return sameDocument(kept, master) ? master : { ...kept, updatedAt: 0 };
}
