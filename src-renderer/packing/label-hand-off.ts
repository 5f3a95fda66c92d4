// The seam between packing and label printing. Printing (src-renderer/printing/) registers how it
// queues a confirmed shipment's labels; packing calls handOffToLabelPrinting and tells the packer
// honestly whether the labels were queued.
import type { FulfillmentDoc, ShipmentDoc } from '../../shared/sync/documents';

export interface LabelPrinting {
  /** Queues a just-confirmed shipment's labels, packing slip and customs forms. */
  print(shipment: ShipmentDoc, fulfillment: FulfillmentDoc): Promise<void>;
  /** Queues the printed labels of a confirmed shipment again; answers how many. */
  reprint(shipment: ShipmentDoc, fulfillment: FulfillmentDoc): Promise<number>;
}

let printing: LabelPrinting | null = null;

/** Called once by the printing module at start-up; returns the function that unregisters it. */
export function registerLabelPrinting(handler: LabelPrinting): () => void {
  printing = handler;
  return () => {
    if (printing === handler) printing = null;
  };
}

let labelWork: Promise<unknown> = Promise.resolve();

/**
 * Numbering cartons and queueing their labels run one at a time at a station, so a retry of
 * pending labels never sees a carton between getting its number and getting its label (and
 * prints it twice).
 */
export function oneLabelRunAtATime<T>(run: () => Promise<T>): Promise<T> {
  const result = labelWork.then(run);
  labelWork = result.catch(() => undefined);
  return result;
}

export type HandOffResult =
  { queued: true } | { queued: false; reason: 'no-label-printing' | 'failed'; message?: string };

export async function handOffToLabelPrinting(
  shipment: ShipmentDoc,
  fulfillment: FulfillmentDoc,
): Promise<HandOffResult> {
  if (!printing) return { queued: false, reason: 'no-label-printing' };
  try {
    await printing.print(shipment, fulfillment);
    return { queued: true };
  } catch (err) {
    return {
      queued: false,
      reason: 'failed',
      message: err instanceof Error ? err.message : String(err),
    };
  }
}

export type ReprintResult =
  | { reprinted: number }
  | { reprinted: 0; reason: 'no-label-printing' | 'no-printer' | 'failed'; message: string };

/** A packer asked for a shipment's labels again (CMD:REPRINT or the order's Reprint button). */
export async function reprintLabels(
  shipment: ShipmentDoc,
  fulfillment: FulfillmentDoc,
): Promise<ReprintResult> {
  if (!printing) return { reprinted: 0, reason: 'no-label-printing', message: '' };
  try {
    return { reprinted: await printing.reprint(shipment, fulfillment) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Printing's own error for a station without a label printer (label-printing.ts).
    const noPrinter = err instanceof Error && err.name === 'NoLabelPrinterError';
    return { reprinted: 0, reason: noPrinter ? 'no-printer' : 'failed', message };
  }
}
