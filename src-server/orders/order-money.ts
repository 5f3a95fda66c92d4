// The money of an order: each line's and the shipping's net, tax, gross and discount, and the
// totals. Channel amounts are taken as sent (their rounding is the truth); the OMS only adds them
// up, in integer minor units, and refuses an order whose parts do not make the channel's total.
import { percentToPpm } from '../../shared/orders/order-money-schema';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import { formatAmount } from '../../shared/labels/label-format';
import { ApiError } from '../http/api-error';

/** What the orders table's integer columns hold at most; larger sums are refused. */
export const MAX_TOTAL_MINOR = 2_000_000_000;

/** A line or the shipping, priced. All amounts are for the whole line (every unit). */
export interface MoneyPart {
  /** Before discount, in the channel's price basis (with tax when prices include tax). */
  amountMinor: number;
  discountMinor: number;
  /** After discount, without tax. */
  netMinor: number;
  taxMinor: number;
  /** After discount, with tax: what the customer pays for it. */
  grossMinor: number;
  /** Tax rate in parts per million (21 % = 210000); null when the channel sent no rate. */
  taxRatePpm: number | null;
}

export interface MoneyPartInput {
  amountMinor: number;
  discountMinor?: number | undefined;
  taxMinor?: number | undefined;
  taxRatePercent?: number | undefined;
}

/** Where a part's fields are in the request, for the error that names one. */
export interface PartFields {
  amount: string;
  discount: string;
  tax: string;
}

const roundHalfUp = (numerator: number, denominator: number) =>
  Math.floor((2 * numerator + denominator) / (2 * denominator));

/** The tax on `base` at `ppm`, rounded half up: added to a net base, or contained in a gross one. */
export function taxAtRate(base: number, ppm: number, included: boolean): number {
  if (!included) return roundHalfUp(base * ppm, 1_000_000);
  return base - roundHalfUp(base * 1_000_000, 1_000_000 + ppm);
}

export function pricePart(
  input: MoneyPartInput,
  pricesIncludeTax: boolean,
  fields: PartFields,
): MoneyPart {
  const { amountMinor } = input;
  if (amountMinor > MAX_TOTAL_MINOR) {
    throw new ApiError(
      422,
      'total_too_large',
      'The order total is larger than the OMS accepts.',
      fields.amount,
    );
  }
  const discountMinor = input.discountMinor ?? 0;
  if (discountMinor > amountMinor) {
    throw new ApiError(
      422,
      'discount_too_large',
      `${fields.discount}: the discount ${discountMinor} is more than the amount ${amountMinor} it is taken off.`,
      fields.discount,
    );
  }
  const discounted = amountMinor - discountMinor;
  const taxRatePpm = input.taxRatePercent === undefined ? null : percentToPpm(input.taxRatePercent);
  const taxMinor =
    input.taxMinor ??
    (taxRatePpm === null ? 0 : taxAtRate(discounted, taxRatePpm, pricesIncludeTax));
  if (pricesIncludeTax && taxMinor > discounted) {
    throw new ApiError(
      422,
      'tax_too_large',
      `${fields.tax}: the tax ${taxMinor} is more than the amount ${discounted} that includes it.`,
      fields.tax,
    );
  }
  return pricesIncludeTax
    ? {
        amountMinor,
        discountMinor,
        netMinor: discounted - taxMinor,
        taxMinor,
        grossMinor: discounted,
        taxRatePpm,
      }
    : {
        amountMinor,
        discountMinor,
        netMinor: discounted,
        taxMinor,
        grossMinor: discounted + taxMinor,
        taxRatePpm,
      };
}

export interface OrderTotals {
  pricesIncludeTax: boolean;
  /** The lines before discount. */
  subtotalMinor: number;
  /** Line and shipping discounts. */
  discountMinor: number;
  /** Shipping before discount. */
  shippingChargedMinor: number;
  taxMinor: number;
  netMinor: number;
  /** The grand total: what the customer pays. */
  totalMinor: number;
}

export interface ChannelTotals {
  grandTotalMinor?: number | undefined;
  taxTotalMinor?: number | undefined;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Adds up the parts; refuses (422, naming the difference) totals the channel computed otherwise. */
export function totalOrder(
  lines: readonly MoneyPart[],
  shipping: MoneyPart,
  pricesIncludeTax: boolean,
  currency: string,
  channel: ChannelTotals = {},
): OrderTotals {
  const parts = [...lines, shipping];
  const totals: OrderTotals = {
    pricesIncludeTax,
    subtotalMinor: sum(lines.map((l) => l.amountMinor)),
    discountMinor: sum(parts.map((p) => p.discountMinor)),
    shippingChargedMinor: shipping.amountMinor,
    taxMinor: sum(parts.map((p) => p.taxMinor)),
    netMinor: sum(parts.map((p) => p.netMinor)),
    totalMinor: sum(parts.map((p) => p.grossMinor)),
  };
  if (totals.subtotalMinor > MAX_TOTAL_MINOR || totals.totalMinor > MAX_TOTAL_MINOR) {
    throw new ApiError(
      422,
      'total_too_large',
      'The order total is larger than the OMS accepts.',
      'lines',
    );
  }
  const money = (minor: number) => formatAmount(minor, currency);
  if (channel.taxTotalMinor !== undefined && channel.taxTotalMinor !== totals.taxMinor) {
    throw new ApiError(
      422,
      'tax_total_mismatch',
      `The lines' and shipping's tax add up to ${money(totals.taxMinor)}, but the channel's total tax is ${money(channel.taxTotalMinor)}: off by ${money(Math.abs(totals.taxMinor - channel.taxTotalMinor))}.`,
      'taxTotalMinor',
    );
  }
  if (channel.grandTotalMinor !== undefined && channel.grandTotalMinor !== totals.totalMinor) {
    const parts = pricesIncludeTax
      ? `lines ${money(totals.subtotalMinor)} + shipping ${money(totals.shippingChargedMinor)} − discounts ${money(totals.discountMinor)} = ${money(totals.totalMinor)} (tax ${money(totals.taxMinor)} included)`
      : `lines ${money(totals.subtotalMinor)} + shipping ${money(totals.shippingChargedMinor)} + tax ${money(totals.taxMinor)} − discounts ${money(totals.discountMinor)} = ${money(totals.totalMinor)}`;
    throw new ApiError(
      422,
      'grand_total_mismatch',
      `${parts}, but the channel's grand total is ${money(channel.grandTotalMinor)}: off by ${money(Math.abs(totals.totalMinor - channel.grandTotalMinor))}.`,
      'grandTotalMinor',
    );
  }
  return totals;
}

export interface PricedLineMoney extends MoneyPart {
  unitPriceMinor: number;
  /** The line before discount: the same as amountMinor. */
  lineTotalMinor: number;
}

export interface OrderMoney extends OrderTotals {
  lines: PricedLineMoney[];
  shipping: MoneyPart;
}

/** The money of `order` with each line's unit price known (sent, or from the catalogue). */
export function priceOrderMoney(order: CanonicalOrder, unitPrices: readonly number[]): OrderMoney {
  const pricesIncludeTax = order.pricesIncludeTax ?? false;
  const lines = order.lines.map((line, index): PricedLineMoney => {
    const field = `lines[${index}]`;
    const unitPriceMinor = unitPrices[index]!;
    const lineTotalMinor = line.lineTotalMinor ?? unitPriceMinor * line.quantity;
    // A channel that rounds per row may differ from unit × quantity by up to a cent a unit.
    if (Math.abs(lineTotalMinor - unitPriceMinor * line.quantity) > line.quantity) {
      throw new ApiError(
        422,
        'line_total_mismatch',
        `${field}.lineTotalMinor: ${lineTotalMinor} is not unitPriceMinor ${unitPriceMinor} × quantity ${line.quantity}.`,
        `${field}.lineTotalMinor`,
      );
    }
    const money = pricePart(
      {
        amountMinor: lineTotalMinor,
        discountMinor: line.discountMinor,
        taxMinor: line.taxMinor,
        taxRatePercent: line.taxRatePercent,
      },
      pricesIncludeTax,
      {
        amount: `${field}.${line.lineTotalMinor === undefined ? 'unitPriceMinor' : 'lineTotalMinor'}`,
        discount: `${field}.discountMinor`,
        tax: `${field}.taxMinor`,
      },
    );
    return { unitPriceMinor, lineTotalMinor, ...money };
  });
  const shipping = pricePart(
    {
      amountMinor: order.shippingChargedMinor ?? 0,
      discountMinor: order.shippingDiscountMinor,
      taxMinor: order.shippingTaxMinor,
      taxRatePercent: order.shippingTaxRatePercent,
    },
    pricesIncludeTax,
    { amount: 'shippingChargedMinor', discount: 'shippingDiscountMinor', tax: 'shippingTaxMinor' },
  );
  const totals = totalOrder(lines, shipping, pricesIncludeTax, order.currency, {
    grandTotalMinor: order.grandTotalMinor,
    taxTotalMinor: order.taxTotalMinor,
  });
  return { ...totals, lines, shipping };
}
