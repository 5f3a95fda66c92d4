// An issued invoice with everything its PDF and its UBL show: the invoice row, the buyer company
// with its addresses, the delivery address of the order, and the seller (SELLER_* settings).
import type { Kysely } from 'kysely';
import { LEGAL_MENTIONS } from '../../../shared/tax';
import type { Database, PostalAddress } from '../../db/schema';
import type { InvoiceLine, PaymentTermsKind, VatLine } from '../b2b-schema';
import type { SellerConfig } from './seller-config';

export interface InvoiceDocument {
  number: string;
  issuedOn: string;
  dueOn: string;
  currency: string;
  poNumber: string | null;
  orderReference: string;
  lines: InvoiceLine[];
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  vat: VatLine[];
  /** What the invoice must say about VAT not charged (reverse charge, export); null otherwise. */
  legalMention: string | null;
  paymentTerms: { kind: PaymentTermsKind; days: number };
  buyer: {
    legalName: string;
    vatNumber: string | null;
    email: string | null;
    locale: string;
    billingAddress: PostalAddress;
  };
  deliverTo: PostalAddress;
  seller: SellerConfig;
}

/** A credit note: laid out as its invoice, with its own number, date, lines and amounts. */
export interface CreditNoteDocument extends InvoiceDocument {
  invoiceNumber: string;
  invoiceIssuedOn: string;
  reason: string;
}

export async function loadCreditNoteDocument(
  db: Kysely<Database>,
  creditNoteId: string,
  seller: SellerConfig,
): Promise<CreditNoteDocument | null> {
  const note = await db
    .selectFrom('b2b_credit_notes')
    .selectAll()
    .where('id', '=', creditNoteId)
    .executeTakeFirst();
  if (!note) return null;
  const invoice = await loadInvoiceDocument(db, note.invoice_id, seller);
  if (!invoice) return null;
  return {
    ...invoice,
    number: note.number,
    issuedOn: note.issued_on,
    lines: note.lines,
    netMinor: note.net_minor,
    taxMinor: note.tax_minor,
    totalMinor: note.total_minor,
    vat: note.vat,
    legalMention: legalMentionOf(note.vat),
    invoiceNumber: invoice.number,
    invoiceIssuedOn: invoice.issuedOn,
    reason: note.reason,
  };
}

export async function loadInvoiceDocument(
  db: Kysely<Database>,
  invoiceId: string,
  seller: SellerConfig,
): Promise<InvoiceDocument | null> {
  const row = await db
    .selectFrom('b2b_invoices as i')
    .innerJoin('b2b_companies as c', 'c.customer_id', 'i.company_id')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .select([
      'i.number',
      'i.issued_on',
      'i.due_on',
      'i.currency',
      'i.po_number',
      'i.lines',
      'i.net_minor',
      'i.tax_minor',
      'i.total_minor',
      'i.vat',
      'o.channel_order_ref',
      'o.ship_to',
      'c.customer_id',
      'c.legal_name',
      'c.vat_number',
      'c.locale',
      'c.billing_address',
      'c.payment_terms_kind',
      'c.payment_terms_days',
      'c.billing_email',
    ])
    .where('i.id', '=', invoiceId)
    .executeTakeFirst();
  if (!row) return null;
  const contact = await db
    .selectFrom('b2b_buyers as b')
    .innerJoin('customer_buyers as cb', 'cb.id', 'b.id')
    .select('cb.email')
    .where('b.company_id', '=', row.customer_id)
    .orderBy('cb.email')
    .executeTakeFirst();
  return {
    number: row.number,
    issuedOn: row.issued_on,
    dueOn: row.due_on,
    currency: row.currency,
    poNumber: row.po_number,
    orderReference: row.channel_order_ref,
    lines: row.lines,
    netMinor: row.net_minor,
    taxMinor: row.tax_minor,
    totalMinor: row.total_minor,
    vat: row.vat,
    legalMention: legalMentionOf(row.vat),
    paymentTerms: { kind: row.payment_terms_kind, days: row.payment_terms_days },
    buyer: {
      legalName: row.legal_name,
      vatNumber: row.vat_number,
      email: row.billing_email ?? contact?.email ?? null,
      locale: row.locale,
      billingAddress: row.billing_address,
    },
    deliverTo: row.ship_to,
    seller,
  };
}

/** The mention of the VAT not charged, from the invoice's own categories. */
export function legalMentionOf(vat: readonly VatLine[]): string | null {
  const mentions = [
    vat.some((v) => v.category === 'K' || (v.category === undefined && v.reverseCharge))
      ? LEGAL_MENTIONS.reverse_charge
      : undefined,
    vat.some((v) => v.category === 'G') ? LEGAL_MENTIONS.export : undefined,
  ].filter((m): m is string => m !== undefined);
  return mentions.length === 0 ? null : mentions.join(' ');
}
