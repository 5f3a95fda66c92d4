// Work that will not ship from this station leaves goods on the bench: an order cancelled
// centrally while it was picked or packed, or work given back to the queue (a timeout, a lead,
// the packer signing out). A put-back task lists what was picked, where it is now (a tote, a
// carton) and the bin it goes back to, and the cartons whose labels and SSCCs were voided.
// Plain functions over the station's documents.
import type { Reason } from '../../shared/reasons/reason';
import type {
  FulfillmentDoc,
  ShipmentDoc,
  WorkDoc,
  WorkRelease,
} from '../../shared/sync/documents';

export type PutBackCause = 'cancelled' | 'released';

export interface PutBackItem {
  lineId: string;
  sku: string;
  name: string;
  quantity: number;
  /** Where the units are now: the order's tote (batch picking), else on the bench. */
  tote: string | null;
  /** Cartons (1-based, in the shipment) holding some of the units, if they were packed. */
  cartons: number[];
  /** The bin they go back to. */
  bin: string | null;
}

export interface PutBackCarton {
  sscc: string;
  /** Its label was printed: the packer removes and destroys it. */
  labelPrinted: boolean;
}

/** Why the central OMS refused a shipment of this work: its code, and the English sentence. */
export interface PutBackRefusal {
  reason: Reason | null;
  sentence: string | null;
}

export interface PutBackTask {
  fulfillmentId: string;
  orderNumber: string;
  cause: PutBackCause;
  /** Who gave the work back and why (released work only). */
  release: WorkRelease | null;
  items: PutBackItem[];
  cartons: PutBackCarton[];
  /** The central OMS's refusals of shipments confirmed before the station learnt of the cancel. */
  refusals: PutBackRefusal[];
}

/** Why this station's work will not ship, or null while it may go on. */
export function putBackCause(
  work: Pick<WorkDoc, 'release' | 'putBackAt'>,
  fulfillment: Pick<FulfillmentDoc, 'cancelRequested' | 'status'>,
): PutBackCause | null {
  if (work.putBackAt) return null;
  if (fulfillment.cancelRequested || fulfillment.status === 'cancelled') return 'cancelled';
  return work.release ? 'released' : null;
}

/**
 * The put-back task of a work document, or null when nothing is to be put back: the work may go
 * on, was put back already, or (given back) nothing was picked and no carton opened.
 */
export function putBackTask(
  work: WorkDoc,
  fulfillment: FulfillmentDoc,
  shipments: readonly ShipmentDoc[],
): PutBackTask | null {
  const cause = putBackCause(work, fulfillment);
  if (!cause) return null;
  const mine = shipments.filter(
    (s) =>
      s.stationId === work.stationId &&
      s.fulfillmentId === work.fulfillmentId &&
      s.status !== 'accepted',
  );
  const items = fulfillment.lines.flatMap((line) => {
    const quantity = work.picked[line.lineId] ?? 0;
    if (quantity === 0) return [];
    const cartons = [
      ...new Set(
        mine.flatMap((s) =>
          s.cartons.flatMap((c, index) =>
            c.items.some((i) => i.lineId === line.lineId && i.quantity > 0) ? [index + 1] : [],
          ),
        ),
      ),
    ];
    return [
      {
        lineId: line.lineId,
        sku: line.sku,
        name: line.name,
        quantity,
        tote: work.batch?.tote ?? null,
        cartons,
        bin: line.bin,
      },
    ];
  });
  const cartons = mine.flatMap((s) =>
    s.cartons.map((c) => ({
      sscc: c.sscc,
      // Labels print at confirmation: a confirmed shipment's cartons carry theirs.
      labelPrinted: c.labelState === 'printed' || s.confirmedAt !== null,
    })),
  );
  if (cause === 'released' && items.length === 0 && cartons.length === 0) return null;
  return {
    fulfillmentId: fulfillment.id,
    orderNumber: fulfillment.orderNumber,
    cause,
    release: work.release ?? null,
    items,
    cartons,
    refusals: mine
      .filter((s) => s.status === 'refused')
      .map((s) => ({ reason: s.refusal ?? null, sentence: s.refusalReason })),
  };
}

/** The packer confirmed the goods are back in their bins. */
export function putBack(work: WorkDoc, at: string): WorkDoc {
  return { ...work, putBackAt: at };
}

/** Work given back (by this station's packer signing out, say) that may be taken again later. */
export function releaseWork(work: WorkDoc, release: WorkRelease): WorkDoc {
  return { ...work, release };
}

/** The packer takes the order again: this station holds it again, keeping what was picked. */
export function takeBack(work: WorkDoc): WorkDoc {
  return { ...work, release: null };
}

/**
 * Whether this station's work on an order stands in the way of starting it afresh here (a new
 * batch): everything but work given back that is settled (put back, or nothing was picked).
 */
export function startedHere(work: WorkDoc): boolean {
  if (!work.release) return true;
  const picked = Object.values(work.picked).some((quantity) => quantity > 0);
  return picked && !work.putBackAt;
}

/** Work this station holds now: not done, not given back, not put back. */
export function isHeldWork(work: WorkDoc): boolean {
  return work.stage !== 'done' && !work.release && !work.putBackAt;
}
