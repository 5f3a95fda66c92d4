// What each customer email says, in the customer's language. Plain functions of a model: the
// words live in email-words*.ts, the layout in email-layout.ts, the loading in customer-email-model.ts.
import type { TaxRateTotal } from '../../../shared/orders/tax-breakdown';
import type { VatMention } from '../../../shared/tax';
import type { EmailBody, EmailFact, EmailLine, EmailLocale } from './email-layout';
import { formatDate, formatMoney, formatPercent } from './email-layout';
import { EMAIL_WORDS as WORDS } from './email-words';

export interface OrderSummary {
  reference: string;
  customerName: string;
  currency: string;
  /** `amountMinor`: the line after its discount, in the channel's price basis. */
  lines: { name: string; quantity: number; amountMinor: number }[];
  /** Whether the amounts include tax (then the tax is named as included, not added). */
  pricesIncludeTax: boolean;
  subtotalMinor: number;
  discountMinor: number;
  shippingChargedMinor: number;
  taxMinor: number;
  taxBreakdown: TaxRateTotal[];
  totalMinor: number;
  promisedDeliveryDate: string | null;
  /** Why the order carries no VAT (reverse charge, export): the e-mail says so as the law words it. */
  vatMention?: VatMention | null;
}

export interface ReturnItem {
  name: string;
  quantity: number;
}

export type CustomerEmailModel =
  | { template: 'order_confirmation'; order: OrderSummary }
  | {
      template: 'shipped';
      order: OrderSummary;
      carrierName: string;
      parcels: { trackingNumber: string; url: string }[];
    }
  | {
      template: 'parcel_tracking';
      state: 'outForDelivery' | 'delivered' | 'deliveryFailed';
      order: OrderSummary;
      carrierName: string;
      parcels: { trackingNumber: string; url: string }[];
    }
  | {
      template: 'delayed';
      order: OrderSummary;
      reason: 'backordered' | 'late';
      items: ReturnItem[];
    }
  | {
      template: 'return_authorized';
      order: OrderSummary;
      rmaId: string;
      items: ReturnItem[];
      labelAttached: boolean;
    }
  | { template: 'return_received'; order: OrderSummary; rmaId: string; items: ReturnItem[] }
  | {
      template: 'refund_issued';
      order: OrderSummary;
      rmaId: string | null;
      amountMinor: number;
      currency: string;
    };

/** Subtotal, discount, shipping, the tax per rate and the total, in the order an invoice has them. */
function moneyFacts(order: OrderSummary, locale: EmailLocale): EmailFact[] {
  const w = WORDS[locale];
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const rate = (percent: number | null) =>
    percent === null ? null : formatPercent(percent, locale);
  const taxes = (label: (rate: string | null) => string) =>
    order.taxBreakdown.length > 0
      ? order.taxBreakdown.map((t) => ({
          label: label(rate(t.ratePercent)),
          value: money(t.taxMinor),
        }))
      : order.taxMinor > 0
        ? [{ label: label(null), value: money(order.taxMinor) }]
        : [];
  return [
    { label: w.subtotal, value: money(order.subtotalMinor) },
    ...(order.discountMinor > 0
      ? [{ label: w.discount, value: `− ${money(order.discountMinor)}` }]
      : []),
    { label: w.shipping, value: money(order.shippingChargedMinor) },
    ...(order.pricesIncludeTax ? [] : taxes(w.tax)),
    { label: w.total, value: money(order.totalMinor) },
    ...(order.pricesIncludeTax ? taxes(w.taxIncluded) : []),
  ];
}

/** The VAT breakdown per rate (net + VAT = gross), for rates the order knows. */
function vatBreakdownFacts(order: OrderSummary, locale: EmailLocale): EmailFact[] {
  const w = WORDS[locale];
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  return order.taxBreakdown.flatMap((t) =>
    t.ratePercent === null
      ? []
      : [
          {
            label: w.breakdown(formatPercent(t.ratePercent, locale)),
            value: `${money(t.netMinor)} + ${money(t.taxMinor)} = ${money(t.netMinor + t.taxMinor)}`,
          },
        ],
  );
}

/** The legal mention when no VAT is charged, as a paragraph; none when VAT is charged. */
const mentionParagraphs = (order: OrderSummary, locale: EmailLocale): string[] =>
  order.vatMention ? [WORDS[locale].mention[order.vatMention]] : [];

const itemLines = (items: ReturnItem[]): EmailLine[] =>
  items.map((i) => ({ name: i.name, quantity: i.quantity }));

export function customerEmailBody(model: CustomerEmailModel, locale: EmailLocale): EmailBody {
  const w = WORDS[locale];
  const { order } = model;
  const ref = order.reference;
  const money = (minor: number, currency = order.currency) => formatMoney(minor, currency, locale);
  const orderFact: EmailFact = { label: w.order, value: ref };
  const base = { closing: w.closing };
  switch (model.template) {
    case 'order_confirmation':
      return {
        ...base,
        subject: w.orderConfirmation.subject(ref),
        heading: w.orderConfirmation.heading,
        paragraphs: [
          w.hello(order.customerName),
          w.orderConfirmation.received,
          ...mentionParagraphs(order, locale),
        ],
        facts: [
          orderFact,
          ...moneyFacts(order, locale),
          ...vatBreakdownFacts(order, locale),
          ...(order.promisedDeliveryDate
            ? [{ label: w.promised, value: formatDate(order.promisedDeliveryDate, locale) }]
            : []),
        ],
        lines: order.lines.map((l) => ({
          name: l.name,
          quantity: l.quantity,
          amount: money(l.amountMinor),
        })),
      };
    case 'shipped':
      return {
        ...base,
        subject: w.shipped.subject(ref),
        heading: w.shipped.heading,
        paragraphs: [
          w.hello(order.customerName),
          w.shipped.shippedWith(model.carrierName),
          ...mentionParagraphs(order, locale),
        ],
        facts: [
          orderFact,
          ...vatBreakdownFacts(order, locale),
          { label: w.carrier, value: model.carrierName },
          ...model.parcels.map((p) => ({
            label: w.tracking,
            value: p.trackingNumber,
            href: p.url,
          })),
        ],
      };
    case 'parcel_tracking': {
      const words = w.parcelTracking[model.state];
      return {
        ...base,
        subject: words.subject(ref),
        heading: words.heading,
        paragraphs: [w.hello(order.customerName), words.body(model.carrierName)],
        facts: [
          orderFact,
          { label: w.carrier, value: model.carrierName },
          ...model.parcels.map((p) => ({
            label: w.tracking,
            value: p.trackingNumber,
            href: p.url,
          })),
        ],
      };
    }
    case 'delayed':
      return {
        ...base,
        subject: w.delayed.subject(ref),
        heading: w.delayed.heading,
        paragraphs: [
          w.hello(order.customerName),
          model.reason === 'backordered' ? w.delayed.backordered : w.delayed.late,
        ],
        facts: [orderFact],
        lines: itemLines(model.items),
      };
    case 'return_authorized':
      return {
        ...base,
        subject: w.returnAuthorized.subject(model.rmaId),
        heading: w.returnAuthorized.heading,
        paragraphs: [
          w.hello(order.customerName),
          model.labelAttached ? w.returnAuthorized.printLabel : w.returnAuthorized.writeNumber,
        ],
        facts: [orderFact, { label: w.rma, value: model.rmaId }],
        lines: itemLines(model.items),
      };
    case 'return_received':
      return {
        ...base,
        subject: w.returnReceived.subject(model.rmaId),
        heading: w.returnReceived.heading,
        paragraphs: [w.hello(order.customerName), w.returnReceived.checking],
        facts: [orderFact, { label: w.rma, value: model.rmaId }],
        lines: itemLines(model.items),
      };
    case 'refund_issued':
      return {
        ...base,
        subject: w.refundIssued.subject(ref),
        heading: w.refundIssued.heading,
        paragraphs: [
          w.hello(order.customerName),
          w.refundIssued.refunded(money(model.amountMinor, model.currency)),
        ],
        facts: [
          orderFact,
          ...(model.rmaId ? [{ label: w.rma, value: model.rmaId }] : []),
          { label: w.refund, value: money(model.amountMinor, model.currency) },
        ],
      };
  }
}
