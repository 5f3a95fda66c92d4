// Every word a customer email says, per language. A function takes what it interpolates; the
// completeness test (test/unit/i18n-completeness.test.ts) holds the four languages to the same words.
import type { VatMention } from '../../../shared/tax';
import { LEGAL_MENTION_WORDS } from '../../../shared/tax';
import { de } from './email-words-de';
import { fr } from './email-words-fr';

export const EMAIL_LOCALES = ['en', 'nl', 'de', 'fr'] as const;
export type EmailLocale = (typeof EMAIL_LOCALES)[number];

export interface CustomerEmailWords {
  hello(name: string): string;
  closing: string;
  order: string;
  subtotal: string;
  discount: string;
  shipping: string;
  tax(rate: string | null): string;
  taxIncluded(rate: string | null): string;
  total: string;
  carrier: string;
  tracking: string;
  promised: string;
  rma: string;
  refund: string;
  /** The label of one rate's line in the VAT breakdown. */
  breakdown(rate: string): string;
  /** The legal mention of a sale without VAT (reverse charge, export). */
  mention: Record<VatMention, string>;
  orderConfirmation: { subject(ref: string): string; heading: string; received: string };
  shipped: { subject(ref: string): string; heading: string; shippedWith(carrier: string): string };
  delayed: { subject(ref: string): string; heading: string; backordered: string; late: string };
  returnAuthorized: {
    subject(rmaId: string): string;
    heading: string;
    printLabel: string;
    writeNumber: string;
  };
  returnReceived: { subject(rmaId: string): string; heading: string; checking: string };
  refundIssued: { subject(ref: string): string; heading: string; refunded(amount: string): string };
  /** What the carrier's tracking tells the customer: today, delivered, not delivered. */
  parcelTracking: Record<
    'outForDelivery' | 'delivered' | 'deliveryFailed',
    { subject(ref: string): string; heading: string; body(carrier: string): string }
  >;
}

const en: CustomerEmailWords = {
  hello: (name) => `Dear ${name},`,
  closing: 'Kind regards,',
  order: 'Order',
  subtotal: 'Subtotal',
  discount: 'Discount',
  shipping: 'Shipping',
  tax: (rate) => (rate ? `VAT ${rate}` : 'VAT'),
  taxIncluded: (rate) => (rate ? `Including VAT ${rate}` : 'Including VAT'),
  total: 'Total',
  carrier: 'Carrier',
  tracking: 'Track your parcel',
  promised: 'Expected delivery',
  rma: 'Return number',
  refund: 'Refunded',
  breakdown: (rate) => `Net + VAT ${rate} = gross`,
  mention: LEGAL_MENTION_WORDS.en,
  orderConfirmation: {
    subject: (ref) => `Your order ${ref} is confirmed`,
    heading: 'Thank you for your order!',
    received: 'We have received your order and are getting it ready.',
  },
  shipped: {
    subject: (ref) => `Your order ${ref} has shipped`,
    heading: 'Your parcel is on its way',
    shippedWith: (carrier) => `Your order has been shipped with ${carrier}.`,
  },
  delayed: {
    subject: (ref) => `Your order ${ref} is delayed`,
    heading: 'Your order is taking a little longer',
    backordered:
      'Part of your order is temporarily out of stock. We will send it as soon as it arrives.',
    late: 'Your order has not shipped yet and will arrive later than promised. We are sorry and are on it.',
  },
  returnAuthorized: {
    subject: (rmaId) => `Your return ${rmaId} is approved`,
    heading: 'Your return is approved',
    printLabel:
      'Print the return label attached, stick it on the parcel and hand it to the carrier.',
    writeNumber: 'Write the return number on the parcel.',
  },
  returnReceived: {
    subject: (rmaId) => `We received your return ${rmaId}`,
    heading: 'Your return has arrived',
    checking: 'We are checking the items and will let you know when your refund is on its way.',
  },
  parcelTracking: {
    outForDelivery: {
      subject: (ref) => `Your order ${ref} is out for delivery today`,
      heading: 'Out for delivery',
      body: (carrier) => `${carrier} is delivering your parcel today.`,
    },
    delivered: {
      subject: (ref) => `Your order ${ref} has been delivered`,
      heading: 'Delivered',
      body: (carrier) => `${carrier} has delivered your parcel. We hope you enjoy it.`,
    },
    deliveryFailed: {
      subject: (ref) => `We could not deliver your order ${ref}`,
      heading: 'Delivery failed',
      body: (carrier) =>
        `${carrier} could not deliver your parcel. Follow the tracking link to see what happens next, or to choose another moment or place.`,
    },
  },
  refundIssued: {
    subject: (ref) => `Your refund for order ${ref}`,
    heading: 'Your refund has been issued',
    refunded: (amount) => `We have refunded ${amount}. It may take a few working days to show.`,
  },
};

const nl: CustomerEmailWords = {
  hello: (name) => `Beste ${name},`,
  closing: 'Met vriendelijke groet,',
  order: 'Bestelling',
  subtotal: 'Subtotaal',
  discount: 'Korting',
  shipping: 'Verzending',
  tax: (rate) => (rate ? `Btw ${rate}` : 'Btw'),
  taxIncluded: (rate) => (rate ? `Inclusief btw ${rate}` : 'Inclusief btw'),
  total: 'Totaal',
  carrier: 'Vervoerder',
  tracking: 'Volg je pakket',
  promised: 'Verwachte levering',
  rma: 'Retournummer',
  refund: 'Terugbetaald',
  breakdown: (rate) => `Netto + btw ${rate} = bruto`,
  mention: LEGAL_MENTION_WORDS.nl,
  orderConfirmation: {
    subject: (ref) => `Bevestiging van je bestelling ${ref}`,
    heading: 'Bedankt voor je bestelling!',
    received: 'We hebben je bestelling ontvangen en gaan ermee aan de slag.',
  },
  shipped: {
    subject: (ref) => `Je bestelling ${ref} is verzonden`,
    heading: 'Je pakket is onderweg',
    shippedWith: (carrier) => `Je bestelling is verzonden met ${carrier}.`,
  },
  delayed: {
    subject: (ref) => `Vertraging in je bestelling ${ref}`,
    heading: 'Je bestelling duurt wat langer',
    backordered:
      'Een deel van je bestelling is tijdelijk niet op voorraad. We sturen het zodra het binnen is.',
    late: 'Je bestelling is nog niet verzonden en komt later dan beloofd. Onze excuses; we doen ons best.',
  },
  returnAuthorized: {
    subject: (rmaId) => `Je retour ${rmaId} is goedgekeurd`,
    heading: 'Je retour is goedgekeurd',
    printLabel:
      'Print het retourlabel in de bijlage, plak het op het pakket en geef het af bij de vervoerder.',
    writeNumber: 'Vermeld het retournummer op het pakket.',
  },
  returnReceived: {
    subject: (rmaId) => `We hebben je retour ${rmaId} ontvangen`,
    heading: 'Je retour is binnen',
    checking: 'We controleren de artikelen en laten je weten wanneer je terugbetaling verwerkt is.',
  },
  parcelTracking: {
    outForDelivery: {
      subject: (ref) => `Je bestelling ${ref} wordt vandaag bezorgd`,
      heading: 'Vandaag bezorgd',
      body: (carrier) => `${carrier} bezorgt je pakket vandaag.`,
    },
    delivered: {
      subject: (ref) => `Je bestelling ${ref} is bezorgd`,
      heading: 'Bezorgd',
      body: (carrier) => `${carrier} heeft je pakket bezorgd. Veel plezier ermee.`,
    },
    deliveryFailed: {
      subject: (ref) => `Je bestelling ${ref} kon niet worden bezorgd`,
      heading: 'Bezorging mislukt',
      body: (carrier) =>
        `${carrier} kon je pakket niet bezorgen. Volg de track-and-tracelink om te zien wat er nu gebeurt, of kies een ander moment of adres.`,
    },
  },
  refundIssued: {
    subject: (ref) => `Je terugbetaling voor bestelling ${ref}`,
    heading: 'Je terugbetaling is verwerkt',
    refunded: (amount) =>
      `We hebben ${amount} terugbetaald. Het kan enkele werkdagen duren voor je het ziet.`,
  },
};

export const EMAIL_WORDS: Record<EmailLocale, CustomerEmailWords> = { en, nl, de, fr };
