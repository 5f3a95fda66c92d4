// The invoice as an A4 PDF in the company's language (English, Dutch, German or French), drawn with pdf-lib as
// the packing slip is: seller and buyer, the lines with their VAT rate, the VAT per category and
// rate, the totals, the mention of VAT not charged and how to pay. 25 lines a page.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { formatPostalAddress } from '../../../shared/addresses/format-address';
import { formatAddressLines } from '../../../shared/labels/address-format';
import { formatAmount, paginate } from '../../../shared/labels/label-format';
import { toFontCharacters } from '../../../shared/labels/packing-slip-pdf';
import { emailLocale } from '../../notifications/email/email-layout';
import type { VatLine } from '../b2b-schema';
import type { CreditNoteDocument, InvoiceDocument } from './invoice-document';

const A4: [number, number] = [595.28, 841.89];
const LEFT = 50;
const RIGHT = 545;
const ROWS_PER_PAGE = 25;
const PITCH = 15;

const WORDS = {
  en: {
    title: 'Invoice',
    creditTitle: 'Credit note',
    creditNumber: 'Credit note number',
    creditDate: 'Credit note date',
    credits: (invoice: string, date: string) => `Credits invoice ${invoice} of ${date}`,
    reason: 'Reason',
    quoteTitle: 'Quote',
    quoteNumber: 'Quote number',
    quoteDate: 'Quote date',
    validUntil: 'Valid until',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    number: 'Invoice number',
    issued: 'Invoice date',
    due: 'Due date',
    po: 'Your PO',
    order: 'Order',
    seller: 'From',
    buyer: 'Bill to',
    vatNumber: 'VAT number',
    companyId: 'Chamber of Commerce',
    sku: 'SKU',
    item: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    vat: 'VAT',
    amount: 'Amount',
    net: 'Total excl. VAT',
    vatRow: (category: string, rate: string, net: string) => `VAT ${category} ${rate} % on ${net}`,
    total: 'Total',
    pay: (iban: string, number: string) => `Please pay to ${iban}, quoting ${number}.`,
  },
  nl: {
    title: 'Factuur',
    creditTitle: 'Creditnota',
    creditNumber: 'Creditnotanummer',
    creditDate: 'Creditnotadatum',
    credits: (invoice: string, date: string) => `Crediteert factuur ${invoice} van ${date}`,
    reason: 'Reden',
    quoteTitle: 'Offerte',
    quoteNumber: 'Offertenummer',
    quoteDate: 'Offertedatum',
    validUntil: 'Geldig tot',
    page: (n: number, of: number) => `Pagina ${n} van ${of}`,
    number: 'Factuurnummer',
    issued: 'Factuurdatum',
    due: 'Vervaldatum',
    po: 'Uw inkoopnummer',
    order: 'Order',
    seller: 'Van',
    buyer: 'Factuur aan',
    vatNumber: 'Btw-nummer',
    companyId: 'KvK-nummer',
    sku: 'Artikel',
    item: 'Omschrijving',
    quantity: 'Aantal',
    unitPrice: 'Stukprijs',
    vat: 'Btw',
    amount: 'Bedrag',
    net: 'Totaal excl. btw',
    vatRow: (category: string, rate: string, net: string) =>
      `Btw ${category} ${rate} % over ${net}`,
    total: 'Totaal',
    pay: (iban: string, number: string) =>
      `Graag betalen op ${iban} onder vermelding van ${number}.`,
  },
  de: {
    title: 'Rechnung',
    creditTitle: 'Gutschrift',
    creditNumber: 'Gutschriftsnummer',
    creditDate: 'Gutschriftsdatum',
    credits: (invoice: string, date: string) => `Gutschrift zu Rechnung ${invoice} vom ${date}`,
    reason: 'Grund',
    quoteTitle: 'Angebot',
    quoteNumber: 'Angebotsnummer',
    quoteDate: 'Angebotsdatum',
    validUntil: 'Gültig bis',
    page: (n: number, of: number) => `Seite ${n} von ${of}`,
    number: 'Rechnungsnummer',
    issued: 'Rechnungsdatum',
    due: 'Fällig am',
    po: 'Ihre Bestellnummer',
    order: 'Auftrag',
    seller: 'Von',
    buyer: 'Rechnung an',
    vatNumber: 'USt-IdNr.',
    companyId: 'Handelsregister',
    sku: 'Artikelnr.',
    item: 'Beschreibung',
    quantity: 'Menge',
    unitPrice: 'Einzelpreis',
    vat: 'USt.',
    amount: 'Betrag',
    net: 'Summe netto',
    vatRow: (category: string, rate: string, net: string) =>
      `USt. ${category} ${rate} % auf ${net}`,
    total: 'Gesamtbetrag',
    pay: (iban: string, number: string) =>
      `Bitte überweisen Sie auf ${iban} unter Angabe von ${number}.`,
  },
  fr: {
    title: 'Facture',
    creditTitle: 'Avoir',
    creditNumber: "Numéro d'avoir",
    creditDate: "Date de l'avoir",
    credits: (invoice: string, date: string) => `Avoir sur la facture ${invoice} du ${date}`,
    reason: 'Motif',
    quoteTitle: 'Devis',
    quoteNumber: 'Numéro de devis',
    quoteDate: 'Date du devis',
    validUntil: "Valable jusqu'au",
    page: (n: number, of: number) => `Page ${n} sur ${of}`,
    number: 'Numéro de facture',
    issued: 'Date de facture',
    due: "Date d'échéance",
    po: 'Votre bon de commande',
    order: 'Commande',
    seller: 'De',
    buyer: 'Facturé à',
    vatNumber: 'N° de TVA',
    companyId: 'N° SIREN/RCS',
    sku: 'Réf.',
    item: 'Désignation',
    quantity: 'Qté',
    unitPrice: 'Prix unitaire',
    vat: 'TVA',
    amount: 'Montant',
    net: 'Total HT',
    vatRow: (category: string, rate: string, net: string) => `TVA ${category} ${rate} % sur ${net}`,
    total: 'Total TTC',
    pay: (iban: string, number: string) => `Merci de régler sur ${iban} en indiquant ${number}.`,
  },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];

function right(page: PDFPage, font: PDFFont, text: string, x: number, y: number, size = 10) {
  page.drawText(text, { x: x - font.widthOfTextAtSize(text, size), y, size, font });
}

function cut(text: string, font: PDFFont, width: number): string {
  if (font.widthOfTextAtSize(text, 10) <= width) return text;
  let s = text;
  while (s.length > 1 && font.widthOfTextAtSize(`${s}...`, 10) > width) s = s.slice(0, -1);
  return `${s}...`;
}

const vatCategoryOf = (v: VatLine) => v.category ?? (v.reverseCharge ? 'K' : 'S');

/** The credit note, laid out as its invoice: the invoice it credits in place of the due date. */
export function renderCreditNotePdf(note: CreditNoteDocument): Promise<Uint8Array> {
  return renderInvoicePdf(note, 'credit_note');
}

/** The invoice, or (`quote`) a quote laid out alike: its validity in place of the due date. */
export async function renderInvoicePdf(
  invoice: InvoiceDocument | CreditNoteDocument,
  kind: 'invoice' | 'quote' | 'credit_note' = 'invoice',
): Promise<Uint8Array> {
  const locale = emailLocale(invoice.buyer.locale);
  const base: Words = WORDS[locale];
  const words =
    kind === 'invoice'
      ? base
      : kind === 'quote'
        ? {
            ...base,
            title: base.quoteTitle,
            number: base.quoteNumber,
            issued: base.quoteDate,
            due: base.validUntil,
          }
        : {
            ...base,
            title: base.creditTitle,
            number: base.creditNumber,
            issued: base.creditDate,
          };
  const credited = kind === 'credit_note' && 'invoiceNumber' in invoice ? invoice : null;
  const decimal = locale === 'en' ? '.' : ',';
  const money = (minor: number) => formatAmount(minor, invoice.currency, decimal);
  const doc = await PDFDocument.create();
  doc.setTitle(`${words.title} ${invoice.number}`);
  doc.setLanguage(locale);
  doc.setCreationDate(new Date(`${invoice.issuedOn}T00:00:00Z`));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const safe = (text: string) => toFontCharacters(text, supported);
  const text = (page: PDFPage, value: string, x: number, y: number, font = regular, size = 10) =>
    page.drawText(safe(value), { x, y, size, font });

  const { seller, buyer } = invoice;
  const summary = invoice.vat.length + 6;
  const pages = paginate(invoice.lines, ROWS_PER_PAGE);
  if (pages.at(-1)!.length > ROWS_PER_PAGE - summary / 2) pages.push([]);
  pages.forEach((lines, pageIndex) => {
    const page = doc.addPage(A4);
    text(page, words.title, LEFT, 790, bold, 20);
    right(page, regular, words.page(pageIndex + 1, pages.length), RIGHT, 795);
    const facts = [
      `${words.number}: ${invoice.number}`,
      `${words.issued}: ${invoice.issuedOn}`,
      credited
        ? words.credits(credited.invoiceNumber, credited.invoiceIssuedOn)
        : `${words.due}: ${invoice.dueOn}`,
    ];
    facts.forEach((f, i) => text(page, f, LEFT, 765 - i * 13));
    const refs = [
      invoice.poNumber ? `${words.po}: ${invoice.poNumber}` : null,
      `${words.order}: ${invoice.orderReference}`,
    ].filter((r): r is string => r !== null);
    refs.forEach((r, i) => text(page, r, 310, 765 - i * 13));
    const sellerLines = [
      seller.legalName,
      ...formatPostalAddress(
        {
          line1: seller.street,
          postalCode: seller.postalCode,
          city: seller.city,
          country: seller.country,
        },
        { showCountry: true, countryLocale: locale },
      ),
      `${words.vatNumber}: ${seller.vatNumber}`,
      `${words.companyId}: ${seller.companyId}`,
    ];
    const buyerLines = [
      buyer.legalName,
      ...formatAddressLines(
        {
          name: buyer.billingAddress.name,
          street: buyer.billingAddress.line1,
          ...(buyer.billingAddress.line2 ? { street2: buyer.billingAddress.line2 } : {}),
          postalCode: buyer.billingAddress.postalCode,
          city: buyer.billingAddress.city,
          ...(buyer.billingAddress.region ? { region: buyer.billingAddress.region } : {}),
          country: buyer.billingAddress.country,
        },
        seller.country,
      ),
      ...(buyer.vatNumber ? [`${words.vatNumber}: ${buyer.vatNumber}`] : []),
    ];
    text(page, words.seller, LEFT, 715, bold);
    sellerLines.forEach((l, i) => text(page, cut(safe(l), regular, 240), LEFT, 701 - i * 13));
    text(page, words.buyer, 310, 715, bold);
    buyerLines.forEach((l, i) => text(page, cut(safe(l), regular, 235), 310, 701 - i * 13));

    const head = 600;
    text(page, words.sku, LEFT, head, bold);
    text(page, words.item, 140, head, bold);
    right(page, bold, words.quantity, 350, head);
    right(page, bold, words.unitPrice, 420, head);
    right(page, bold, words.vat, 470, head);
    right(page, bold, `${words.amount} (${invoice.currency})`, RIGHT, head);
    page.drawLine({
      start: { x: LEFT, y: head - 6 },
      end: { x: RIGHT, y: head - 6 },
      thickness: 0.8,
      color: rgb(0, 0, 0),
    });
    lines.forEach((line, i) => {
      const y = head - 22 - i * PITCH;
      text(page, cut(safe(line.sku), regular, 85), LEFT, y);
      text(page, cut(safe(line.name), regular, 170), 140, y);
      right(page, regular, String(line.quantity), 350, y);
      right(page, regular, money(line.unitPriceMinor), 420, y);
      right(
        page,
        regular,
        line.vatRatePercent === undefined ? '' : `${line.vatRatePercent} %`,
        470,
        y,
      );
      right(page, regular, money(line.netMinor), RIGHT, y);
    });
    if (pageIndex !== pages.length - 1) return;

    let y = head - 22 - lines.length * PITCH - 10;
    page.drawLine({
      start: { x: 300, y: y + 8 },
      end: { x: RIGHT, y: y + 8 },
      thickness: 0.8,
      color: rgb(0, 0, 0),
    });
    const totals: [string, string, PDFFont][] = [
      [words.net, money(invoice.netMinor), regular],
      ...invoice.vat.map((v): [string, string, PDFFont] => [
        words.vatRow(
          vatCategoryOf(v),
          String(v.ratePercent).replace('.', decimal),
          money(v.netMinor),
        ),
        money(v.taxMinor),
        regular,
      ]),
      [`${words.total} (${invoice.currency})`, money(invoice.totalMinor), bold],
    ];
    for (const [label, value, font] of totals) {
      y -= PITCH;
      right(page, font, safe(label), 440, y);
      right(page, font, value, RIGHT, y);
    }
    y -= 2 * PITCH;
    if (invoice.legalMention) {
      for (const chunk of wrap(safe(invoice.legalMention), regular, RIGHT - LEFT)) {
        text(page, chunk, LEFT, y);
        y -= 13;
      }
      y -= 6;
    }
    if (credited)
      text(page, cut(safe(`${words.reason}: ${credited.reason}`), regular, RIGHT - LEFT), LEFT, y);
    if (seller.iban && kind === 'invoice')
      text(page, words.pay(seller.iban, invoice.number), LEFT, y);
  });
  return doc.save();
}

function wrap(value: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of value.split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if (font.widthOfTextAtSize(next, 10) > width && current !== '') {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current !== '') lines.push(current);
  return lines;
}
