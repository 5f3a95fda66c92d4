// What each customer email says, in Dutch and English. Plain functions of a model: the words
// live here, the layout in email-layout.ts, the data loading in customer-email-model.ts.
import type { TaxRateTotal } from '../../../shared/orders/tax-breakdown';
import { LEGAL_MENTION_WORDS } from '../../../shared/tax';
import type { VatMention } from '../../../shared/tax';
import type { EmailBody, EmailFact, EmailLine, EmailLocale } from './email-layout';
import { formatMoney, formatPercent } from './email-layout';

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

const WORDS = {
  en: {
    hello: (name: string) => `Dear ${name},`,
    closing: 'Kind regards,',
    order: 'Order',
    subtotal: 'Subtotal',
    discount: 'Discount',
    shipping: 'Shipping',
    tax: (rate: string | null) => (rate ? `VAT ${rate}` : 'VAT'),
    taxIncluded: (rate: string | null) => (rate ? `Including VAT ${rate}` : 'Including VAT'),
    total: 'Total',
    carrier: 'Carrier',
    tracking: 'Track your parcel',
    promised: 'Expected delivery',
    rma: 'Return number',
    refund: 'Refunded',
    breakdown: (rate: string) => `Net + VAT ${rate} = gross`,
    mention: LEGAL_MENTION_WORDS.en,
  },
  nl: {
    hello: (name: string) => `Beste ${name},`,
    closing: 'Met vriendelijke groet,',
    order: 'Bestelling',
    subtotal: 'Subtotaal',
    discount: 'Korting',
    shipping: 'Verzending',
    tax: (rate: string | null) => (rate ? `Btw ${rate}` : 'Btw'),
    taxIncluded: (rate: string | null) => (rate ? `Inclusief btw ${rate}` : 'Inclusief btw'),
    total: 'Totaal',
    carrier: 'Vervoerder',
    tracking: 'Volg je pakket',
    promised: 'Verwachte levering',
    rma: 'Retournummer',
    refund: 'Terugbetaald',
    breakdown: (rate: string) => `Netto + btw ${rate} = bruto`,
    mention: LEGAL_MENTION_WORDS.nl,
  },
} as const;

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
  const nl = locale === 'nl';
  const { order } = model;
  const ref = order.reference;
  const money = (minor: number, currency = order.currency) => formatMoney(minor, currency, locale);
  const orderFact: EmailFact = { label: w.order, value: ref };
  const base = { closing: w.closing };
  switch (model.template) {
    case 'order_confirmation':
      return {
        ...base,
        subject: nl ? `Bevestiging van je bestelling ${ref}` : `Your order ${ref} is confirmed`,
        heading: nl ? 'Bedankt voor je bestelling!' : 'Thank you for your order!',
        paragraphs: [
          w.hello(order.customerName),
          nl
            ? 'We hebben je bestelling ontvangen en gaan ermee aan de slag.'
            : 'We have received your order and are getting it ready.',
          ...mentionParagraphs(order, locale),
        ],
        facts: [
          orderFact,
          ...moneyFacts(order, locale),
          ...vatBreakdownFacts(order, locale),
          ...(order.promisedDeliveryDate
            ? [{ label: w.promised, value: order.promisedDeliveryDate }]
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
        subject: nl ? `Je bestelling ${ref} is verzonden` : `Your order ${ref} has shipped`,
        heading: nl ? 'Je pakket is onderweg' : 'Your parcel is on its way',
        paragraphs: [
          w.hello(order.customerName),
          nl
            ? `Je bestelling is verzonden met ${model.carrierName}.`
            : `Your order has been shipped with ${model.carrierName}.`,
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
    case 'delayed':
      return {
        ...base,
        subject: nl ? `Vertraging in je bestelling ${ref}` : `Your order ${ref} is delayed`,
        heading: nl ? 'Je bestelling duurt wat langer' : 'Your order is taking a little longer',
        paragraphs: [
          w.hello(order.customerName),
          model.reason === 'backordered'
            ? nl
              ? 'Een deel van je bestelling is tijdelijk niet op voorraad. We sturen het zodra het binnen is.'
              : 'Part of your order is temporarily out of stock. We will send it as soon as it arrives.'
            : nl
              ? 'Je bestelling is nog niet verzonden en komt later dan beloofd. Onze excuses; we doen ons best.'
              : 'Your order has not shipped yet and will arrive later than promised. We are sorry and are on it.',
        ],
        facts: [orderFact],
        lines: itemLines(model.items),
      };
    case 'return_authorized':
      return {
        ...base,
        subject: nl
          ? `Je retour ${model.rmaId} is goedgekeurd`
          : `Your return ${model.rmaId} is approved`,
        heading: nl ? 'Je retour is goedgekeurd' : 'Your return is approved',
        paragraphs: [
          w.hello(order.customerName),
          model.labelAttached
            ? nl
              ? 'Print het retourlabel in de bijlage, plak het op het pakket en geef het af bij de vervoerder.'
              : 'Print the return label attached, stick it on the parcel and hand it to the carrier.'
            : nl
              ? 'Vermeld het retournummer op het pakket.'
              : 'Write the return number on the parcel.',
        ],
        facts: [orderFact, { label: w.rma, value: model.rmaId }],
        lines: itemLines(model.items),
      };
    case 'return_received':
      return {
        ...base,
        subject: nl
          ? `We hebben je retour ${model.rmaId} ontvangen`
          : `We received your return ${model.rmaId}`,
        heading: nl ? 'Je retour is binnen' : 'Your return has arrived',
        paragraphs: [
          w.hello(order.customerName),
          nl
            ? 'We controleren de artikelen en laten je weten wanneer je terugbetaling verwerkt is.'
            : 'We are checking the items and will let you know when your refund is on its way.',
        ],
        facts: [orderFact, { label: w.rma, value: model.rmaId }],
        lines: itemLines(model.items),
      };
    case 'refund_issued':
      return {
        ...base,
        subject: nl ? `Je terugbetaling voor bestelling ${ref}` : `Your refund for order ${ref}`,
        heading: nl ? 'Je terugbetaling is verwerkt' : 'Your refund has been issued',
        paragraphs: [
          w.hello(order.customerName),
          nl
            ? `We hebben ${money(model.amountMinor, model.currency)} terugbetaald. Het kan enkele werkdagen duren voor je het ziet.`
            : `We have refunded ${money(model.amountMinor, model.currency)}. It may take a few working days to show.`,
        ],
        facts: [
          orderFact,
          ...(model.rmaId ? [{ label: w.rma, value: model.rmaId }] : []),
          { label: w.refund, value: money(model.amountMinor, model.currency) },
        ],
      };
  }
}
