// The order's money on a fulfillment's station document, so the packing slip can print it.
import type { Transaction } from 'kysely';
import type { FulfillmentOrderMoney } from '../../shared/sync/documents';
import { vatMentionOf } from '../../shared/tax';
import type { Database } from '../db/schema';
import type { OrderPlaced } from '../orders/order-contracts';
import { storedMoney } from '../orders/order-money-rows';

type OrderMoneyView = Pick<
  OrderPlaced,
  | 'pricesIncludeTax'
  | 'subtotalMinor'
  | 'discountMinor'
  | 'shippingChargedMinor'
  | 'taxMinor'
  | 'totalMinor'
  | 'taxBreakdown'
>;

/** `vatScheme`: the order's VAT scheme, whose legal mention the slip prints (none before the engine). */
export function fulfillmentOrderMoney(
  currency: string,
  money: OrderMoneyView,
  vatScheme: string | null | undefined,
): FulfillmentOrderMoney {
  return {
    currency,
    pricesIncludeTax: money.pricesIncludeTax,
    subtotalCents: money.subtotalMinor,
    discountCents: money.discountMinor,
    shippingCents: money.shippingChargedMinor,
    taxCents: money.taxMinor,
    totalCents: money.totalMinor,
    taxes: money.taxBreakdown.map((t) => ({
      ratePercent: t.ratePercent,
      netCents: t.netMinor,
      taxCents: t.taxMinor,
    })),
    vatMention: vatMentionOf(vatScheme),
  };
}

/** A pick line's share of its order line after discount (an order line may be picked from several bins). */
export function pickLineAmount(
  orderLine: { lineTotalMinor: number; discountMinor: number; quantity: number },
  pickQuantity: number,
): number {
  return Math.round(
    ((orderLine.lineTotalMinor - orderLine.discountMinor) * pickQuantity) / orderLine.quantity,
  );
}

/** The money of each of `orderIds`, read from their rows (one query per table). */
export async function orderMoneyOf(
  trx: Transaction<Database>,
  orderIds: readonly string[],
): Promise<Map<string, FulfillmentOrderMoney>> {
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return new Map();
  const [orders, lines] = await Promise.all([
    trx.selectFrom('orders').selectAll().where('id', 'in', ids).execute(),
    trx
      .selectFrom('order_lines')
      .select([
        'order_id',
        'line_total_minor',
        'discount_minor',
        'tax_minor',
        'tax_rate_ppm',
        'net_minor',
        'gross_minor',
      ])
      .where('order_id', 'in', ids)
      .execute(),
  ]);
  return new Map(
    orders.map((o) => [
      o.id,
      fulfillmentOrderMoney(
        o.currency,
        storedMoney(
          o,
          lines.filter((l) => l.order_id === o.id),
        ),
        o.vat_scheme,
      ),
    ]),
  );
}
