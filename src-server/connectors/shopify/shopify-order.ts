// Maps Shopify's `orders/create` webhook body (the REST Admin API Order resource) onto the
// canonical order. Only the fields the OMS uses are read; the rest of the payload is ignored.
import { z } from 'zod';
import type { CanonicalOrder, PostalAddressInput } from '../../../shared/orders/order-schema';
import { decimalToMinor } from '../money';
import { platformPayloadError, requireMinor } from '../mapping-error';

const money = z.union([z.string(), z.number()]);
const text = z.string().nullish();

const shopifyAddressSchema = z.object({
  first_name: text,
  last_name: text,
  name: text,
  company: text,
  address1: z.string().min(1),
  address2: text,
  city: z.string().min(1),
  zip: z.string().min(1),
  province_code: text,
  country_code: z.string().min(2),
  phone: text,
  latitude: z.number().nullish(),
  longitude: z.number().nullish(),
});

export const shopifyOrderSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  created_at: z.string(),
  currency: z.string(),
  po_number: text,
  customer_locale: text,
  company: z.object({ id: z.number() }).nullish(),
  customer: z.object({ first_name: text, last_name: text, email: text }).nullish(),
  line_items: z
    .array(
      z.object({
        sku: z.string().min(1, 'has no SKU'),
        quantity: z.number(),
        price: money,
        title: z.string(),
      }),
    )
    .min(1),
  shipping_lines: z.array(z.object({ price: money })).default([]),
  shipping_address: shopifyAddressSchema,
  billing_address: shopifyAddressSchema.nullish(),
});
export type ShopifyOrder = z.infer<typeof shopifyOrderSchema>;

const opt = (value: string | null | undefined) =>
  value === null || value === undefined || value === '' ? undefined : value;

function toAddress(
  address: z.infer<typeof shopifyAddressSchema>,
  email: string | undefined,
): PostalAddressInput {
  const personName =
    opt(address.name) ?? [address.first_name, address.last_name].filter(Boolean).join(' ');
  return {
    name: personName || opt(address.company) || 'Unknown',
    company: opt(address.company),
    line1: address.address1,
    line2: opt(address.address2),
    postalCode: address.zip,
    city: address.city,
    region: opt(address.province_code),
    country: address.country_code.toUpperCase(),
    phone: opt(address.phone),
    email,
    latitude: address.latitude ?? undefined,
    longitude: address.longitude ?? undefined,
  };
}

/** The canonical order, before canonical validation (the caller validates the result). */
export function mapShopifyOrder(payload: unknown): CanonicalOrder {
  const parsed = shopifyOrderSchema.safeParse(payload);
  if (!parsed.success) throw platformPayloadError('Shopify', parsed.error);
  const order = parsed.data;
  const email = opt(order.email) ?? opt(order.contact_email) ?? opt(order.customer?.email);
  const shipTo = toAddress(order.shipping_address, email);
  const buyerName =
    [order.customer?.first_name, order.customer?.last_name].filter(Boolean).join(' ') ||
    shipTo.name;
  const locale = order.customer_locale?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
  const companyName = shipTo.company ?? opt(order.billing_address?.company);
  const isB2b =
    (order.company !== null && order.company !== undefined) || opt(order.po_number) !== undefined;
  const customer: CanonicalOrder['customer'] =
    isB2b && companyName
      ? { type: 'company', companyName, buyer: { name: buyerName, email: email ?? '' }, locale }
      : { type: 'person', name: buyerName, email: email ?? '', locale };
  const shippingChargedMinor = order.shipping_lines.reduce(
    (sum, line, i) =>
      sum + requireMinor('Shopify', line.price, `shipping_lines[${i}].price`, decimalToMinor),
    0,
  );
  return {
    channelOrderRef: order.name,
    placedAt: order.created_at,
    currency: order.currency.toUpperCase() as CanonicalOrder['currency'],
    poNumber: opt(order.po_number),
    customer,
    shipTo,
    billTo: order.billing_address ? toAddress(order.billing_address, email) : undefined,
    lines: order.line_items.map((item, i) => ({
      sku: item.sku,
      quantity: item.quantity,
      unitPriceMinor: requireMinor('Shopify', item.price, `line_items[${i}].price`, decimalToMinor),
      name: item.title,
    })),
    shippingChargedMinor,
  };
}
