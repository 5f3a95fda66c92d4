// The quote API for sales reps (GET/POST /v1/b2b/quotes, sending, the company picker).
import { api, queryString } from '../app/api';
import type { ListSearch } from '../ui/DataTable';

export interface QuoteRow {
  id: string;
  number: string;
  company: string;
  status: string;
  currentVersion: number;
  totalMinor: number;
  currency: string;
  validUntil: string;
}

export interface QuoteLine {
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  priceSource: string;
}

export interface QuoteVersion {
  version: number;
  currency: string;
  lines: QuoteLine[];
  shippingMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  validUntil: string;
  sentAt: string | null;
}

export interface Quote {
  id: string;
  number: string;
  status: string;
  currentVersion: number;
  versions: QuoteVersion[];
}

export async function fetchQuotes(search: ListSearch) {
  const page = await api<{ quotes: QuoteRow[]; nextCursor: string | null }>(
    'GET',
    `/v1/b2b/quotes${queryString({ cursor: search.cursor, limit: 25 })}`,
  );
  return { rows: page.quotes, nextCursor: page.nextCursor };
}

export const fetchCompanies = () =>
  api<{ companies: { id: string; legalName: string }[] }>('GET', '/v1/b2b/companies');

export const fetchQuote = (id: string) => api<Quote>('GET', `/v1/b2b/quotes/${id}`);

export const draftQuote = (body: {
  companyId: string;
  csv: string;
  validUntil: string;
  shippingMinor: number;
}) => api<Quote>('POST', '/v1/b2b/quotes', body);

export const sendQuote = (id: string) =>
  api<{ acceptPath: string }>('POST', `/v1/b2b/quotes/${id}/send`, {});

export const money = (minor: number, currency: string, language: string) =>
  new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 100);
