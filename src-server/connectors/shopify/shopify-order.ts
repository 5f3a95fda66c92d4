// Maps Shopify's `orders/create` webhook body (the REST Admin API Order resource) onto the
// canonical order. Only the fields the OMS uses are read; the rest of the payload is ignored.
// Money: `price` per unit and `shipping_lines[].price` before discounts, `discount_allocations`
// and `tax_lines` per line (tax after discounts), all including tax when `taxes_included`;
// `total_price` = lines − discounts + shipping (+ `total_tax` unless taxes are included).
import { z } from 'zod';
import type { CanonicalOrder, PostalAddressInput } from '../../../shared/orders/order-schema';
import { platformPayloadError } from '../mapping-error';
import {
  shopifyCoordinate,
  shopifyDiscountAllocationSchema,
  shopifyMinor,
  shopifyMoney as money,
  shopifyPartMoney,
  shopifyTaxLineSchema,
} from './shopify-money';
import { emailLocale } from '../../notifications/email/email-layout';

/** Shopify's names of the totals the OMS checks. */
export const SHOPIFY_TOTAL_FIELDS = { grandTotalMinor: 'total_price', taxTotalMinor: 'total_tax' };

const text = z.string().nullish();
const taxLines = z
  .array(shopifyTaxLineSchema)
  .nullish()
  .transform((v) => v ?? []);
const discountAllocations = z
  .array(shopifyDiscountAllocationSchema)
  .nullish()
  .transform((v) => v ?? []);

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
  latitude: shopifyCoordinate,
  longitude: shopifyCoordinate,
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
        tax_lines: taxLines,
        discount_allocations: discountAllocations,
      }),
    )
    .min(1),
  shipping_lines: z
    .array(
      z.object({ price: money, tax_lines: taxLines, discount_allocations: discountAllocations }),
    )
    .nullish()
    .transform((v) => v ?? []),
  taxes_included: z.boolean().nullish(),
  total_price: money.nullish(),
  total_tax: money.nullish(),
  // The totals after later edits and refunds; at creation they equal the originals.
  current_total_price: money.nullish(),
  current_total_tax: money.nullish(),
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
    latitude: address.latitude,
    longitude: address.longitude,
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
  const locale = emailLocale(order.customer_locale);
  const companyName = shipTo.company ?? opt(order.billing_address?.company);
  const isB2b =
    (order.company !== null && order.company !== undefined) || opt(order.po_number) !== undefined;
  const customer: CanonicalOrder['customer'] =
    isB2b && companyName
      ? { type: 'company', companyName, buyer: { name: buyerName, email: email ?? '' }, locale }
      : { type: 'person', name: buyerName, email: email ?? '', locale };
  const shipping = shippingMoney(order.shipping_lines);
  const grandTotal = order.total_price ?? order.current_total_price;
  const taxTotal = order.total_tax ?? order.current_total_tax;
  const totalField = order.total_price != null ? 'total_price' : 'current_total_price';
  const taxField = order.total_tax != null ? 'total_tax' : 'current_total_tax';
  return {
    channelOrderRef: order.name,
    placedAt: order.created_at,
    currency: order.currency.toUpperCase() as CanonicalOrder['currency'],
    poNumber: opt(order.po_number),
    customer,
    shipTo,
    billTo: order.billing_address ? toAddress(order.billing_address, email) : undefined,
    lines: order.line_items.map((item, i) => {
      const field = `line_items[${i}]`;
      return {
        sku: item.sku,
        quantity: item.quantity,
        unitPriceMinor: shopifyMinor(item.price, `${field}.price`),
        name: item.title,
        ...shopifyPartMoney(item, field),
      };
    }),
    pricesIncludeTax: order.taxes_included ?? false,
    ...shipping,
    grandTotalMinor: grandTotal == null ? undefined : shopifyMinor(grandTotal, totalField),
    taxTotalMinor: taxTotal == null ? undefined : shopifyMinor(taxTotal, taxField),
  };
}

/** Shipping lines summed; their rate only when every taxed shipping line has the same one. */
function shippingMoney(lines: ShopifyOrder['shipping_lines']) {
  const parts = lines.map((line, i) => ({
    price: shopifyMinor(line.price, `shipping_lines[${i}].price`),
    ...shopifyPartMoney(line, `shipping_lines[${i}]`),
  }));
  const rates = new Set(
    parts.flatMap((p) => (p.taxRatePercent === undefined ? [] : [p.taxRatePercent])),
  );
  return {
    shippingChargedMinor: parts.reduce((sum, p) => sum + p.price, 0),
    shippingDiscountMinor: parts.reduce((sum, p) => sum + p.discountMinor, 0),
    shippingTaxMinor: parts.reduce((sum, p) => sum + p.taxMinor, 0),
    shippingTaxRatePercent: rates.size === 1 ? [...rates][0] : undefined,
  };
}
