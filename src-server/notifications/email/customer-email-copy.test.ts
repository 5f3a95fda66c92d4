import { describe, expect, it } from 'vitest';
import { customerEmailBody } from './customer-email-copy';
import type { OrderSummary } from './customer-email-copy';
import { emailLocale, renderEmail } from './email-layout';
import { trackingUrl } from './tracking-links';

const order: OrderSummary = {
  reference: 'WEB-1001',
  customerName: 'Anna <b>Jansen</b>',
  currency: 'EUR',
  lines: [{ name: 'Fietsbel', quantity: 2, amountMinor: 1998 }],
  pricesIncludeTax: false,
  subtotalMinor: 1998,
  discountMinor: 0,
  shippingChargedMinor: 495,
  taxMinor: 0,
  taxBreakdown: [],
  totalMinor: 2493,
  promisedDeliveryDate: null,
};

describe('customer email copy', () => {
  it('speaks Dutch, German or French to customers of those languages and English to everyone else', () => {
    expect(emailLocale('nl-BE')).toBe('nl');
    expect(emailLocale('de-AT')).toBe('de');
    expect(emailLocale('fr-BE')).toBe('fr');
    expect(emailLocale('es')).toBe('en');
    expect(emailLocale(null)).toBe('en');
    expect(customerEmailBody({ template: 'order_confirmation', order }, 'nl').subject).toBe(
      'Bevestiging van je bestelling WEB-1001',
    );
    expect(customerEmailBody({ template: 'order_confirmation', order }, 'en').subject).toBe(
      'Your order WEB-1001 is confirmed',
    );
  });

  it('writes a German and a French confirmation with the money and the date as they are written there', () => {
    const placed: OrderSummary = { ...order, promisedDeliveryDate: '2026-12-24' };
    const inGerman = customerEmailBody({ template: 'order_confirmation', order: placed }, 'de');
    expect(inGerman.subject).toBe('Ihre Bestellung WEB-1001 ist bestätigt');
    const german = renderEmail({ retailerName: 'Shop' }, 'de', inGerman).text;
    expect(german).toMatch(/Gesamtsumme: 24,93\s€/);
    expect(german).toContain('Voraussichtliche Lieferung: 24. Dezember 2026');
    const inFrench = customerEmailBody({ template: 'order_confirmation', order: placed }, 'fr');
    expect(inFrench.subject).toBe('Votre commande WEB-1001 est confirmée');
    const french = renderEmail({ retailerName: 'Shop' }, 'fr', inFrench).text;
    expect(french).toMatch(/Total: 24,93\s€/);
    expect(french).toContain('Livraison prévue: 24 décembre 2026');
    const taxed: OrderSummary = {
      ...placed,
      taxBreakdown: [{ ratePercent: 5.5, netMinor: 1000, taxMinor: 55 }],
    };
    const frenchTax = renderEmail(
      { retailerName: 'Shop' },
      'fr',
      customerEmailBody({ template: 'order_confirmation', order: taxed }, 'fr'),
    ).text;
    expect(frenchTax).toMatch(/TVA 5,5\s%: 0,55\s€/);
  });

  it('adds the VAT per rate to net prices before the total', () => {
    const net: OrderSummary = {
      ...order,
      lines: [{ name: 'Fietsbel', quantity: 2, amountMinor: 10_500 }],
      subtotalMinor: 10_500,
      shippingChargedMinor: 0,
      taxMinor: 2310,
      taxBreakdown: [
        { ratePercent: 9, netMinor: 1000, taxMinor: 90 },
        { ratePercent: 21, netMinor: 9500, taxMinor: 1995 },
        { ratePercent: null, netMinor: 0, taxMinor: 225 },
      ],
      totalMinor: 12_810,
    };
    const { text } = renderEmail(
      { retailerName: 'Shop' },
      'nl',
      customerEmailBody({ template: 'order_confirmation', order: net }, 'nl'),
    );
    const facts = text.slice(text.indexOf('Subtotaal'), text.indexOf('Totaal:') + 20);
    expect(facts).toMatch(
      /Subtotaal: €\s105,00\nVerzending: €\s0,00\nBtw 9%: €\s0,90\nBtw 21%: €\s19,95\nBtw: €\s2,25\nTotaal: €\s128,10/,
    );
  });

  it('names the VAT included in gross prices after the total, with the discount taken off', () => {
    const gross: OrderSummary = {
      ...order,
      pricesIncludeTax: true,
      subtotalMinor: 3995,
      discountMinor: 250,
      shippingChargedMinor: 495,
      taxMinor: 735,
      taxBreakdown: [{ ratePercent: 21, netMinor: 3505, taxMinor: 735 }],
      totalMinor: 4240,
    };
    const { text } = renderEmail(
      { retailerName: 'Shop' },
      'en',
      customerEmailBody({ template: 'order_confirmation', order: gross }, 'en'),
    );
    expect(text).toContain(
      'Subtotal: €39.95\nDiscount: − €2.50\nShipping: €4.95\nTotal: €42.40\nIncluding VAT 21%: €7.35',
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

  describe('the VAT breakdown and the legal mention', () => {
    const taxed: OrderSummary = {
      ...order,
      lines: [{ name: 'Fietsbel', quantity: 2, amountMinor: 4500 }],
      subtotalMinor: 5500,
      taxMinor: 1139,
      taxBreakdown: [
        { ratePercent: 9, netMinor: 1000, taxMinor: 90 },
        { ratePercent: 21, netMinor: 4995, taxMinor: 1049 },
      ],
      totalMinor: 7134,
    };
    const reverseCharged: OrderSummary = {
      ...order,
      taxBreakdown: [{ ratePercent: 0, netMinor: 2493, taxMinor: 0 }],
      vatMention: 'reverse_charge',
    };
    const text = (summary: OrderSummary, locale: 'en' | 'nl', shipped = false) =>
      renderEmail(
        { retailerName: 'Shop' },
        locale,
        customerEmailBody(
          shipped
            ? {
                template: 'shipped',
                order: summary,
                carrierName: 'PostNL',
                parcels: [{ trackingNumber: '3SABC1', url: 'https://example.test/3SABC1' }],
              }
            : { template: 'order_confirmation', order: summary },
          locale,
        ),
      ).text;

    it.each([false, true])(
      'lists net + VAT = gross per rate, adding up to the cent (shipped: %s)',
      (shipped) => {
        expect(text(taxed, 'en', shipped)).toMatch(
          /Net \+ VAT 9\s?% = gross: €\s?10\.00 \+ €\s?0\.90 = €\s?10\.90\nNet \+ VAT 21\s?% = gross: €\s?49\.95 \+ €\s?10\.49 = €\s?60\.44/,
        );
        expect(text(taxed, 'nl', shipped)).toMatch(
          /Netto \+ btw 21\s?% = bruto: €\s?49,95 \+ €\s?10,49 = €\s?60,44/,
        );
        expect(text(taxed, 'en', shipped)).not.toContain('Directive');
      },
    );

    it.each([
      ['en', 'Intra-Community supply of goods, exempt under Article 138 of Directive 2006/112/EC'],
      ['nl', 'Intracommunautaire levering van goederen, vrijgesteld op grond van artikel 138'],
    ] as const)('says why no VAT is charged on a reverse charge, in %s', (locale, mention) => {
      expect(text(reverseCharged, locale)).toContain(mention);
      expect(text(reverseCharged, locale, true)).toContain(mention);
    });

    it('names the export exemption on an order leaving the EU', () => {
      expect(text({ ...reverseCharged, vatMention: 'export' }, 'en')).toContain(
        'Export of goods outside the EU, exempt under Article 146 of Directive 2006/112/EC.',
      );
    });
  });
});
