// A sent quote reaches the buyer by e-mail in the company's language, with the quote as a PDF and
// the signed link to accept it; a reminder before it expires says the same again. Delivered from
// the outbox (quote.sent, quote.expiry_reminder) like every notification: a quote revised or
// accepted since the event is not mailed about any more.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { sendNotificationEmail } from '../../notifications/email/compose-email';
import { emailLocale, formatMoney } from '../../notifications/email/email-layout';
import type { Brand, EmailBody, EmailLocale } from '../../notifications/email/email-layout';
import type { Mailer } from '../../notifications/email/mailer';
import { DeliveryFailure } from '../../outbox/consumer';
import type { OutboxConsumer } from '../../outbox/consumer';
import { legalMentionOf } from '../invoices/invoice-document';
import type { InvoiceDocument } from '../invoices/invoice-document';
import { renderInvoicePdf } from '../invoices/invoice-pdf';
import type { SellerConfig } from '../invoices/seller-config';
import { quoteAcceptToken, quoteLinkUrl } from './quote-links';
import type { QuoteLinkSettings } from './quote-links';

const payloadSchema = z.object({ quoteId: z.string(), version: z.number().int() });

const WORDS = {
  en: {
    subject: (n: string, reminder: boolean) =>
      reminder ? `Reminder: quote ${n} expires soon` : `Your quote ${n}`,
    heading: (n: string, company: string) => `Quote ${n} for ${company}`,
    intro: (validUntil: string) =>
      `Please find our quote attached as a PDF. It is valid until ${validUntil}.`,
    reminder: (validUntil: string) =>
      `Our quote is still open and expires on ${validUntil}. Accept it before then to order at the quoted prices.`,
    accept: (url: string) => `Accept the quote (with your PO number if you have one): ${url}`,
    total: 'Total',
    shipping: 'Shipping',
    validUntil: 'Valid until',
    closing: 'The link works once per quote version and until the quote expires.',
  },
  nl: {
    subject: (n: string, reminder: boolean) =>
      reminder ? `Herinnering: offerte ${n} verloopt binnenkort` : `Uw offerte ${n}`,
    heading: (n: string, company: string) => `Offerte ${n} voor ${company}`,
    intro: (validUntil: string) =>
      `Bijgevoegd vindt u onze offerte als PDF. Deze is geldig tot en met ${validUntil}.`,
    reminder: (validUntil: string) =>
      `Onze offerte staat nog open en verloopt op ${validUntil}. Accepteer haar vóór die datum om tegen de geoffreerde prijzen te bestellen.`,
    accept: (url: string) => `Offerte accepteren (met uw inkoopnummer als u dat hebt): ${url}`,
    total: 'Totaal',
    shipping: 'Verzending',
    validUntil: 'Geldig tot',
    closing: 'De link werkt eenmaal per offerteversie en tot de offerte verloopt.',
  },
  de: {
    subject: (n: string, reminder: boolean) =>
      reminder ? `Erinnerung: Angebot ${n} läuft bald ab` : `Ihr Angebot ${n}`,
    heading: (n: string, company: string) => `Angebot ${n} für ${company}`,
    intro: (validUntil: string) =>
      `Anbei erhalten Sie unser Angebot als PDF. Es ist gültig bis ${validUntil}.`,
    reminder: (validUntil: string) =>
      `Unser Angebot ist noch offen und läuft am ${validUntil} ab. Nehmen Sie es bis dahin an, um zu den angebotenen Preisen zu bestellen.`,
    accept: (url: string) => `Angebot annehmen (mit Ihrer Bestellnummer, falls vorhanden): ${url}`,
    total: 'Gesamtbetrag',
    shipping: 'Versand',
    validUntil: 'Gültig bis',
    closing: 'Der Link funktioniert einmal je Angebotsversion und bis zum Ablauf des Angebots.',
  },
  fr: {
    subject: (n: string, reminder: boolean) =>
      reminder ? `Rappel : le devis ${n} expire bientôt` : `Votre devis ${n}`,
    heading: (n: string, company: string) => `Devis ${n} pour ${company}`,
    intro: (validUntil: string) =>
      `Veuillez trouver ci-joint notre devis en PDF. Il est valable jusqu’au ${validUntil}.`,
    reminder: (validUntil: string) =>
      `Notre devis est toujours ouvert et expire le ${validUntil}. Acceptez-le d’ici là pour commander aux prix indiqués.`,
    accept: (url: string) =>
      `Accepter le devis (avec votre numéro de bon de commande si vous en avez un) : ${url}`,
    total: 'Total',
    shipping: 'Livraison',
    validUntil: 'Valable jusqu’au',
    closing: 'Le lien fonctionne une fois par version du devis et jusqu’à son expiration.',
  },
} as const;

export interface QuoteMail {
  number: string;
  company: string;
  currency: string;
  totalMinor: number;
  validUntil: string;
  acceptUrl: string;
  lines: { name: string; quantity: number; amountMinor: number }[];
}

export function quoteEmailBody(
  quote: QuoteMail,
  locale: EmailLocale,
  reminder: boolean,
): EmailBody {
  const w = WORDS[locale];
  return {
    subject: w.subject(quote.number, reminder),
    heading: w.heading(quote.number, quote.company),
    paragraphs: [
      reminder ? w.reminder(quote.validUntil) : w.intro(quote.validUntil),
      w.accept(quote.acceptUrl),
    ],
    facts: [
      { label: w.total, value: formatMoney(quote.totalMinor, quote.currency, locale) },
      { label: w.validUntil, value: quote.validUntil },
    ],
    lines: quote.lines.map((l) => ({
      name: l.name,
      quantity: l.quantity,
      amount: formatMoney(l.amountMinor, quote.currency, locale),
    })),
    closing: w.closing,
  };
}

export function quoteEmailConsumer(
  db: Kysely<Database>,
  mailer: Mailer,
  options: { brand: Brand; links: QuoteLinkSettings; seller: SellerConfig },
): OutboxConsumer {
  const target = [{ consumer: 'quote-email', subscriptionId: null }];
  return {
    kind: 'quote-email',
    targets: async () => (type) =>
      type === 'quote.sent' || type === 'quote.expiry_reminder' ? target : [],
    async deliver(job) {
      const parsed = payloadSchema.safeParse(job.event.payload);
      if (!parsed.success)
        throw new DeliveryFailure(`${job.event.type} payload: ${parsed.error.issues[0]!.message}`, {
          permanent: true,
        });
      const { quoteId, version } = parsed.data;
      const row = await db
        .selectFrom('b2b_quotes as q')
        .innerJoin('b2b_companies as c', 'c.customer_id', 'q.company_id')
        .innerJoin('b2b_quote_versions as v', (j) =>
          j.onRef('v.quote_id', '=', 'q.id').on('v.version', '=', version),
        )
        .select([
          'q.id',
          'q.number',
          'q.status',
          'q.current_version',
          'q.buyer_id',
          'q.company_id',
          'c.legal_name',
          'c.vat_number',
          'c.locale',
          'c.billing_address',
          'c.shipping_address',
          'c.payment_terms_kind',
          'c.payment_terms_days',
          'v.currency',
          'v.lines',
          'v.shipping_minor',
          'v.net_minor',
          'v.tax_minor',
          'v.total_minor',
          'v.vat',
          'v.valid_until',
          'v.sent_at',
        ])
        .where('q.id', '=', quoteId)
        .executeTakeFirst();
      if (!row || row.status !== 'sent' || row.current_version !== version)
        return {
          outcome: 'skipped',
          responseExcerpt: `Quote ${row?.number ?? quoteId} version ${version} is no longer open.`,
        };
      const buyers = await db
        .selectFrom('b2b_buyers as b')
        .innerJoin('customer_buyers as cb', 'cb.id', 'b.id')
        .select('cb.email')
        .where('b.company_id', '=', row.company_id)
        .$if(row.buyer_id !== null, (q) => q.where('b.id', '=', row.buyer_id!))
        .orderBy('cb.email')
        .execute();
      const to = [...new Set(buyers.map((b) => b.email))];
      if (to.length === 0)
        return { outcome: 'skipped', responseExcerpt: `${row.legal_name} has no buyer to mail.` };
      const locale = emailLocale(row.locale);
      const token = quoteAcceptToken(options.links.secret, {
        id: row.id,
        version,
        validUntil: row.valid_until,
      });
      const lines = row.lines.map((l) => ({
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
        netMinor: l.unitPriceMinor * l.quantity - l.discountMinor,
      }));
      if (row.shipping_minor > 0)
        lines.push({
          sku: 'SHIPPING',
          name: WORDS[locale].shipping,
          quantity: 1,
          unitPriceMinor: row.shipping_minor,
          netMinor: row.shipping_minor,
        });
      const document: InvoiceDocument = {
        number: row.number,
        issuedOn: (row.sent_at ? new Date(row.sent_at) : new Date()).toISOString().slice(0, 10),
        dueOn: row.valid_until,
        currency: row.currency,
        poNumber: null,
        orderReference: row.number,
        lines,
        netMinor: row.net_minor,
        taxMinor: row.tax_minor,
        totalMinor: row.total_minor,
        vat: row.vat,
        legalMention: legalMentionOf(row.vat),
        paymentTerms: { kind: row.payment_terms_kind, days: row.payment_terms_days },
        buyer: {
          legalName: row.legal_name,
          vatNumber: row.vat_number,
          email: to[0]!,
          locale: row.locale,
          billingAddress: row.billing_address,
        },
        deliverTo: row.shipping_address,
        seller: options.seller,
      };
      const mail: QuoteMail = {
        number: row.number,
        company: row.legal_name,
        currency: row.currency,
        totalMinor: row.total_minor,
        validUntil: row.valid_until,
        acceptUrl: quoteLinkUrl(options.links.baseUrl, token),
        lines: lines.map((l) => ({ name: l.name, quantity: l.quantity, amountMinor: l.netMinor })),
      };
      return sendNotificationEmail(mailer, options.brand, job, {
        to,
        locale,
        body: quoteEmailBody(mail, locale, job.event.type === 'quote.expiry_reminder'),
        attachments: [
          {
            filename: `${row.number}.pdf`,
            content: Buffer.from(await renderInvoicePdf(document, 'quote')),
            contentType: 'application/pdf',
          },
        ],
      });
    },
  };
}
