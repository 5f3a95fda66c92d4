// Maps an Adobe Commerce (Magento 2) order, as `GET /V1/orders/{id}` returns it, onto the
// canonical order: items as magento-items.ts reads them (what ships, with its money), shipping,
// and the order's grand_total and tax_amount for the OMS to check the parts against. Magento's
// amounts exclude tax (tax is added), so pricesIncludeTax is false whatever the store's setting.
import { z } from 'zod';
import type { CanonicalOrder, PostalAddressInput } from '../../../shared/orders/order-schema';
import { decimalToMinor, decimalToTenThousandths } from '../money';
import { platformPayloadError, requireMinor } from '../mapping-error';
import { magentoAmount, magentoItemSchema, magentoLines } from './magento-items';

/** Adobe Commerce's names of the totals the OMS checks. */
export const MAGENTO_TOTAL_FIELDS = { grandTotalMinor: 'grand_total', taxTotalMinor: 'tax_amount' };

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
  base_currency_code: z.string().nullish(),
  grand_total: magentoAmount.nullish(),
  base_grand_total: magentoAmount.nullish(),
  tax_amount: magentoAmount.nullish(),
  base_tax_amount: magentoAmount.nullish(),
  shipping_amount: magentoAmount.nullish(),
  base_shipping_amount: magentoAmount.nullish(),
  shipping_tax_amount: magentoAmount.nullish(),
  base_shipping_tax_amount: magentoAmount.nullish(),
  shipping_discount_amount: magentoAmount.nullish(),
  shipping_discount_tax_compensation_amount: magentoAmount.nullish(),
  items: z.array(magentoItemSchema).min(1),
  billing_address: magentoAddressSchema,
  payment: z.object({ po_number: text }).nullish(),
  extension_attributes: z
    .object({
      shipping_assignments: z
        .array(z.object({ shipping: z.object({ address: magentoAddressSchema.nullish() }) }))
        .nullish(),
      company_order_attributes: z.object({ company_name: text }).nullish(),
      /** Tax per item and for shipping (`type` "shipping"), with the rates applied. */
      item_applied_taxes: z
        .array(
          z.object({
            type: z.string().nullish(),
            applied_taxes: z.array(z.object({ percent: magentoAmount.nullish() })).nullish(),
          }),
        )
        .nullish(),
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

const minor = (value: string | number, field: string) =>
  requireMinor('Adobe Commerce', value, field, decimalToMinor);

/** An order amount, or its base_* twin when the order is in the base currency. */
function orderAmount(
  order: MagentoOrder,
  name: 'grand_total' | 'tax_amount' | 'shipping_amount' | 'shipping_tax_amount',
): number | undefined {
  const sameCurrency =
    !order.base_currency_code || order.base_currency_code === order.order_currency_code;
  const base = order[`base_${name}`];
  const value = order[name] ?? (sameCurrency ? base : undefined);
  return value == null ? undefined : minor(value, order[name] == null ? `base_${name}` : name);
}

/** The shipping's tax rate, from the applied taxes of type "shipping" (their rates added). */
function shippingTaxRate(order: MagentoOrder): number | undefined {
  const applied = (order.extension_attributes?.item_applied_taxes ?? []).filter(
    (t) => t.type === 'shipping',
  );
  const percents = applied.flatMap((t) => t.applied_taxes ?? []).map((t) => t.percent);
  if (percents.length === 0) return undefined;
  let ppm = 0;
  for (const percent of percents) {
    const value = percent == null ? 0 : decimalToTenThousandths(percent);
    if (value === null) return undefined;
    ppm += value;
  }
  return ppm / 10_000;
}

function shippingDiscount(order: MagentoOrder): number | undefined {
  if (order.shipping_discount_amount == null) return undefined;
  const discount = minor(order.shipping_discount_amount, 'shipping_discount_amount');
  const compensation =
    order.shipping_discount_tax_compensation_amount == null
      ? 0
      : minor(
          order.shipping_discount_tax_compensation_amount,
          'shipping_discount_tax_compensation_amount',
        );
  return Math.max(0, discount - compensation);
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
    lines: magentoLines(order.items),
    pricesIncludeTax: false,
    shippingChargedMinor: orderAmount(order, 'shipping_amount') ?? 0,
    shippingDiscountMinor: shippingDiscount(order),
    shippingTaxMinor: orderAmount(order, 'shipping_tax_amount'),
    shippingTaxRatePercent: shippingTaxRate(order),
    grandTotalMinor: orderAmount(order, 'grand_total'),
    taxTotalMinor: orderAmount(order, 'tax_amount'),
  };
}
