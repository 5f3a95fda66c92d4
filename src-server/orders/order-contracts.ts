// Response shapes of the order API. One zod schema per shape gives the TypeScript type, the
// response serializer and the OpenAPI document.
import { orderEmailViewSchema } from './order-emails';
import { z } from 'zod';
import { orderVatViewSchema } from '../tax/order-vat-view';
import { orderStatusSchema } from '../../shared/orders/order-state';
import { fulfillmentStatusSchema } from '../../shared/orders/fulfillment-state';

export const allocatedLineSchema = z.object({
  lineId: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
});

export const fulfillmentSummarySchema = z.object({
  id: z.string(),
  warehouseCode: z.string(),
  status: fulfillmentStatusSchema,
  cancelRequested: z.boolean(),
  distanceKm: z.number(),
  carrier: z.string().nullable(),
  service: z.string().nullable(),
  shippingCostMinor: z.number().int(),
  shippingCurrency: z.string(),
  transitDays: z.number().int().nullable(),
  shipBy: z
    .string()
    .nullable()
    .describe(
      "The day it is due to leave: its warehouse's cut-off at release (null on older orders)",
    ),
  lines: z.array(allocatedLineSchema),
});
export type FulfillmentSummary = z.infer<typeof fulfillmentSummarySchema>;

const taxRatePercent = z
  .number()
  .nullable()
  .describe('Tax rate in percent (21 for 21 %); null when the channel sent no rate.');

/** Net is after discount without tax; gross after discount with tax. Whole line, every unit. */
const partMoney = {
  discountMinor: z.number().int(),
  netMinor: z.number().int(),
  taxMinor: z.number().int(),
  taxRatePercent,
  grossMinor: z.number().int(),
};

export const shippingMoneySchema = z.object({
  /** Before discount, in the order's price basis. */
  chargedMinor: z.number().int(),
  ...partMoney,
});

export const taxRateTotalSchema = z.object({
  ratePercent: taxRatePercent,
  netMinor: z.number().int(),
  taxMinor: z.number().int(),
});

export const orderPlacedSchema = z.object({
  orderId: z.string(),
  channel: z.string(),
  channelOrderRef: z.string(),
  status: orderStatusSchema,
  currency: z.string(),
  /** Whether the channel's prices (lines, discounts, shipping) include tax. */
  pricesIncludeTax: z.boolean(),
  /** The lines before discount, in the channel's price basis. */
  subtotalMinor: z.number().int(),
  /** Line and shipping discounts. */
  discountMinor: z.number().int(),
  /** Shipping before discount. */
  shippingChargedMinor: z.number().int(),
  shipping: shippingMoneySchema,
  taxMinor: z.number().int(),
  netMinor: z.number().int(),
  /** The grand total: what the customer pays, tax included. */
  totalMinor: z.number().int(),
  taxBreakdown: z.array(taxRateTotalSchema),
  /** What shipping costs the retailer, summed over the fulfillments. */
  shippingCostMinor: z.number().int(),
  fulfillments: z.array(fulfillmentSummarySchema),
  backordered: z.array(allocatedLineSchema),
});
export type OrderPlaced = z.infer<typeof orderPlacedSchema>;

/**
 * A placement answer stored for an Idempotency-Key replay. Answers stored before orders carried
 * tax lack the money fields; those orders had no tax or discounts, so the defaults are the truth.
 */
export function storedPlacedAnswer(stored: unknown): OrderPlaced {
  const body = stored as OrderPlaced;
  if (body.shipping !== undefined) return body;
  return {
    ...body,
    pricesIncludeTax: false,
    discountMinor: 0,
    shipping: {
      chargedMinor: body.shippingChargedMinor,
      discountMinor: 0,
      netMinor: body.shippingChargedMinor,
      taxMinor: 0,
      taxRatePercent: null,
      grossMinor: body.shippingChargedMinor,
    },
    taxMinor: 0,
    netMinor: body.totalMinor,
    taxBreakdown: [],
  };
}

const addressSchema = z.object({
  name: z.string(),
  company: z.string().optional(),
  line1: z.string(),
  line2: z.string().optional(),
  postalCode: z.string(),
  city: z.string(),
  region: z.string().optional(),
  country: z.string(),
  phone: z.string().optional(),
  email: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
});

export const orderLineViewSchema = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  /** Before discount: unitPriceMinor × quantity, or the channel's own row total. */
  lineTotalMinor: z.number().int(),
  ...partMoney,
  backorderedQuantity: z.number().int(),
  /** Units cancelled before packing; `quantity` and the money are what is still ordered. */
  cancelledQuantity: z.number().int(),
  cancelledGrossMinor: z.number().int(),
});

export const orderEventViewSchema = z.object({
  type: z.string(),
  actor: z.string(),
  detail: z.record(z.string(), z.unknown()),
  at: z.string(),
});

export const orderViewSchema = orderPlacedSchema
  .omit({ fulfillments: true, backordered: true })
  .extend({
    poNumber: z.string().nullable(),
    customerId: z.string().nullable(),
    email: z.string().nullable(),
    shipTo: addressSchema,
    /** Which point sourcing measured the distance from; null on orders placed before it was kept. */
    shipToLocationSource: z.enum(['order', 'postal-code', 'city', 'region', 'country']).nullable(),
    billTo: addressSchema.nullable(),
    promisedDeliveryDate: z.string().nullable(),
    placedAt: z.string(),
    lines: z.array(orderLineViewSchema),
    fulfillments: z.array(fulfillmentSummarySchema),
    events: z.array(orderEventViewSchema),
    /** Customer e-mails sent for the order, oldest first. */
    emails: z.array(orderEmailViewSchema),
    vat: orderVatViewSchema,
  });
export type OrderView = z.infer<typeof orderViewSchema>;

export const orderListItemSchema = z.object({
  orderId: z.string(),
  channel: z.string(),
  channelOrderRef: z.string(),
  status: orderStatusSchema,
  currency: z.string(),
  totalMinor: z.number().int(),
  poNumber: z.string().nullable(),
  email: z.string().nullable(),
  /** The ship-to name. */
  customerName: z.string().nullable(),
  /** Warehouses with a fulfillment of the order. */
  warehouses: z.array(z.string()),
  placedAt: z.string(),
  createdAt: z.string(),
});

export const orderPageSchema = z.object({
  orders: z.array(orderListItemSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type OrderPage = z.infer<typeof orderPageSchema>;
