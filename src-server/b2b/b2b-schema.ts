// Kysely typings of the B2B tables (migration 1100-b2b).
import type { ColumnType } from 'kysely';
import type { VatCategory } from '../../shared/tax';
import type { PostalAddress } from '../db/schema';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type DateOnly = ColumnType<string, string, string>;

export const PAYMENT_TERMS_KINDS = ['prepaid', 'net', 'end_of_month', 'at_shipment'] as const;
export type PaymentTermsKind = (typeof PAYMENT_TERMS_KINDS)[number];
export const BUYER_ROLES = ['buyer', 'approver', 'company_admin'] as const;
export type BuyerRole = (typeof BUYER_ROLES)[number];
export type QuoteStatus = 'draft' | 'sent' | 'accepted' | 'expired';

/** One priced line of a quote version; `priceSource` says where its price came from. */
export interface QuoteLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  priceSource: string;
}

export interface InvoiceLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  netMinor: number;
  /** The line's VAT category and rate; absent on invoices issued before the VAT engine. */
  vatCategory?: VatCategory;
  vatRatePercent?: number;
}

/** A credited part of one invoice line: its quantity and net, at the invoice line's VAT rate. */
export type CreditNoteLine = InvoiceLine;

export interface VatLine {
  /** EN 16931 VAT category (UNCL 5305); absent on rows written before the VAT engine. */
  category?: VatCategory;
  ratePercent: number;
  netMinor: number;
  taxMinor: number;
  /** Intra-EU B2B supply: the buyer accounts for the VAT. */
  reverseCharge: boolean;
}

/** What a document's VAT was decided on: a change in any of it can change the VAT. */
export interface VatBasis {
  originCountry: string;
  shipToCountry: string;
  billToCountry: string;
  vatNumber: string | null;
  /** The supply date (YYYY-MM-DD) whose rates applied. */
  supplyDate: string;
}

export interface B2bTables {
  b2b_price_lists: {
    id: string;
    name: string;
    currency: string;
    valid_from: DateOnly | null;
    valid_to: DateOnly | null;
    created_at: CreatedAt;
  };
  b2b_price_breaks: {
    price_list_id: string;
    sku: string;
    min_quantity: number;
    unit_price_minor: number;
  };
  b2b_companies: {
    customer_id: string;
    legal_name: string;
    vat_number: string | null;
    currency: string;
    locale: string;
    billing_address: Json<PostalAddress>;
    shipping_address: Json<PostalAddress>;
    price_list_id: string | null;
    payment_terms_kind: PaymentTermsKind;
    payment_terms_days: number;
    credit_limit_minor: number | null;
    po_required: boolean;
    po_unique: boolean;
    /** Where invoices and reminders go (migration 1122); null: the admins, else the buyers. */
    billing_email: ColumnType<string | null, string | null | undefined, string | null>;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  b2b_buyers: {
    id: string;
    company_id: string;
    role: BuyerRole;
    order_limit_minor: number | null;
  };
  b2b_quotes: {
    id: string;
    number: string;
    company_id: string;
    buyer_id: string | null;
    request: Json<unknown> | null;
    status: QuoteStatus;
    current_version: number;
    accept_token_hash: string | null;
    po_number: string | null;
    accepted_by: string | null;
    order_id: string | null;
    /** The version whose expiry reminder was queued (migration 1111). */
    reminded_version: ColumnType<number | null, number | null | undefined, number | null>;
    created_by: string;
    created_at: CreatedAt;
    updated_at: UpdatedAt;
  };
  b2b_quote_versions: {
    quote_id: string;
    version: number;
    currency: string;
    lines: Json<QuoteLine[]>;
    shipping_minor: number;
    net_minor: number;
    tax_minor: number;
    total_minor: number;
    vat: Json<VatLine[]>;
    /** Null on versions written before migration 1110. */
    vat_basis: ColumnType<VatBasis | null, string | null | undefined, string | null>;
    valid_until: DateOnly;
    notes: string | null;
    sent_at: Date | null;
  };
  b2b_po_numbers: { company_id: string; po_number: string; quote_id: string };
  b2b_approvals: {
    id: string;
    order_id: string;
    company_id: string;
    buyer_id: string | null;
    reason: string;
    status: 'pending' | 'approved' | 'rejected';
    token_hash: string;
    decided_by: string | null;
    decided_at: Date | null;
    created_at: CreatedAt;
  };
  b2b_ledger: {
    id: string;
    company_id: string;
    kind: 'invoice' | 'payment' | 'credit_note';
    amount_minor: number;
    reference: string;
    order_id: string | null;
    recorded_by: string;
    created_at: CreatedAt;
  };
  b2b_invoice_counters: { legal_entity: string; year: number; last_number: number };
  b2b_invoices: {
    id: string;
    number: string;
    legal_entity: string;
    year: number;
    seq: number;
    company_id: string;
    order_id: string;
    fulfillment_id: string;
    po_number: string | null;
    currency: string;
    issued_on: DateOnly;
    due_on: DateOnly;
    lines: Json<InvoiceLine[]>;
    net_minor: number;
    tax_minor: number;
    total_minor: number;
    vat: Json<VatLine[]>;
    /** What credit notes and payments took off the total (migration 1120). */
    credited_minor: ColumnType<number, number | undefined, number>;
    paid_minor: ColumnType<number, number | undefined, number>;
    /** The day its overdue alert was raised (migration 1122). */
    overdue_alerted_on: ColumnType<string | null, string | null | undefined, string | null>;
    created_at: CreatedAt;
  };
  b2b_credit_notes: {
    id: string;
    number: string;
    legal_entity: string;
    year: number;
    seq: number;
    invoice_id: string;
    company_id: string;
    idempotency_key: string;
    reason: string;
    currency: string;
    issued_on: DateOnly;
    lines: Json<CreditNoteLine[]>;
    net_minor: number;
    tax_minor: number;
    total_minor: number;
    vat: Json<VatLine[]>;
    created_by: string;
    created_at: CreatedAt;
  };
  b2b_bank_transactions: {
    id: string;
    transaction_key: string;
    booked_on: DateOnly;
    amount_minor: number;
    currency: string;
    counterparty: string;
    remittance: string;
    invoice_id: string | null;
    matched_by: string | null;
    note: string | null;
    import_file: string;
    imported_by: string;
    created_at: CreatedAt;
  };
  b2b_credit_holds: {
    order_id: string;
    company_id: string;
    amount_minor: number;
    released_at: Date | null;
    created_at: CreatedAt;
  };
}
