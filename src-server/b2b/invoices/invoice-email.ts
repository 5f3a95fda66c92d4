// An issued invoice reaches the company by e-mail in the company's language, with the invoice as
// a PDF and as UBL 2.1 XML (Peppol BIS Billing 3.0) attached. Delivered from the outbox
// (invoice.issued) like every notification: once per event and consumer (the dispatcher's
// delivery row, the Message-ID from the event), retried when SMTP fails. Who is mailed: the
// company's billing e-mail address when it has one, else its admins (who run its account,
// billing included), else all its buyers.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { sendNotificationEmail } from '../../notifications/email/compose-email';
import { emailLocale, formatMoney } from '../../notifications/email/email-layout';
import type { Brand, EmailBody, EmailLocale } from '../../notifications/email/email-layout';
import type { Mailer } from '../../notifications/email/mailer';
import { DeliveryFailure } from '../../outbox/consumer';
import type { OutboxConsumer } from '../../outbox/consumer';
import type { InvoiceDocument } from './invoice-document';
import { loadInvoiceDocument } from './invoice-document';
import { renderInvoicePdf } from './invoice-pdf';
import { renderInvoiceUbl } from './invoice-ubl';
import type { SellerConfig } from './seller-config';

const payloadSchema = z.object({ invoiceId: z.string().uuid() });

const WORDS = {
  en: {
    subject: (n: string) => `Invoice ${n}`,
    heading: (n: string, company: string) => `Invoice ${n} for ${company}`,
    intro: (due: string) =>
      `Please find our invoice attached as a PDF and as UBL XML for your accounting system. Please pay by ${due}.`,
    total: 'Total',
    due: 'Due date',
    po: 'Your PO number',
    closing: 'Questions about this invoice? Reply to this e-mail and quote the invoice number.',
  },
  nl: {
    subject: (n: string) => `Factuur ${n}`,
    heading: (n: string, company: string) => `Factuur ${n} voor ${company}`,
    intro: (due: string) =>
      `Bijgevoegd vindt u onze factuur als PDF en als UBL-XML voor uw boekhouding. Graag betalen vóór ${due}.`,
    total: 'Totaal',
    due: 'Vervaldatum',
    po: 'Uw inkoopnummer',
    closing: 'Vragen over deze factuur? Beantwoord deze e-mail en vermeld het factuurnummer.',
  },
  de: {
    subject: (n: string) => `Rechnung ${n}`,
    heading: (n: string, company: string) => `Rechnung ${n} für ${company}`,
    intro: (due: string) =>
      `Anbei erhalten Sie unsere Rechnung als PDF und als UBL-XML für Ihre Buchhaltung. Bitte zahlen Sie bis ${due}.`,
    total: 'Gesamtbetrag',
    due: 'Fällig am',
    po: 'Ihre Bestellnummer',
    closing: 'Fragen zu dieser Rechnung? Antworten Sie auf diese E-Mail mit der Rechnungsnummer.',
  },
  fr: {
    subject: (n: string) => `Facture ${n}`,
    heading: (n: string, company: string) => `Facture ${n} pour ${company}`,
    intro: (due: string) =>
      `Veuillez trouver ci-joint notre facture en PDF et en XML UBL pour votre comptabilité. Merci de la régler avant le ${due}.`,
    total: 'Total',
    due: 'Date d’échéance',
    po: 'Votre numéro de bon de commande',
    closing: 'Une question sur cette facture ? Répondez à cet e-mail en indiquant son numéro.',
  },
} as const;

export function invoiceEmailBody(invoice: InvoiceDocument, locale: EmailLocale): EmailBody {
  const w = WORDS[locale];
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  return {
    subject: w.subject(invoice.number),
    heading: w.heading(invoice.number, invoice.buyer.legalName),
    paragraphs: [w.intro(invoice.dueOn)],
    facts: [
      { label: w.total, value: money(invoice.totalMinor) },
      { label: w.due, value: invoice.dueOn },
      ...(invoice.poNumber ? [{ label: w.po, value: invoice.poNumber }] : []),
    ],
    lines: invoice.lines.map((l) => ({
      name: l.name,
      quantity: l.quantity,
      amount: money(l.netMinor),
    })),
    closing: w.closing,
  };
}

/** Where a company's invoices go: its billing address, else its admins, else all its buyers. */
export async function invoiceRecipients(db: Kysely<Database>, companyId: string) {
  const company = await db
    .selectFrom('b2b_companies')
    .select('billing_email')
    .where('customer_id', '=', companyId)
    .executeTakeFirst();
  if (company?.billing_email) return [company.billing_email];
  const buyers = await db
    .selectFrom('b2b_buyers as b')
    .innerJoin('customer_buyers as cb', 'cb.id', 'b.id')
    .select(['cb.email', 'b.role'])
    .where('b.company_id', '=', companyId)
    .orderBy('cb.email')
    .execute();
  const admins = buyers.filter((b) => b.role === 'company_admin');
  return [...new Set((admins.length > 0 ? admins : buyers).map((b) => b.email))];
}

export function invoiceEmailConsumer(
  db: Kysely<Database>,
  mailer: Mailer,
  options: { brand: Brand; seller: SellerConfig },
): OutboxConsumer {
  const target = [{ consumer: 'invoice-email', subscriptionId: null }];
  return {
    kind: 'invoice-email',
    targets: async () => (type) => (type === 'invoice.issued' ? target : []),
    async deliver(job) {
      const parsed = payloadSchema.safeParse(job.event.payload);
      if (!parsed.success)
        throw new DeliveryFailure(`${job.event.type} payload: ${parsed.error.issues[0]!.message}`, {
          permanent: true,
        });
      const { invoiceId } = parsed.data;
      const invoice = await loadInvoiceDocument(db, invoiceId, options.seller);
      if (!invoice)
        return { outcome: 'skipped', responseExcerpt: `Invoice ${invoiceId} does not exist.` };
      const company = await db
        .selectFrom('b2b_invoices')
        .select('company_id')
        .where('id', '=', invoiceId)
        .executeTakeFirstOrThrow();
      const to = await invoiceRecipients(db, company.company_id);
      if (to.length === 0)
        return {
          outcome: 'skipped',
          responseExcerpt: `${invoice.buyer.legalName} has no buyer to mail.`,
        };
      const locale = emailLocale(invoice.buyer.locale);
      return sendNotificationEmail(mailer, options.brand, job, {
        to,
        locale,
        body: invoiceEmailBody(invoice, locale),
        attachments: [
          {
            filename: `${invoice.number}.pdf`,
            content: Buffer.from(await renderInvoicePdf(invoice)),
            contentType: 'application/pdf',
          },
          {
            filename: `${invoice.number}.xml`,
            content: Buffer.from(renderInvoiceUbl(invoice), 'utf8'),
            contentType: 'application/xml',
          },
        ],
      });
    },
  };
}
