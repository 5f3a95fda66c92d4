import { describe, expect, it } from 'vitest';
import { customerEmailBody } from './customer-email-copy';
import type { OrderSummary } from './customer-email-copy';
import { emailLocale, renderEmail } from './email-layout';
import { trackingUrl } from './tracking-links';

const order: OrderSummary = {
  reference: 'WEB-1001',
  customerName: 'Anna <b>Jansen</b>',
  currency: 'EUR',
  lines: [{ name: 'Fietsbel', quantity: 2, lineTotalMinor: 1998 }],
  subtotalMinor: 1998,
  shippingChargedMinor: 495,
  totalMinor: 2493,
  promisedDeliveryDate: null,
};

describe('customer email copy', () => {
  it('speaks Dutch to nl and nl-BE customers and English to everyone else', () => {
    expect(emailLocale('nl-BE')).toBe('nl');
    expect(emailLocale('de')).toBe('en');
    expect(emailLocale(null)).toBe('en');
    expect(customerEmailBody({ template: 'order_confirmation', order }, 'nl').subject).toBe(
      'Bevestiging van je bestelling WEB-1001',
    );
    expect(customerEmailBody({ template: 'order_confirmation', order }, 'en').subject).toBe(
      'Your order WEB-1001 is confirmed',
    );
  });

  it('escapes customer text in the HTML but keeps it readable in the plain text', () => {
    const body = customerEmailBody({ template: 'delayed', order, reason: 'late', items: [] }, 'en');
    const { html, text } = renderEmail({ retailerName: 'Shop' }, 'en', body);
    expect(html).toContain('Anna &lt;b&gt;Jansen&lt;/b&gt;');
    expect(html).not.toContain('<b>Jansen');
    expect(text).toContain('Dear Anna <b>Jansen</b>,');
  });

  it("links each carrier's own tracking page and the configured page for the own carrier", () => {
    expect(
      trackingUrl(
        { carrier: 'postnl', trackingNumber: '3SABC123', postalCode: '1012 AB', country: 'NL' },
        'x',
      ),
    ).toBe('https://postnl.nl/tracktrace/?B=3SABC123&P=1012AB&D=NL&T=C');
    expect(
      trackingUrl(
        { carrier: 'own', trackingNumber: 'CP000000017NL' },
        'https://t.example/{carrier}/{tracking}',
      ),
    ).toBe('https://t.example/own/CP000000017NL');
  });
});
