// Maps an Adobe Commerce (Magento 2) order, as `GET /V1/orders/{id}` returns it, onto the
// canonical order. Child items of configurable/bundle products (with parent_item_id) are skipped:
// the parent line carries the SKU, quantity and price that were sold.
import { z } from 'zod';
import type { CanonicalOrder, PostalAddressInput } from '../../../shared/orders/order-schema';
import { decimalToMinor } from '../money';
import { platformPayloadError, requireMinor } from '../mapping-error';

const text = z.string().nullish();

const magentoAddressSchema = z.object({
  firstname: text,
  lastname: text,
  company: text,
  street: z.array(z.string()).min(1),
  city: z.string().min(1),
  postcode: z.string().min(1),
  region_code: text,
  country_id: z.string().min(2),
  telephone: text,
  email: text,
});

export const magentoOrderSchema = z.object({
  entity_id: z.number().int(),
  increment_id: z.string().min(1),
  created_at: z.string(),
  order_currency_code: z.string(),
  customer_email: z.string(),
  customer_firstname: text,
  customer_lastname: text,
  shipping_amount: z.number().nullish(),
  items: z
    .array(
      z.object({
        sku: z.string().min(1),
        name: z.string(),
        qty_ordered: z.number(),
        price: z.number(),
        parent_item_id: z.number().nullish(),
      }),
    )
    .min(1),
  billing_address: magentoAddressSchema,
  payment: z.object({ po_number: text }).nullish(),
  extension_attributes: z
    .object({
      shipping_assignments: z
        .array(z.object({ shipping: z.object({ address: magentoAddressSchema.nullish() }) }))
        .nullish(),
      company_order_attributes: z.object({ company_name: text }).nullish(),
    })
    .nullish(),
});
export type MagentoOrder = z.infer<typeof magentoOrderSchema>;

const opt = (value: string | null | undefined) =>
  value === null || value === undefined || value === '' ? undefined : value;

function toAddress(
  address: z.infer<typeof magentoAddressSchema>,
  email: string,
): PostalAddressInput {
  const name = [address.firstname, address.lastname].filter(Boolean).join(' ');
  return {
    name: name || opt(address.company) || 'Unknown',
    company: opt(address.company),
    line1: address.street[0]!,
    line2: address.street.length > 1 ? address.street.slice(1).join(', ') : undefined,
    postalCode: address.postcode,
    city: address.city,
    region: opt(address.region_code),
    country: address.country_id.toUpperCase(),
    phone: opt(address.telephone),
    email: opt(address.email) ?? email,
  };
}

/** Magento writes `created_at` as "YYYY-MM-DD HH:MM:SS" in UTC. */
function toIsoInstant(createdAt: string): string | undefined {
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(createdAt)
    ? `${createdAt.replace(' ', 'T')}Z`
    : createdAt;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

export function mapMagentoOrder(payload: unknown): CanonicalOrder {
  const parsed = magentoOrderSchema.safeParse(payload);
  if (!parsed.success) throw platformPayloadError('Adobe Commerce', parsed.error);
  const order = parsed.data;
  const email = order.customer_email;
  const shippingAddress =
    order.extension_attributes?.shipping_assignments?.[0]?.shipping.address ??
    order.billing_address;
  const shipTo = toAddress(shippingAddress, email);
  const buyerName =
    [order.customer_firstname, order.customer_lastname].filter(Boolean).join(' ') || shipTo.name;
  const poNumber = opt(order.payment?.po_number);
  const companyName =
    opt(order.extension_attributes?.company_order_attributes?.company_name) ??
    (poNumber ? opt(order.billing_address.company) : undefined);
  return {
    channelOrderRef: order.increment_id,
    placedAt: toIsoInstant(order.created_at),
    currency: order.order_currency_code.toUpperCase() as CanonicalOrder['currency'],
    poNumber,
    customer: companyName
      ? { type: 'company', companyName, buyer: { name: buyerName, email } }
      : { type: 'person', name: buyerName, email },
    shipTo,
    billTo: toAddress(order.billing_address, email),
    lines: order.items
      .filter((item) => item.parent_item_id === null || item.parent_item_id === undefined)
      .map((item, i) => ({
        sku: item.sku,
        quantity: item.qty_ordered,
        unitPriceMinor: requireMinor(
          'Adobe Commerce',
          item.price,
          `items[${i}].price`,
          decimalToMinor,
        ),
        name: item.name,
      })),
    shippingChargedMinor: requireMinor(
      'Adobe Commerce',
      order.shipping_amount ?? 0,
      'shipping_amount',
      decimalToMinor,
    ),
  };
}
