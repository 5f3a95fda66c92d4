// The invoice API for finance: invoices with what is open, credit notes, bank statement import
// and matching payments by hand.
import { api, queryString } from '../app/api';
import type { ListSearch } from '../ui/DataTable';

export interface InvoiceRow {
  id: string;
  number: string;
  company: string;
  currency: string;
  issuedOn: string;
  dueOn: string;
  totalMinor: number;
  openMinor: number;
  status: 'open' | 'overdue' | 'paid' | 'credited';
}

export interface InvoiceLine {
  sku: string;
  name: string;
  quantity: number;
  netMinor: number;
}

export interface Invoice extends InvoiceRow {
  creditedMinor: number;
  paidMinor: number;
  lines: InvoiceLine[];
  creditNotes: {
    id: string;
    number: string;
    issuedOn: string;
    reason: string;
    totalMinor: number;
  }[];
  payments: { id: string; bookedOn: string; amountMinor: number; counterparty: string }[];
}

export interface UnmatchedPayment {
  id: string;
  bookedOn: string;
  amountMinor: number;
  currency: string;
  counterparty: string;
  remittance: string;
  note: string | null;
}

export async function fetchInvoices(search: ListSearch) {
  const page = await api<{ invoices: InvoiceRow[]; nextCursor: string | null }>(
    'GET',
    `/v1/b2b/invoices${queryString({ cursor: search.cursor, limit: 25 })}`,
  );
  return { rows: page.invoices, nextCursor: page.nextCursor };
}

export const fetchOpenInvoices = () =>
  api<{ invoices: InvoiceRow[] }>('GET', '/v1/b2b/invoices?open=true&limit=200');

export const fetchInvoice = (id: string) => api<Invoice>('GET', `/v1/b2b/invoices/${id}`);

export const creditInvoice = (
  id: string,
  idempotencyKey: string,
  body: { reason: string; lines?: { sku: string; quantity: number }[] },
) =>
  api<{ id: string; number: string }>('POST', `/v1/b2b/invoices/${id}/credit-notes`, body, {
    'idempotency-key': idempotencyKey,
  });

export const importStatement = (body: {
  fileName: string;
  format: 'csv' | 'camt053';
  content: string;
}) =>
  api<{
    imported: number;
    duplicates: number;
    matched: { invoiceNumber: string }[];
    unmatched: UnmatchedPayment[];
  }>('POST', '/v1/b2b/bank-statements', body);

export const fetchUnmatched = () =>
  api<{ payments: UnmatchedPayment[] }>('GET', '/v1/b2b/bank-transactions/unmatched');

export const matchPayment = (transactionId: string, invoiceId: string) =>
  api<{ invoiceNumber: string; openMinor: number }>(
    'POST',
    `/v1/b2b/bank-transactions/${transactionId}/match`,
    { invoiceId },
  );

export const money = (minor: number, currency: string, language: string) =>
  new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 100);
