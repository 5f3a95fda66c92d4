// A sent purchase order reaches its supplier by e-mail, in the supplier's language (English,
// Dutch, German or French: purchase-order-words.ts), with the order as a PDF attached; delivered
// from the outbox like every notification.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { z } from 'zod';
import { DeliveryFailure } from '../outbox/consumer';
import type { DispatchedEvent, OutboxConsumer } from '../outbox/consumer';
import { sendNotificationEmail } from '../notifications/email/compose-email';
import { formatMoney as formatPlainMoney } from '../../shared/labels/label-format';
import {
  emailLocale,
  formatMoney,
  type Brand,
  type EmailBody,
  type EmailLocale,
} from '../notifications/email/email-layout';
import type { Mailer } from '../notifications/email/mailer';
import { PURCHASE_ORDER_WORDS } from './purchase-order-words';

export const purchaseOrderSentSchema = z.object({
  purchaseOrderId: z.string(),
  number: z.string(),
  supplierName: z.string(),
  supplierEmail: z.string().nullable(),
  supplierLocale: z.string(),
  warehouseCode: z.string(),
  expectedDate: z.string().nullable(),
  currency: z.string(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number(), unitCostMinor: z.number() })),
});
export type PurchaseOrderSent = z.infer<typeof purchaseOrderSentSchema>;

// In the e-mail the reader's own money format; in the PDF (WinAnsi standard fonts, which lack the
// narrow spaces Intl writes) "12,50 EUR" with the language's decimal separator. Both with the
// currency's own minor unit (JPY none, KWD three).
const money = (minor: number, currency: string, locale: EmailLocale) =>
  formatMoney(minor, currency, locale);
const pdfMoney = (minor: number, currency: string, locale: EmailLocale) =>
  formatPlainMoney(minor, currency, locale === 'en' ? '.' : ',');

export function purchaseOrderEmailBody(po: PurchaseOrderSent, locale: EmailLocale): EmailBody {
  const w = PURCHASE_ORDER_WORDS[locale];
  const total = po.lines.reduce((s, l) => s + l.quantity * l.unitCostMinor, 0);
  return {
    subject: w.subject(po.number),
    heading: w.heading(po.number, po.supplierName),
    paragraphs: [
      w.deliver(po.warehouseCode, po.expectedDate ? w.deliverBy(po.expectedDate) : '', po.number),
    ],
    facts: [{ label: w.total, value: money(total, po.currency, locale) }],
    lines: po.lines.map((l) => ({
      name: l.sku,
      quantity: l.quantity,
      amount: money(l.unitCostMinor, po.currency, locale),
    })),
    closing: w.attached,
  };
}

export async function purchaseOrderPdf(
  po: PurchaseOrderSent,
  locale: EmailLocale,
): Promise<Buffer> {
  const w = PURCHASE_ORDER_WORDS[locale].pdf;
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let y = 790;
  const line = (text: string, size = 11, f = font) => {
    page.drawText(text, { x: 50, y, size, font: f });
    y -= size + 8;
  };
  line(w.title(po.number), 18, bold);
  line(`${w.supplier}: ${po.supplierName}`);
  line(`${w.deliverTo}: ${po.warehouseCode}${po.expectedDate ? ` (${po.expectedDate})` : ''}`);
  y -= 10;
  line(w.columns, 11, bold);
  for (const l of po.lines)
    line(`${l.sku}   ${l.quantity}   ${pdfMoney(l.unitCostMinor, po.currency, locale)}`);
  return Buffer.from(await doc.save());
}

function parse(event: DispatchedEvent): PurchaseOrderSent {
  const parsed = purchaseOrderSentSchema.safeParse(event.payload);
  if (!parsed.success)
    throw new DeliveryFailure(`${event.type} payload: ${parsed.error.issues[0]!.message}`, {
      permanent: true,
    });
  return parsed.data;
}

export function purchaseOrderEmailConsumer(
  mailer: Mailer,
  brand: Brand,
  purchasingEmails: string[],
): OutboxConsumer {
  const target = [{ consumer: 'purchase-order-email', subscriptionId: null }];
  return {
    kind: 'purchase-order-email',
    targets: async () => (type) => (type === 'purchase_order.sent' ? target : []),
    async deliver(job) {
      const po = parse(job.event);
      if (!po.supplierEmail)
        return {
          outcome: 'skipped',
          responseExcerpt: `Supplier of ${po.number} has no e-mail address.`,
        };
      const locale = emailLocale(po.supplierLocale);
      return sendNotificationEmail(mailer, brand, job, {
        to: [po.supplierEmail, ...purchasingEmails],
        locale,
        body: purchaseOrderEmailBody(po, locale),
        attachments: [
          {
            filename: `${po.number}.pdf`,
            content: await purchaseOrderPdf(po, locale),
            contentType: 'application/pdf',
          },
        ],
      });
    },
  };
}
