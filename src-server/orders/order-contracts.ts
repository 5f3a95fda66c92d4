// Response shapes of the order API. One zod schema per shape gives the TypeScript type, the
// response serializer and the OpenAPI document.
import { z } from 'zod';
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
  lines: z.array(allocatedLineSchema),
});
export type FulfillmentSummary = z.infer<typeof fulfillmentSummarySchema>;

export const orderPlacedSchema = z.object({
  orderId: z.string(),
  channel: z.string(),
  channelOrderRef: z.string(),
  status: orderStatusSchema,
  currency: z.string(),
  subtotalMinor: z.number().int(),
  shippingChargedMinor: z.number().int(),
  totalMinor: z.number().int(),
  /** What shipping costs the retailer, summed over the fulfillments. */
  shippingCostMinor: z.number().int(),
  fulfillments: z.array(fulfillmentSummarySchema),
  backordered: z.array(allocatedLineSchema),
});
export type OrderPlaced = z.infer<typeof orderPlacedSchema>;

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
  lineTotalMinor: z.number().int(),
  backorderedQuantity: z.number().int(),
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
    billTo: addressSchema.nullable(),
    promisedDeliveryDate: z.string().nullable(),
    placedAt: z.string(),
    lines: z.array(orderLineViewSchema),
    fulfillments: z.array(fulfillmentSummarySchema),
    events: z.array(orderEventViewSchema),
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
