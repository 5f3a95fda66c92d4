// An order's VAT at intake: the engine (shared/tax/) decides over the order's priced amounts. A
// channel that sent tax keeps it and the order records whether the engine agrees; a channel whose
// tax the OMS computes (`tax_mode = 'oms'`) gets the engine's tax on every line and the shipping.
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import { checkChannelTax, decideVat, UnknownVatRateError } from '../../shared/tax';
import type { TaxClass, VatDecision } from '../../shared/tax';
import { ApiError } from '../http/api-error';
import type { OrderMoney } from '../orders/order-money';
import type { DistanceSalesByYear } from './distance-sales';
import type { OrderVatRecord } from './tax-schema';
import type { ChannelTaxSettings, VatSettings } from './vat-settings';

export interface OrderVatContext {
  settings: VatSettings;
  channel: ChannelTaxSettings;
  /** The distance sales so far; updated as each order of a batch is priced. */
  distanceSales: DistanceSalesByYear;
}

/** True when the channel sent any tax (amounts or rates) of its own. */
export function channelSentTax(order: CanonicalOrder): boolean {
  return (
    order.taxTotalMinor !== undefined ||
    order.shippingTaxMinor !== undefined ||
    order.shippingTaxRatePercent !== undefined ||
    order.lines.some((l) => l.taxMinor !== undefined || l.taxRatePercent !== undefined)
  );
}

const supplyDateOf = (order: CanonicalOrder) =>
  (order.placedAt ? new Date(order.placedAt) : new Date()).toISOString().slice(0, 10);

/** The engine's decision over the order's amounts after discount, in the channel's price basis. */
export function decideOrderVat(
  order: CanonicalOrder,
  money: OrderMoney,
  taxClasses: readonly TaxClass[],
  context: OrderVatContext,
): VatDecision {
  const supplyDate = supplyDateOf(order);
  const year = Number(supplyDate.slice(0, 4));
  const lines = money.lines.map((line, i) => ({
    amountMinor: line.amountMinor - line.discountMinor,
    taxClass: taxClasses[i]!,
  }));
  const shippingMinor = money.shipping.amountMinor - money.shipping.discountMinor;
  // Counted at the amount charged: with prices incl. VAT that is more than the net, so the
  // threshold is reached no later than it should be. Only EUR orders count until rates are kept.
  const saleEurMinor =
    order.currency === 'EUR' ? lines.reduce((a, l) => a + l.amountMinor, shippingMinor) : 0;
  const customer = order.customer;
  return decideVat({
    originCountry: context.settings.originCountry,
    destinationCountry: order.shipTo.country,
    customer: {
      kind: customer.type,
      vatNumber: customer.type === 'company' ? customer.vatNumber : undefined,
      country: (order.billTo ?? order.shipTo).country,
    },
    oss: {
      thresholdEurMinor: context.settings.ossThresholdEurMinor,
      optedIn: context.settings.ossOptedIn,
      previousYearEurMinor: context.distanceSales.get(year - 1) ?? 0,
      currentYearEurMinor: context.distanceSales.get(year) ?? 0,
    },
    saleEurMinor,
    supplyDate,
    pricesIncludeTax: money.pricesIncludeTax,
    rounding: context.channel.rounding,
    lines,
    shippingMinor,
  });
}

/** The order with the engine's tax on every line and the shipping, for the OMS to price. */
export function withEngineTax(order: CanonicalOrder, decision: VatDecision): CanonicalOrder {
  return {
    ...order,
    lines: order.lines.map((line, i) => ({
      ...line,
      taxMinor: decision.lines[i]!.taxMinor,
      taxRatePercent: decision.lines[i]!.ratePpm / 10_000,
    })),
    shippingTaxMinor: decision.shipping.taxMinor,
    shippingTaxRatePercent: decision.shipping.ratePpm / 10_000,
  };
}

/**
 * Prices `order` with VAT: `price` is the OMS's money arithmetic (order-money.ts). Returns the
 * money the order keeps and the VAT record; counts a distance sale into `context.distanceSales`.
 */
export function priceWithVat(
  order: CanonicalOrder,
  taxClasses: readonly TaxClass[],
  context: OrderVatContext,
  price: (order: CanonicalOrder) => OrderMoney,
): { money: OrderMoney; vat: OrderVatRecord | null } {
  const channelMoney = price(order);
  const computes = context.channel.taxMode === 'oms' && !channelSentTax(order);
  let decision: VatDecision;
  try {
    decision = decideOrderVat(order, channelMoney, taxClasses, context);
  } catch (error) {
    if (!(error instanceof UnknownVatRateError)) throw error;
    // A channel's own tax is kept even when the engine cannot judge it; the OMS cannot invent one.
    if (!computes) return { money: channelMoney, vat: null };
    throw new ApiError(422, 'no_vat_rate', error.message, 'placedAt');
  }
  const money = computes ? price(withEngineTax(order, decision)) : channelMoney;
  const distance = decision.scheme === 'oss' || decision.scheme === 'distance_sale_origin';
  const distanceSaleEurMinor = distance && order.currency === 'EUR' ? decision.netMinor : 0;
  if (distanceSaleEurMinor > 0) {
    const year = Number(decision.supplyDate.slice(0, 4));
    context.distanceSales.set(year, (context.distanceSales.get(year) ?? 0) + distanceSaleEurMinor);
  }
  return {
    money,
    vat: {
      originCountry: context.settings.originCountry,
      source: computes ? 'oms' : 'channel',
      decision,
      check: computes
        ? null
        : checkChannelTax(decision, {
            lines: money.lines.map((l) => ({ taxMinor: l.taxMinor, ratePpm: l.taxRatePpm })),
            shipping: { taxMinor: money.shipping.taxMinor, ratePpm: money.shipping.taxRatePpm },
          }),
      distanceSaleEurMinor,
    },
  };
}
