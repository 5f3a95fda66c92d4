// The order an email is about, read by id: its summary (lines, money, tax per rate), the
// recipient and their language.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { vatMentionOf } from '../../../shared/tax';
import { storedMoney } from '../../orders/order-money-rows';
import type { OrderSummary } from './customer-email-copy';
import type { EmailLocale } from './email-layout';
import { emailLocale } from './email-layout';

export interface LoadedOrder {
  summary: OrderSummary;
  email: string | null;
  locale: EmailLocale;
  shipTo: { postalCode: string; country: string };
  nameOf: (sku: string) => string;
}

export async function loadOrder(
  db: Kysely<Database>,
  orderId: string,
): Promise<LoadedOrder | undefined> {
  const order = await db
    .selectFrom('orders as o')
    .leftJoin('customers as c', 'c.id', 'o.customer_id')
    .leftJoin('customer_buyers as b', 'b.id', 'o.buyer_id')
    .select([
      'o.id',
      'o.channel_order_ref',
      'o.email',
      'o.currency',
      'o.ship_to',
      'o.prices_include_tax',
      'o.subtotal_minor',
      'o.discount_minor',
      'o.shipping_charged_minor',
      'o.shipping_discount_minor',
      'o.shipping_tax_minor',
      'o.shipping_tax_rate_ppm',
      'o.tax_minor',
      'o.net_minor',
      'o.total_minor',
      'o.promised_delivery_date',
      'o.vat_scheme',
      'c.locale',
      'c.name as customer_name',
      'b.name as buyer_name',
    ])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
  if (!order) return undefined;
  const lines = await db
    .selectFrom('order_lines')
    .select([
      'sku',
      'name',
      'quantity',
      'line_total_minor',
      'discount_minor',
      'tax_minor',
      'tax_rate_ppm',
      'net_minor',
      'gross_minor',
    ])
    .where('order_id', '=', orderId)
    .orderBy('line_no')
    .execute();
  const names = new Map(lines.map((l) => [l.sku, l.name]));
  const money = storedMoney(order, lines);
  return {
    summary: {
      reference: order.channel_order_ref,
      customerName: order.buyer_name ?? order.ship_to.name ?? order.customer_name ?? '',
      currency: order.currency,
      lines: lines.map((l) => ({
        name: l.name,
        quantity: l.quantity,
        amountMinor: l.line_total_minor - l.discount_minor,
      })),
      pricesIncludeTax: money.pricesIncludeTax,
      subtotalMinor: money.subtotalMinor,
      discountMinor: money.discountMinor,
      shippingChargedMinor: money.shippingChargedMinor,
      taxMinor: money.taxMinor,
      taxBreakdown: money.taxBreakdown,
      totalMinor: money.totalMinor,
      promisedDeliveryDate: order.promised_delivery_date,
      vatMention: vatMentionOf(order.vat_scheme),
    },
    email: order.email,
    locale: emailLocale(order.locale),
    shipTo: { postalCode: order.ship_to.postalCode, country: order.ship_to.country },
    nameOf: (sku) => names.get(sku) ?? sku,
  };
}
