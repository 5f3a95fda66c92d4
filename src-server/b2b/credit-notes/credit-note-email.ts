// An issued credit note reaches the company as its invoice did (credit_note.issued from the
// outbox, once per event and consumer, retried when SMTP fails): in the company's language, to
// the invoice's recipients, with the credit note as a PDF and as a UBL 2.1 CreditNote attached.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { sendNotificationEmail } from '../../notifications/email/compose-email';
import { emailLocale, formatMoney } from '../../notifications/email/email-layout';
import type { Brand, EmailBody, EmailLocale } from '../../notifications/email/email-layout';
import type { Mailer } from '../../notifications/email/mailer';
import { DeliveryFailure } from '../../outbox/consumer';
import type { OutboxConsumer } from '../../outbox/consumer';
import type { CreditNoteDocument } from '../invoices/invoice-document';
import { loadCreditNoteDocument } from '../invoices/invoice-document';
import { invoiceRecipients } from '../invoices/invoice-email';
import { renderCreditNotePdf } from '../invoices/invoice-pdf';
import { renderCreditNoteUbl } from '../invoices/invoice-ubl';
import type { SellerConfig } from '../invoices/seller-config';

const payloadSchema = z.object({ creditNoteId: z.string().uuid() });

export const CREDIT_NOTE_WORDS = {
  en: {
    subject: (n: string) => `Credit note ${n}`,
    heading: (n: string, company: string) => `Credit note ${n} for ${company}`,
    intro: (invoice: string) =>
      `We have credited part or all of invoice ${invoice}. The credit note is attached as a PDF and as UBL XML for your accounting system.`,
    total: 'Credited',
    invoice: 'Invoice',
    reason: 'Reason',
    closing: 'Questions about this credit note? Reply to this e-mail and quote its number.',
  },
  nl: {
    subject: (n: string) => `Creditnota ${n}`,
    heading: (n: string, company: string) => `Creditnota ${n} voor ${company}`,
    intro: (invoice: string) =>
      `Wij hebben factuur ${invoice} geheel of gedeeltelijk gecrediteerd. De creditnota is bijgevoegd als PDF en als UBL-XML voor uw boekhouding.`,
    total: 'Gecrediteerd',
    invoice: 'Factuur',
    reason: 'Reden',
    closing: 'Vragen over deze creditnota? Beantwoord deze e-mail en vermeld het nummer.',
  },
  de: {
    subject: (n: string) => `Gutschrift ${n}`,
    heading: (n: string, company: string) => `Gutschrift ${n} für ${company}`,
    intro: (invoice: string) =>
      `Wir haben die Rechnung ${invoice} ganz oder teilweise gutgeschrieben. Die Gutschrift liegt als PDF und als UBL-XML für Ihre Buchhaltung bei.`,
    total: 'Gutgeschrieben',
    invoice: 'Rechnung',
    reason: 'Grund',
    closing: 'Fragen zu dieser Gutschrift? Antworten Sie auf diese E-Mail mit ihrer Nummer.',
  },
  fr: {
    subject: (n: string) => `Avoir ${n}`,
    heading: (n: string, company: string) => `Avoir ${n} pour ${company}`,
    intro: (invoice: string) =>
      `Nous avons crédité tout ou partie de la facture ${invoice}. L’avoir est joint en PDF et en XML UBL pour votre comptabilité.`,
    total: 'Montant crédité',
    invoice: 'Facture',
    reason: 'Motif',
    closing: 'Une question sur cet avoir ? Répondez à cet e-mail en indiquant son numéro.',
  },
} as const;

export function creditNoteEmailBody(note: CreditNoteDocument, locale: EmailLocale): EmailBody {
  const w = CREDIT_NOTE_WORDS[locale];
  const money = (minor: number) => formatMoney(minor, note.currency, locale);
  return {
    subject: w.subject(note.number),
    heading: w.heading(note.number, note.buyer.legalName),
    paragraphs: [w.intro(note.invoiceNumber)],
    facts: [
      { label: w.total, value: money(note.totalMinor) },
      { label: w.invoice, value: note.invoiceNumber },
      { label: w.reason, value: note.reason },
    ],
    lines: note.lines.map((l) => ({
      name: l.name,
      quantity: l.quantity,
      amount: money(l.netMinor),
    })),
    closing: w.closing,
  };
}

export function creditNoteEmailConsumer(
  db: Kysely<Database>,
  mailer: Mailer,
  options: { brand: Brand; seller: SellerConfig },
): OutboxConsumer {
  const target = [{ consumer: 'credit-note-email', subscriptionId: null }];
  return {
    kind: 'credit-note-email',
    targets: async () => (type) => (type === 'credit_note.issued' ? target : []),
    async deliver(job) {
      const parsed = payloadSchema.safeParse(job.event.payload);
      if (!parsed.success)
        throw new DeliveryFailure(`${job.event.type} payload: ${parsed.error.issues[0]!.message}`, {
          permanent: true,
        });
      const { creditNoteId } = parsed.data;
      const note = await loadCreditNoteDocument(db, creditNoteId, options.seller);
      if (!note)
        return {
          outcome: 'skipped',
          responseExcerpt: `Credit note ${creditNoteId} does not exist.`,
        };
      const { company_id: companyId } = await db
        .selectFrom('b2b_credit_notes')
        .select('company_id')
        .where('id', '=', creditNoteId)
        .executeTakeFirstOrThrow();
      const to = await invoiceRecipients(db, companyId);
      if (to.length === 0)
        return {
          outcome: 'skipped',
          responseExcerpt: `${note.buyer.legalName} has no one to mail.`,
        };
      const locale = emailLocale(note.buyer.locale);
      return sendNotificationEmail(mailer, options.brand, job, {
        to,
        locale,
        body: creditNoteEmailBody(note, locale),
        attachments: [
          {
            filename: `${note.number}.pdf`,
            content: Buffer.from(await renderCreditNotePdf(note)),
            contentType: 'application/pdf',
          },
          {
            filename: `${note.number}.xml`,
            content: Buffer.from(renderCreditNoteUbl(note), 'utf8'),
            contentType: 'application/xml',
          },
        ],
      });
    },
  };
}
