/**
 * The money on a packing slip: each packed line's amount and tax rate, the order's totals with
 * the tax per rate, the VAT breakdown (rate, net, VAT, gross) and, when no VAT is charged, the
 * legal mention saying why (reverse charge, export).
 */
import { z } from 'zod';
import type { FulfillmentDoc } from '../sync/documents';
import { VAT_MENTIONS } from '../tax/legal-mentions';
import { formatMoney } from './label-format';
import { LABEL_WORDS, type LabelWords } from './label-words';

export const packingSlipMoneySchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as EUR'),
  pricesIncludeTax: z.boolean(),
  subtotalMinor: z.number().int().nonnegative(),
  discountMinor: z.number().int().nonnegative(),
  shippingMinor: z.number().int().nonnegative(),
  taxMinor: z.number().int().nonnegative(),
  totalMinor: z.number().int().nonnegative(),
  taxes: z.array(
    z.object({
      ratePercent: z.number().min(0).max(100).nullable(),
      taxMinor: z.number().int().nonnegative(),
      /** The taxed amount without VAT; rates without it are left out of the breakdown. */
      netMinor: z.number().int().optional(),
    }),
  ),
  vatMention: z.enum(VAT_MENTIONS).nullable().optional(),
});
export type PackingSlipMoney = z.infer<typeof packingSlipMoneySchema>;

/** The fields a slip line carries when the order has money. */
export const packingSlipLineMoneyFields = {
  /** The packed units' share of the order line after discount. */
  amountMinor: z.number().int().nonnegative().optional(),
  taxRatePercent: z.number().min(0).max(100).nullable().optional(),
};

export const formatRate = (percent: number | null, decimal = '.') =>
  percent === null ? '' : `${String(percent).replace('.', decimal)}%`;

/** Subtotal, discount, shipping, tax per rate and total, as label/value rows. */
export function packingSlipTotals(
  money: PackingSlipMoney,
  words: Pick<LabelWords, 'money' | 'decimal'> = LABEL_WORDS.en,
): { label: string; value: string }[] {
  const said = words.money;
  const amount = (minor: number) => formatMoney(minor, money.currency, words.decimal);
  const taxes = (prefix: string) =>
    money.taxes.map((t) => ({
      label: `${prefix}${t.ratePercent === null ? '' : ` ${formatRate(t.ratePercent, words.decimal)}`}`,
      value: amount(t.taxMinor),
    }));
  return [
    { label: said.subtotal, value: amount(money.subtotalMinor) },
    ...(money.discountMinor > 0
      ? [{ label: said.discount, value: `-${amount(money.discountMinor)}` }]
      : []),
    { label: said.shipping, value: amount(money.shippingMinor) },
    ...(money.pricesIncludeTax ? [] : taxes(said.vat)),
    { label: said.total, value: amount(money.totalMinor) },
    ...(money.pricesIncludeTax ? taxes(said.inclVat) : []),
  ];
}

export interface VatBreakdownLine {
  rate: string;
  net: string;
  tax: string;
  gross: string;
}

/** The VAT breakdown per rate, formatted: net + VAT = gross, adding up to the cent. */
export function packingSlipVatRows(
  money: PackingSlipMoney,
  words: Pick<LabelWords, 'decimal'> = LABEL_WORDS.en,
): VatBreakdownLine[] {
  const amount = (minor: number) => formatMoney(minor, money.currency, words.decimal);
  return money.taxes.flatMap((t) =>
    t.netMinor === undefined
      ? []
      : [
          {
            rate: formatRate(t.ratePercent, words.decimal) || '-',
            net: amount(t.netMinor),
            tax: amount(t.taxMinor),
            gross: amount(t.netMinor + t.taxMinor),
          },
        ],
  );
}

/** The legal mention the slip prints, in the slip's language; null when VAT is charged. */
export function packingSlipVatMention(
  money: PackingSlipMoney,
  words: Pick<LabelWords, 'vatMention'> = LABEL_WORDS.en,
): string | null {
  return money.vatMention ? words.vatMention[money.vatMention] : null;
}

/** The slip's money from a fulfillment's station document; undefined when it carries none. */
export function packingSlipMoneyOf(fulfillment: FulfillmentDoc): PackingSlipMoney | undefined {
  const money = fulfillment.orderMoney;
  if (!money) return undefined;
  return {
    currency: money.currency,
    pricesIncludeTax: money.pricesIncludeTax,
    subtotalMinor: money.subtotalCents,
    discountMinor: money.discountCents,
    shippingMinor: money.shippingCents,
    taxMinor: money.taxCents,
    totalMinor: money.totalCents,
    taxes: money.taxes.map((t) => ({
      ratePercent: t.ratePercent,
      taxMinor: t.taxCents,
      netMinor: t.netCents,
    })),
    vatMention: money.vatMention ?? null,
  };
}

/** A fulfillment line's money for `packed` of its units. */
export function packingSlipLineMoney(
  line: FulfillmentDoc['lines'][number],
  packed: number,
): { amountMinor?: number; taxRatePercent?: number | null } {
  if (line.amountCents === undefined) return {};
  return {
    amountMinor: Math.round((line.amountCents * packed) / Math.max(1, line.quantity)),
    taxRatePercent: line.taxRatePercent ?? null,
  };
}
