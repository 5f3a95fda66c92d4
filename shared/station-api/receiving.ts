// Receiving against a supplier purchase order at the dock: open the PO (from the central OMS, or
// from this station's copy while offline), and receive scanned items into bins. Main keeps every
// scan in its outgoing queue until the central OMS has taken it; the scan's id makes a resend
// change nothing there, so each scan counts exactly once.
import { z } from 'zod';
import { method } from './define';

const code = z.string().trim().min(1).max(64);

/** A PO number as scanned or typed: trimmed, upper case (PO-000123). */
export const PoNumber = code.transform((value) => value.toUpperCase());

/** What the station sees of a purchase order: no costs, only what is expected and received. */
export const ReceivingOrder = z.object({
  number: z.string().max(64),
  supplierCode: z.string().max(64),
  warehouseCode: z.string().max(64),
  status: z.enum(['draft', 'approved', 'sent', 'receiving', 'received', 'cancelled']),
  expectedDate: z.string().max(10).nullable(),
  lines: z.array(
    z.object({
      sku: z.string().max(64),
      quantity: z.number().int().min(0),
      receivedQuantity: z.number().int().min(0),
    }),
  ),
});
export type ReceivingOrder = z.infer<typeof ReceivingOrder>;

export const ReceivingScan = z.object({
  /** Made once per physical scan by the station; the central OMS applies each id once. */
  scanId: z.uuid(),
  poNumber: PoNumber,
  /** The SKU the station resolved the scanned GTIN to (the central OMS accepts GTIN or SKU). */
  sku: code,
  quantity: z.number().int().min(1).max(100_000),
  binCode: code,
  lot: z.string().trim().min(1).max(20).optional(),
  /** GS1 AI (17), YYYY-MM-DD. */
  expiry: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type ReceivingScan = z.infer<typeof ReceivingScan>;

export const QueuedReceivingScan = ReceivingScan.extend({ queuedAt: z.string().max(40) });
export type QueuedReceivingScan = z.infer<typeof QueuedReceivingScan>;

/** A queued scan the central OMS refused when it was sent (an unknown bin, a closed PO). */
export const RefusedReceivingScan = QueuedReceivingScan.extend({
  error: z.object({ code: z.string().max(64), message: z.string().max(500) }),
});
export type RefusedReceivingScan = z.infer<typeof RefusedReceivingScan>;

export const ReceivingQueue = z.object({
  queued: z.array(QueuedReceivingScan),
  refused: z.array(RefusedReceivingScan),
});
export type ReceivingQueue = z.infer<typeof ReceivingQueue>;

export const ReceivingMatch = z.enum(['expected', 'over', 'unexpected']);

export const ReceivingScanOutcome = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('received'),
    sku: z.string(),
    quantity: z.number().int(),
    match: ReceivingMatch,
    replayed: z.boolean(),
  }),
  /** Saved on this station; sent when the central OMS is reachable again. */
  z.object({ outcome: z.literal('queued') }),
]);
export type ReceivingScanOutcome = z.infer<typeof ReceivingScanOutcome>;

export const OpenedReceivingOrder = z.object({
  purchaseOrder: ReceivingOrder,
  /** True when the central OMS was unreachable and this is the copy kept when it was last opened. */
  cached: z.boolean(),
  fetchedAt: z.string().max(40),
});
export type OpenedReceivingOrder = z.infer<typeof OpenedReceivingOrder>;

export const receivingMethods = {
  receivingOpen: method(z.object({ poNumber: PoNumber }), OpenedReceivingOrder),
  receivingScan: method(ReceivingScan, ReceivingScanOutcome),
  receivingQueue: method(z.object({}).strict(), ReceivingQueue),
};

export const receivingEvents = {
  /** The outgoing queue changed: a scan was saved, sent or refused. */
  receivingQueue: ReceivingQueue,
};
