// One layout for every email: the retailer's name and logo on top, a heading, paragraphs, a table
// of facts, order lines, a closing. Rendered as simple inline-styled HTML and as plain text.

import { isCurrencyCode, minorUnitDigits } from '../../../shared/money/currencies';
import { EMAIL_LOCALES, type EmailLocale } from './email-words';

export type { EmailLocale };

/** The Intl locale each email language formats money, numbers and dates in. */
export const INTL_LOCALE: Record<EmailLocale, string> = {
  en: 'en-GB',
  nl: 'nl-NL',
  de: 'de-DE',
  fr: 'fr-FR',
};

export interface Brand {
  retailerName: string;
  logoUrl?: string | undefined;
}

export interface EmailFact {
  label: string;
  value: string;
  href?: string | undefined;
}

export interface EmailLine {
  name: string;
  quantity: number;
  amount?: string | undefined;
}

export interface EmailBody {
  subject: string;
  heading: string;
  paragraphs: string[];
  facts?: EmailFact[] | undefined;
  lines?: EmailLine[] | undefined;
  closing: string;
}

/** Customers.locale holds e.g. `nl`, `nl-BE`, `de-AT`, `en`; a language we do not write gets English. */
export const emailLocale = (raw: string | null | undefined): EmailLocale =>
  EMAIL_LOCALES.find((l) => raw?.toLowerCase().startsWith(l)) ?? 'en';

/** Text safe inside HTML (element content and quoted attributes). */
export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

// Building an Intl.NumberFormat costs far more than formatting with one: one per locale and currency.
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** The digits after the decimal point of `currency`'s ISO 4217 minor unit (2 for an unknown code). */
const currencyDigits = (currency: string) =>
  isCurrencyCode(currency) ? minorUnitDigits(currency) : 2;

/**
 * An amount in minor units of `currency` in the reader's locale, with the currency's own minor unit
 * from ISO 4217: JPY 1234 → "¥1,234", KWD 1234 → "KWD 1.234", EUR 1234 → "€12.34". (Intl follows
 * CLDR, which shows fewer digits than ISO 4217 for some currencies, e.g. IQD; we show them all.)
 */
export function formatMoney(amountMinor: number, currency: string, locale: EmailLocale): string {
  const digits = currencyDigits(currency);
  const key = `${locale} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, format);
  }
  return format.format(amountMinor / 10 ** digits);
}

/** 21 → "21%", 5.5 → "5.5%" (en), "5,5%" (nl), "5,5 %" (de, fr). */
export function formatPercent(percent: number, locale: EmailLocale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'percent',
    maximumFractionDigits: 4,
  }).format(percent / 100);
}

/** A calendar date ("2026-12-24") as the customer writes it: "24 December 2026", "24. Dezember 2026". */
export function formatDate(isoDate: string, locale: EmailLocale): string {
  const day = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return isoDate;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(day);
}

export function renderEmail(
  brand: Brand,
  locale: EmailLocale,
  body: EmailBody,
): { html: string; text: string } {
  const text = [
    brand.retailerName,
    '',
    body.heading,
    '',
    ...body.paragraphs.flatMap((p) => [p, '']),
    ...(body.facts ?? []).map(
      (f) => `${f.label}: ${f.value}${f.href && f.href !== f.value ? ` (${f.href})` : ''}`,
    ),
    ...(body.facts?.length ? [''] : []),
    ...(body.lines ?? []).map((l) => `${l.quantity} × ${l.name}${l.amount ? `  ${l.amount}` : ''}`),
    ...(body.lines?.length ? [''] : []),
    body.closing,
    brand.retailerName,
  ].join('\n');

  const cell = 'padding:4px 8px;border-bottom:1px solid #eee;';
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.retailerName)}" style="max-height:48px;">`
    : `<strong style="font-size:20px;">${escapeHtml(brand.retailerName)}</strong>`;
  const facts = body.facts?.length
    ? `<table style="border-collapse:collapse;margin:12px 0;">${body.facts
        .map((f) => {
          const value = f.href
            ? `<a href="${escapeHtml(f.href)}">${escapeHtml(f.value)}</a>`
            : escapeHtml(f.value);
          return `<tr><th style="${cell}text-align:left;">${escapeHtml(f.label)}</th><td style="${cell}">${value}</td></tr>`;
        })
        .join('')}</table>`
    : '';
  const lines = body.lines?.length
    ? `<table style="border-collapse:collapse;margin:12px 0;width:100%;">${body.lines
        .map(
          (l) =>
            `<tr><td style="${cell}">${l.quantity} ×</td><td style="${cell}">${escapeHtml(l.name)}</td><td style="${cell}text-align:right;">${escapeHtml(l.amount ?? '')}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(body.subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#222;max-width:600px;margin:0 auto;padding:16px;">
<div style="margin-bottom:16px;">${logo}</div>
<h1 style="font-size:20px;">${escapeHtml(body.heading)}</h1>
${body.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${facts}${lines}
<p>${escapeHtml(body.closing)}<br>${escapeHtml(brand.retailerName)}</p>
</body></html>`;
  return { html, text };
}
