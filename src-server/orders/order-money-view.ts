// The money of a priced or stored order as the API shows it (placed answer and order view).
import { ppmToPercent } from '../../shared/orders/order-money-schema';
import { taxBreakdown } from '../../shared/orders/tax-breakdown';
import type { OrderPlaced } from './order-contracts';
import type { MoneyPart, OrderTotals } from './order-money';

export const ratePercentOf = (ppm: number | null) => (ppm === null ? null : ppmToPercent(ppm));

export function partMoneyView(part: Omit<MoneyPart, 'amountMinor'>) {
  return {
    discountMinor: part.discountMinor,
    netMinor: part.netMinor,
    taxMinor: part.taxMinor,
    taxRatePercent: ratePercentOf(part.taxRatePpm),
    grossMinor: part.grossMinor,
  };
}

type PlacedMoney = Pick<
  OrderPlaced,
  | 'pricesIncludeTax'
  | 'subtotalMinor'
  | 'discountMinor'
  | 'shippingChargedMinor'
  | 'shipping'
  | 'taxMinor'
  | 'netMinor'
  | 'totalMinor'
  | 'taxBreakdown'
>;

export function placedMoney(
  order: OrderTotals & { lines: readonly MoneyPart[]; shipping: MoneyPart },
): PlacedMoney {
  return {
    pricesIncludeTax: order.pricesIncludeTax,
    subtotalMinor: order.subtotalMinor,
    discountMinor: order.discountMinor,
    shippingChargedMinor: order.shippingChargedMinor,
    shipping: { chargedMinor: order.shipping.amountMinor, ...partMoneyView(order.shipping) },
    taxMinor: order.taxMinor,
    netMinor: order.netMinor,
    totalMinor: order.totalMinor,
    taxBreakdown: taxBreakdown([...order.lines, order.shipping]),
  };
}
