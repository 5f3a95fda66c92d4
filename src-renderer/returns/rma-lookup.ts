// Finding the return a parcel belongs to, offline, from what is on or in the parcel: the RMA
// barcode (RMA:<code>), the order number, or an outbound tracking number or SSCC.
import type { ScanResult } from '../../shared/barcodes';
import { awaitsGoods } from '../../shared/returns/rma-state';
import type { RmaDoc } from '../../shared/sync/documents';
import type { FeedbackMessage } from '../picking/pick-feedback';

export type ReturnQuery =
  { by: 'rma'; code: string } | { by: 'sscc'; sscc: string } | { by: 'text'; text: string };

/** What a scan on the find step asks for; null when it cannot name a return (an item, a bin, a command). */
export function queryFromScan(result: ScanResult, raw: string): ReturnQuery | null {
  if (result.kind === 'rma') return { by: 'rma', code: result.code };
  if (result.kind === 'sscc') return { by: 'sscc', sscc: result.sscc };
  if (result.kind === 'gs1' && result.sscc && !result.gtin)
    return { by: 'sscc', sscc: result.sscc };
  // Order numbers and carrier tracking numbers have no shape of their own.
  if (result.kind === 'unknown' || result.kind === 'fulfillment') return queryFromText(raw);
  return null;
}

export function queryFromText(typed: string): ReturnQuery | null {
  const text = typed.trim();
  if (!text) return null;
  const rma = /^RMA:(.+)$/i.exec(text);
  if (rma) return { by: 'rma', code: rma[1]!.trim().toUpperCase() };
  if (/^\d{18}$/.test(text)) return { by: 'sscc', sscc: text };
  return { by: 'text', text };
}

const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

export function rmaMatches(rma: RmaDoc, query: ReturnQuery): boolean {
  switch (query.by) {
    case 'rma':
      return same(rma.code, query.code);
    case 'sscc':
      return rma.ssccs.includes(query.sscc);
    case 'text':
      return (
        same(rma.code, query.text) ||
        same(rma.orderNumber, query.text) ||
        rma.trackingNumbers.some((t) => same(t, query.text))
      );
  }
}

export type ReturnLookup = { ok: true; rma: RmaDoc } | { ok: false; message: FeedbackMessage };

/** Still awaits goods, and its expiry has not passed (the central OMS may not have swept it yet). */
const takesParcels = (rma: RmaDoc, now: Date) =>
  awaitsGoods(rma.status) && Date.parse(rma.expiresAt) > now.getTime();

/**
 * Picks the return among the matching RMAs: one that still takes parcels, the newest first (an
 * order may have had an earlier return). A match that takes no parcel (ended, expired), or belongs
 * to another warehouse, is refused with the reason.
 */
export function chooseReturn(
  candidates: readonly RmaDoc[],
  query: ReturnQuery,
  warehouseCode: string,
  now: Date = new Date(),
): ReturnLookup {
  const matching = candidates
    .filter((r) => rmaMatches(r, query))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const what = query.by === 'rma' ? query.code : query.by === 'sscc' ? query.sscc : query.text;
  if (matching.length === 0)
    return {
      ok: false,
      message: { tone: 'error', key: 'returns.notFound', values: { code: what } },
    };
  const here = matching.filter((r) => r.warehouseCode === warehouseCode);
  if (here.length === 0) {
    const other = matching[0]!;
    return {
      ok: false,
      message: {
        tone: 'error',
        key: 'returns.otherWarehouse',
        values: { code: other.code, warehouse: other.warehouseCode },
      },
    };
  }
  const open = here.find((r) => takesParcels(r, now));
  if (open) return { ok: true, rma: open };
  const newest = here[0]!;
  if (newest.status === 'expired' || awaitsGoods(newest.status))
    return {
      ok: false,
      message: {
        tone: 'error',
        key: 'returns.expired',
        values: { code: newest.code, date: newest.expiresAt.slice(0, 10) },
      },
    };
  return {
    ok: false,
    message: {
      tone: 'error',
      key: 'returns.notAwaiting',
      values: { code: here[0]!.code, status: here[0]!.status },
    },
  };
}
