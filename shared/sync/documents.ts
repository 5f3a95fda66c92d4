// The documents a station replicates, one zod schema each. The same schema validates what crosses
// the network (central OMS ⇄ station main) and generates the RxDB collection schema in the renderer.
// `updatedAt` is assigned by the central OMS (a monotonic sequence), never by a station clock.
import { z } from 'zod';
import { VAT_MENTIONS } from '../tax/legal-mentions';
import { localeSchema } from '../people/roles';
import { Reason } from '../reasons/reason';
import { refundMethodSchema, returnReasonSchema, rmaStatusSchema } from '../returns/rma-state';
import { acceptedDate, acceptedDateTime } from '../validation/timestamps';

const id = z.string().min(1).max(80);
const sku = z.string().min(1).max(64);
const iso = z.string().max(40);
const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).multipleOf(1);
const qty = z.number().int().min(0).max(1_000_000);

/**
 * A string field that must also pass `check`. Refinements stay out of the generated RxDB schema,
 * so tightening what the central OMS accepts from stations does not change a collection's shape.
 */
function checked(field: z.ZodString, check: z.ZodType<string>) {
  return field.superRefine((value, ctx) => {
    const result = check.safeParse(value);
    if (!result.success)
      for (const issue of result.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message });
  });
}
/** When a station did something: ISO 8601 with a time zone, in the accepted range. */
const stationTime = checked(iso, acceptedDateTime());
/** The heaviest carton a station may report (10 t): stored as a 32-bit integer. */
const MAX_CARTON_GRAMS = 10_000_000;

export const Address = z.object({
  name: z.string().max(200),
  company: z.string().max(200).nullable(),
  line1: z.string().max(200),
  line2: z.string().max(200).nullable(),
  postalCode: z.string().max(20),
  city: z.string().max(100),
  region: z.string().max(100).nullable(),
  country: z.string().length(2),
  phone: z.string().max(40).nullable(),
  email: z.string().max(200).nullable(),
});
export type Address = z.infer<typeof Address>;

/**
 * The money of the whole order a fulfillment belongs to, for its packing slip: in minor units of
 * the order's `currency`, with the tax per rate. Absent on documents published before orders
 * carried tax.
 */
export const FulfillmentOrderMoney = z.object({
  currency: z.string().length(3),
  /** Whether the amounts (lines, discount, shipping) include tax. */
  pricesIncludeTax: z.boolean(),
  subtotalCents: z.number().int(),
  discountCents: z.number().int(),
  shippingCents: z.number().int(),
  taxCents: z.number().int(),
  totalCents: z.number().int(),
  taxes: z.array(
    z.object({
      ratePercent: z.number().min(0).max(100).nullable(),
      netCents: z.number().int(),
      taxCents: z.number().int(),
    }),
  ),
  /** Why no VAT is charged (reverse charge, export): the slip prints the legal mention. */
  vatMention: z.enum(VAT_MENTIONS).nullable().optional(),
});
export type FulfillmentOrderMoney = z.infer<typeof FulfillmentOrderMoney>;

/** A fulfillment order as a station sees it. Owned by the central OMS: stations never write it. */
export const FulfillmentDoc = z.object({
  id,
  orderId: id,
  orderNumber: z.string().max(64),
  warehouseCode: z.string().max(32),
  status: z.enum(['released', 'picking', 'packed', 'shipped', 'cancelled', 'on_hold']),
  cancelRequested: z.boolean(),
  onHold: z.boolean(),
  priority: z.number().int().min(0).max(9).multipleOf(1),
  promisedDate: z.string().max(10).nullable(),
  channel: z.string().max(64),
  poNumber: z.string().max(64).nullable(),
  customerLocale: z.string().max(10),
  /** The warehouse's own address, printed as ship-from on labels. */
  shipFrom: Address,
  shipTo: Address,
  carrier: z.string().max(64),
  service: z.string().max(64),
  shippingCostCents: z.number().int(),
  currency: z.string().length(3),
  lines: z.array(
    z.object({
      lineId: id,
      sku,
      name: z.string().max(300),
      quantity: qty,
      bin: z.string().max(64).nullable(),
      walkSequence: z.number().int(),
      unitWeightGrams: z.number().int().min(0),
      /** The order line's unit price in minor units of `currency` (customs value on a CN22). */
      unitPriceCents: z.number().int().min(0),
      /** This line's share of its order line after discount, as the order is priced (with tax when prices include it). */
      amountCents: z.number().int().min(0).optional(),
      taxRatePercent: z.number().min(0).max(100).nullable().optional(),
    }),
  ),
  orderMoney: FulfillmentOrderMoney.optional(),
  releasedAt: iso,
  updatedAt: seq,
});
export type FulfillmentDoc = z.infer<typeof FulfillmentDoc>;

export const ProductDoc = z.object({
  id: sku, // the SKU
  name: z.string().max(300),
  gtins: z.array(z.string().regex(/^\d{14}$/)),
  /** Bin codes the SKU is stocked in at this warehouse, the fullest first (the first is its home bin). */
  bins: z.array(z.string().max(64)).max(200),
  weightGrams: z.number().int().min(0),
  lengthMm: z.number().int().min(0),
  widthMm: z.number().int().min(0),
  heightMm: z.number().int().min(0),
  hsCode: z.string().max(12).nullable(),
  originCountry: z.string().max(2).nullable(),
  requiresLot: z.boolean(),
  requiresSerial: z.boolean(),
  requiresExpiry: z.boolean(),
  updatedAt: seq,
});
export type ProductDoc = z.infer<typeof ProductDoc>;

export const BinDoc = z.object({
  id, // `${warehouseCode}:${code}`
  code: z.string().max(64),
  walkSequence: z.number().int().min(0).max(10_000_000).multipleOf(1),
  updatedAt: seq,
});
export type BinDoc = z.infer<typeof BinDoc>;

/** A packer who may sign in at this warehouse's stations; the PIN is checked offline against the hash. */
export const OperatorDoc = z.object({
  id,
  badge: z.string().max(64),
  name: z.string().max(200),
  /** PBKDF2-SHA256, hex; see shared/operators/pin-hash.ts. */
  pinHash: z.string().max(128),
  pinSalt: z.string().max(64),
  locale: localeSchema,
  active: z.boolean(),
  updatedAt: seq,
});
export type OperatorDoc = z.infer<typeof OperatorDoc>;

export const ShortPick = z.object({
  lineId: id,
  sku,
  quantity: qty,
  reason: z.enum(['not_found', 'damaged', 'wrong_item_in_bin', 'other']),
  note: z.string().max(500).nullable(),
  operatorId: id,
  at: stationTime,
});

/**
 * Pick/pack progress of one fulfillment at one station. Owned by that station; the id names both
 * (see workDocId), so two stations working on one fulfillment never overwrite each other.
 */
export function workDocId(fulfillmentId: string, stationId: string): string {
  return `${fulfillmentId}:${stationId}`;
}

/**
 * A fulfillment picked together with others in one walk: which batch, its place in the batch (the
 * order totes are handed out in) and the tote its items go into (null until one is scanned).
 */
export const BatchPick = z.object({
  id,
  position: z.number().int().min(0).max(99).multipleOf(1),
  tote: z.string().max(40).nullable(),
});
export type BatchPick = z.infer<typeof BatchPick>;

/**
 * Work given back to the queue before it was done: by the central OMS after a time without
 * progress (`timeout`) or by a lead (`lead`), or by the station itself when its packer signed out
 * (`station`). Released work no longer holds its order; what was picked is put back.
 */
export const WorkRelease = z.object({
  by: z.enum(['timeout', 'lead', 'station']),
  at: iso,
  note: z.string().max(500).nullable(),
});
export type WorkRelease = z.infer<typeof WorkRelease>;

export const WorkDoc = z.object({
  id,
  fulfillmentId: id,
  stationId: id,
  operatorId: id.nullable(),
  stage: z.enum(['picking', 'packing', 'done']),
  picked: z.record(z.string(), qty),
  shorts: z.array(ShortPick),
  /** Absent or null for an order picked on its own. */
  batch: BatchPick.nullable().optional(),
  /** Absent or null while the station holds the work (schema version 1). */
  release: WorkRelease.nullable().optional(),
  /** When the packer confirmed that what was picked is back in its bins (cancelled or released work). */
  putBackAt: iso.nullable().optional(),
  updatedAt: seq,
});
export type WorkDoc = z.infer<typeof WorkDoc>;

export const CartonItem = z.object({
  lineId: id,
  sku,
  quantity: qty,
  lot: z.string().max(20).nullable(),
  serial: z.string().max(20).nullable(),
  expiry: checked(z.string().max(10), acceptedDate()).nullable(),
});

export const Carton = z.object({
  id,
  sscc: z.string().regex(/^\d{18}$/),
  boxType: z.string().max(32),
  weightGrams: z
    .number()
    .int()
    .min(0)
    .refine((grams) => grams <= MAX_CARTON_GRAMS, `must be at most ${MAX_CARTON_GRAMS} g`)
    .nullable(),
  items: z.array(CartonItem),
  trackingNumber: z.string().max(64).nullable(),
  labelState: z.enum(['pending', 'printed', 'voided']),
});
export type Carton = z.infer<typeof Carton>;

/**
 * A shipment (one or more cartons) created at a station. The station owns the cartons and asks
 * for confirmation with status `confirmed`; the central OMS answers by setting `accepted` or
 * `refused` with a reason (a cancelled fulfillment; another station's shipment came first).
 */
export const ShipmentDoc = z.object({
  id,
  fulfillmentId: id,
  stationId: id,
  operatorId: id,
  carrier: z.string().max(64),
  service: z.string().max(64),
  cartons: z.array(Carton),
  status: z.enum(['open', 'confirmed', 'accepted', 'refused', 'voided']),
  /** The refusal in English, for logs and API clients; `refusal` says it as a code. */
  refusalReason: z.string().max(500).nullable(),
  /** The refusal's code and parameters (absent on documents from before schema version 1). */
  refusal: Reason.nullable().optional(),
  confirmedAt: stationTime.nullable(),
  updatedAt: seq,
});
export type ShipmentDoc = z.infer<typeof ShipmentDoc>;

/**
 * An RMA as the returns desk sees it, so a parcel can be matched offline by scanning the RMA
 * barcode (`RMA:<code>`), the order number, or an outbound tracking number or SSCC. Owned by the
 * central OMS; published to the stations of the warehouse the goods were shipped from.
 */
export const RmaDoc = z.object({
  id,
  /** Printed on the return label as `RMA:<code>`, e.g. R-2025-00017. */
  code: z.string().min(1).max(40),
  orderId: id,
  orderNumber: z.string().max(64),
  warehouseCode: z.string().max(32),
  status: rmaStatusSchema,
  reason: returnReasonSchema,
  reasonText: z.string().max(500).nullable(),
  refundMethod: refundMethodSchema,
  customerName: z.string().max(200),
  /** Outbound tracking numbers and SSCCs of the order's cartons from this warehouse. */
  trackingNumbers: z.array(z.string().max(64)),
  ssccs: z.array(z.string().regex(/^\d{18}$/)),
  lines: z.array(
    z.object({
      rmaLineId: id,
      orderLineId: id,
      sku,
      name: z.string().max(300),
      /** Units authorised for return. */
      quantity: qty,
      /** Units received over all parcels the central OMS accepted (those in `receiptIds`). */
      receivedQuantity: qty,
    }),
  ),
  /** The accepted receipts (parcels) counted in `receivedQuantity`, so a station never counts its own twice. */
  receiptIds: z.array(id).max(500),
  createdAt: iso,
  /** After this the RMA takes no parcel any more (it expires). */
  expiresAt: iso,
  updatedAt: seq,
});
export type RmaDoc = z.infer<typeof RmaDoc>;

export const ReturnGrade = z.enum(['A', 'B', 'C', 'D']);
export type ReturnGrade = z.infer<typeof ReturnGrade>;
export const ReturnDisposition = z.enum(['restock', 'quarantine', 'scrap', 'return_to_vendor']);
export type ReturnDisposition = z.infer<typeof ReturnDisposition>;

/** One graded unit group of a return receipt. */
export const ReturnItem = z.object({
  /** Station-made id (unique within the receipt), e.g. for the quarantine intake label. */
  id,
  sku,
  quantity: qty.min(1),
  /** A resellable, B open box, C damaged, D missing parts. */
  grade: ReturnGrade,
  note: z.string().max(500).nullable(),
  disposition: ReturnDisposition,
  /** The bin scanned for a restock; null for the other dispositions. */
  binCode: z.string().max(64).nullable(),
  /** `expected`: on the RMA; `wrong_item`: not what was authorised; `extra`: beyond the authorised quantity. */
  match: z.enum(['expected', 'wrong_item', 'extra']),
});
export type ReturnItem = z.infer<typeof ReturnItem>;

/**
 * A parcel taken in at a station. The station owns the items and submits with status `submitted`;
 * the central OMS answers `accepted` (stock moved, refund computed) or `refused` with a reason.
 * `rmaId` null is an unexpected return (no RMA), flagged for customer service. A refused receipt
 * may be corrected and submitted again; an accepted one is final.
 */
export const ReturnReceiptDoc = z.object({
  id,
  rmaId: id.nullable(),
  stationId: id,
  operatorId: id,
  items: z.array(ReturnItem).min(1).max(200),
  note: z.string().max(500).nullable(),
  status: z.enum(['open', 'submitted', 'accepted', 'refused']),
  refusalReason: z.string().max(500).nullable(),
  /** The refusal's code and parameters (absent on documents from before schema version 1). */
  refusal: Reason.nullable().optional(),
  /** Set by the central OMS on acceptance: the refund issued for this receipt (minor units), else null. */
  refundMinor: z.number().int().min(0).nullable(),
  receivedAt: stationTime,
  updatedAt: seq,
});
export type ReturnReceiptDoc = z.infer<typeof ReturnReceiptDoc>;

export const SYNC_DOCUMENTS = {
  fulfillments: FulfillmentDoc,
  products: ProductDoc,
  bins: BinDoc,
  operators: OperatorDoc,
  work: WorkDoc,
  shipments: ShipmentDoc,
  rmas: RmaDoc,
  returns: ReturnReceiptDoc,
} as const;

export type SyncCollection = keyof typeof SYNC_DOCUMENTS;
export const SYNC_COLLECTIONS = Object.keys(SYNC_DOCUMENTS) as SyncCollection[];
/** Collections the station writes and pushes; the others are pull-only. */
export const STATION_WRITABLE: readonly SyncCollection[] = ['work', 'shipments', 'returns'];

export type SyncDocOf<C extends SyncCollection> = z.infer<(typeof SYNC_DOCUMENTS)[C]>;
