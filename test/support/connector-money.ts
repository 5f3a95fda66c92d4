// Maps a channel payload the way the connector routes do, and prices it without a catalogue.
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import { validateMappedOrder } from '../../src-server/connectors/canonical';
import {
  MAGENTO_TOTAL_FIELDS,
  mapMagentoOrder,
} from '../../src-server/connectors/magento/magento-order';
import {
  mapShopifyOrder,
  SHOPIFY_TOTAL_FIELDS,
} from '../../src-server/connectors/shopify/shopify-order';
import { priceOrderMoney } from '../../src-server/orders/order-money';
import type { OrderMoney } from '../../src-server/orders/order-money';

export interface MappedMoney {
  order: CanonicalOrder;
  money: OrderMoney;
}

function priced(order: CanonicalOrder): MappedMoney {
  return {
    order,
    money: priceOrderMoney(
      order,
      order.lines.map((l) => l.unitPriceMinor!),
    ),
  };
}

export const shopifyMoneyOf = (payload: unknown) =>
  priced(validateMappedOrder('Shopify', mapShopifyOrder(payload), SHOPIFY_TOTAL_FIELDS));

export const magentoMoneyOf = (payload: unknown) =>
  priced(validateMappedOrder('Adobe Commerce', mapMagentoOrder(payload), MAGENTO_TOTAL_FIELDS));
