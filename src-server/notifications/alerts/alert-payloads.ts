// Payloads of the internal alert events (written by the alert checker, read by the team email
// and by webhook receivers). One zod schema per event gives the type and checks what is read.
import { z } from 'zod';

const itemSchema = z.object({ sku: z.string(), name: z.string(), quantity: z.number().int() });

export const stockLowSchema = z.object({
  warehouseCode: z.string(),
  sku: z.string(),
  productName: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  /** on hand − reserved */
  available: z.number().int(),
  reorderPoint: z.number().int(),
  /** Brings available back to reorder point + reorder quantity. */
  suggestedReorderQuantity: z.number().int(),
  supplierName: z.string().nullable(),
  supplierEmail: z.string().nullable(),
});

export const productNotSellingSchema = z.object({
  sku: z.string(),
  productName: z.string(),
  onHand: z.number().int(),
  /** ISO time of the last sale, or null when it never sold. */
  lastSoldAt: z.string().nullable(),
  days: z.number().int(),
});

export const shipmentLateSchema = z.object({
  orderId: z.string(),
  orderReference: z.string(),
  fulfillmentId: z.string(),
  warehouseCode: z.string(),
  status: z.string(),
  promisedDeliveryDate: z.string(),
  lines: z.array(itemSchema),
});

/** A shipped parcel the carrier has not delivered by its promised date plus the grace days. */
export const shipmentUndeliveredSchema = z.object({
  orderId: z.string(),
  orderReference: z.string(),
  fulfillmentId: z.string(),
  shipmentId: z.string(),
  warehouseCode: z.string(),
  carrier: z.string(),
  promisedDeliveryDate: z.string(),
  graceDays: z.number().int(),
  /** The carrier's last state (src-server/tracking), null when it said nothing yet. */
  trackingState: z.string().nullable(),
  trackingNumbers: z.array(z.string()),
});

export const returnRateDigestSchema = z.object({
  /** ISO week the digest was made in, e.g. 2025-W07. */
  week: z.string(),
  from: z.string(),
  to: z.string(),
  windowDays: z.number().int(),
  /** Units received back in the window (all products); 0 while no returns are recorded. */
  unitsReturned: z.number().int(),
  products: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      unitsSold: z.number().int(),
      unitsReturned: z.number().int(),
      returnRate: z.number(),
    }),
  ),
});

/** A subscription renewal not placed for want of stock (written by the renewal scheduler). */
export const subscriptionStockShortSchema = z.object({
  reference: z.string(),
  cycleNo: z.number().int(),
  renewalDate: z.string(),
  promisedDate: z.string(),
  warehouseCode: z.string().nullable(),
  shortage: z.object({
    reason: z.enum(['stock', 'unavailable']),
    lines: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
    message: z.string().optional(),
  }),
});

export type StockLow = z.infer<typeof stockLowSchema>;
export type ProductNotSelling = z.infer<typeof productNotSellingSchema>;
export type ShipmentLate = z.infer<typeof shipmentLateSchema>;
export type ShipmentUndelivered = z.infer<typeof shipmentUndeliveredSchema>;
export type ReturnRateDigest = z.infer<typeof returnRateDigestSchema>;
