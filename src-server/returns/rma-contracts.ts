// The RMA API's request and response shapes (zod: validation, serialisation and OpenAPI).
import { z } from 'zod';
import {
  MANUAL_RMA_TARGETS,
  refundMethodSchema,
  returnReasonSchema,
  rmaStatusSchema,
} from '../../shared/returns/rma-state';
import { optionalText, storableText } from '../../shared/validation/text';

export const newRmaSchema = z
  .object({
    orderId: z.uuid('must be an order id (UUID)'),
    lines: z
      .array(
        z.object({
          orderLineId: z.string().min(1).max(64),
          quantity: z.number().int().min(1).max(100_000),
        }),
      )
      .min(1)
      .max(200)
      .refine(
        (lines) => new Set(lines.map((l) => l.orderLineId)).size === lines.length,
        'names the same order line twice',
      ),
    reason: returnReasonSchema,
    reasonText: optionalText(500),
    refundMethod: refundMethodSchema.default('original_payment'),
  })
  .refine((rma) => rma.reason !== 'other' || rma.reasonText !== undefined, {
    message: 'is required when the reason is other',
    path: ['reasonText'],
  });

export const rmaStatusChangeSchema = z
  .object({
    status: z.enum(MANUAL_RMA_TARGETS),
    note: optionalText(500),
  })
  .refine((change) => change.status !== 'closed' || change.note !== undefined, {
    message: 'is required to close an RMA: say why (e.g. "customer keeps the second item")',
    path: ['note'],
  });

/** Customer service ends an RMA that still awaits goods; what arrived so far stays booked. */
export const rmaCloseSchema = z.object({
  reason: storableText(500),
});

const refundSchema = z.object({
  id: z.string(),
  /** The parcel (return receipt) this refund is for. */
  receiptId: z.string(),
  status: z.enum(['pending', 'issued', 'failed']),
  method: z.string(),
  provider: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  providerReference: z.string().nullable(),
  lastError: z.string().nullable(),
  breakdown: z.record(z.string(), z.unknown()),
  issuedAt: z.string().nullable(),
});

export const rmaViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  channel: z.string(),
  warehouseCode: z.string(),
  status: rmaStatusSchema,
  reason: returnReasonSchema,
  reasonText: z.string().nullable(),
  refundMethod: refundMethodSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string(),
  lines: z.array(
    z.object({
      id: z.string(),
      orderLineId: z.string(),
      sku: z.string(),
      name: z.string(),
      quantity: z.number().int(),
      receivedQuantity: z.number().int(),
      unitPriceMinor: z.number().int(),
    }),
  ),
  events: z.array(
    z.object({
      fromStatus: rmaStatusSchema.nullable(),
      toStatus: rmaStatusSchema,
      actor: z.string(),
      detail: z.record(z.string(), z.unknown()),
      at: z.string(),
    }),
  ),
  receipts: z.array(
    z.object({
      id: z.string(),
      stationId: z.string(),
      operatorId: z.string(),
      status: z.enum(['accepted', 'refused']),
      refusalReason: z.string().nullable(),
      needsReview: z.boolean(),
      receivedAt: z.string(),
    }),
  ),
  /** One per parcel that was worth a refund, oldest first. */
  refunds: z.array(refundSchema),
  /** Sums over all parcels: what they refunded (recorded, in minor units) and what is issued. */
  refundedMinor: z.number().int(),
  issuedMinor: z.number().int(),
  labels: z.object({ zpl: z.string(), pdf: z.string() }),
});
export type RmaView = z.infer<typeof rmaViewSchema>;
