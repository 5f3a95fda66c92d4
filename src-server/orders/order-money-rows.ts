// An order's money read back from its rows (orders, order_lines), as order-money.ts priced it.
import type { Selectable } from 'kysely';
import type { OrderLinesTable, OrdersTable } from '../db/schema';
import type { MoneyPart } from './order-money';
import { placedMoney } from './order-money-view';

type OrderMoneyRow = Pick<
  Selectable<OrdersTable>,
  | 'prices_include_tax'
  | 'subtotal_minor'
  | 'discount_minor'
  | 'shipping_charged_minor'
  | 'shipping_discount_minor'
  | 'shipping_tax_minor'
  | 'shipping_tax_rate_ppm'
  | 'tax_minor'
  | 'net_minor'
  | 'total_minor'
>;
type LineMoneyRow = Pick<
  Selectable<OrderLinesTable>,
  'line_total_minor' | 'discount_minor' | 'tax_minor' | 'tax_rate_ppm' | 'net_minor' | 'gross_minor'
>;

export function moneyOfLine(line: LineMoneyRow): MoneyPart {
  return {
    amountMinor: line.line_total_minor,
    discountMinor: line.discount_minor,
    netMinor: line.net_minor,
    taxMinor: line.tax_minor,
    grossMinor: line.gross_minor,
    taxRatePpm: line.tax_rate_ppm,
  };
}

export function shippingMoneyOf(
  order: Pick<
    OrderMoneyRow,
    | 'prices_include_tax'
    | 'shipping_charged_minor'
    | 'shipping_discount_minor'
    | 'shipping_tax_minor'
    | 'shipping_tax_rate_ppm'
  >,
): MoneyPart {
  const discounted = order.shipping_charged_minor - order.shipping_discount_minor;
  const included = order.prices_include_tax;
  return {
    amountMinor: order.shipping_charged_minor,
    discountMinor: order.shipping_discount_minor,
    netMinor: included ? discounted - order.shipping_tax_minor : discounted,
    taxMinor: order.shipping_tax_minor,
    grossMinor: included ? discounted : discounted + order.shipping_tax_minor,
    taxRatePpm: order.shipping_tax_rate_ppm,
  };
}

export function storedMoney(order: OrderMoneyRow, lines: readonly LineMoneyRow[]) {
  return placedMoney({
    pricesIncludeTax: order.prices_include_tax,
    subtotalMinor: order.subtotal_minor,
    discountMinor: order.discount_minor,
    shippingChargedMinor: order.shipping_charged_minor,
    taxMinor: order.tax_minor,
    netMinor: order.net_minor,
    totalMinor: order.total_minor,
    lines: lines.map(moneyOfLine),
    shipping: shippingMoneyOf(order),
  });
}
