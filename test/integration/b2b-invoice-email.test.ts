// A company's shipment confirmed at a station is invoiced, and the invoice reaches the company
// from a real SMTP server exactly once — in the company's language, with the PDF and the UBL XML
// attached, the XML naming the invoice's number and total to the cent — and reaches a webhook
// subscribed to `invoice.issued` with the invoice id, number, company, total and currency.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfillmentDoc } from '../../shared/sync/documents';
import { createMailer } from '../../src-server/notifications/email/mailer';
import { notificationConsumers } from '../../src-server/notifications/notifications-runtime';
import { OutboxDispatcher } from '../../src-server/outbox/dispatcher';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { enrolTestStation, makeShipment, syncClient } from '../support/sync-fixtures';
import type { EnrolledTestStation } from '../support/sync-fixtures';
import {
  startSmtpSink,
  startWebhookReceiver,
  testNotificationConfig,
  waitUntil,
} from './notifications-support';

const admin = bearer(ADMIN_TOKEN);
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const cents = (text: unknown) => Math.round(Number(text) * 100);
const address = {
  name: 'Einkauf',
  line1: 'Industriestraße 1',
  postalCode: '5041 AB',
  city: 'Tilburg',
  country: 'NL',
};

const SUBJECTS = { en: 'Invoice', nl: 'Factuur', de: 'Rechnung', fr: 'Facture' } as const;

describe.each(BACKENDS)('B2B invoice e-mails and invoice.issued on %s', (backend) => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: ReturnType<typeof createMailer>;
  let dispatcher: OutboxDispatcher;
  let station: EnrolledTestStation;
  let hookSecret = '';
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const post = (url: string, payload: object = {}) =>
    server.app.inject({ method: 'POST', url, headers: admin, payload });

  beforeAll(async () => {
    server = await startTestServer(backend, 'b2b-invoice-email');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 10_000 } });
    station = await enrolTestStation(server.app, 'NL-TIL', `Invoice mail ${backend}`);
    smtp = await startSmtpSink();
    receiver = await startWebhookReceiver(() => hookSecret);
    const hook = await post('/v1/webhooks', { url: receiver.url, eventTypes: ['invoice.issued'] });
    expect(hook.statusCode, hook.body).toBe(201);
    hookSecret = hook.json().secret;
    mailer = createMailer({ smtpUrl: smtp.url, from: 'billing@shop.example', mailDir: '/none' });
    const config = testNotificationConfig();
    dispatcher = new OutboxDispatcher({
      db: server.db,
      consumers: notificationConsumers(server.db, mailer, config, undefined, {
        links: server.config.subscriptions.links,
        seller: server.config.seller,
      }),
      settings: config.dispatcher,
    });
  });
  afterAll(async () => {
    mailer.close();
    await receiver.close();
    await smtp.close();
    await server.close();
  });

  let n = 0;
  async function companyShipment(locale: keyof typeof SUBJECTS, adminEmail?: string) {
    n += 1;
    const company = await post('/v1/b2b/companies', {
      legalName: `Rechnung Co ${n} ${backend}`,
      currency: 'EUR',
      locale,
      billingAddress: address,
      shippingAddress: address,
      paymentTerms: { kind: 'net', days: 30 },
    });
    expect(company.statusCode, company.body).toBe(201);
    const companyId = company.json().id as string;
    const email = `billing${n}-${backend}@co.example`;
    await post(`/v1/b2b/companies/${companyId}/buyers`, { name: 'B', email, role: 'buyer' });
    if (adminEmail) {
      const added = await post(`/v1/b2b/companies/${companyId}/buyers`, {
        name: 'A',
        email: adminEmail,
        role: 'company_admin',
      });
      expect(added.statusCode, added.body).toBe(201);
    }
    const quote = await post('/v1/b2b/quotes', {
      companyId,
      lines: [{ sku: 'SKU-1', quantity: 3 }],
      validUntil: inDays(5),
      shippingMinor: 500,
    });
    await post(`/v1/b2b/quotes/${quote.json().id}/send`);
    const accepted = await post(`/v1/b2b/quotes/${quote.json().id}/accept`, {
      poNumber: `PO-${n}`,
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const orderId = accepted.json().orderId as string;
    const docs = (await syncClient(server.app, station).pullAll(
      'fulfillments',
    )) as unknown as FulfillmentDoc[];
    const fulfillment = docs.find((d) => d.orderId === orderId);
    if (!fulfillment) throw new Error(`order ${orderId} did not reach Tilburg`);
    return { companyId, orderId, fulfillment, email };
  }

  const invoiceMails = (to: string): ParsedMail[] =>
    smtp.to(to).filter((m) => m.headers.get('x-oms-event-type') === 'invoice.issued');

  /** Dispatches until the outbox has nothing due left, then a few rounds more. */
  async function drain() {
    for (let i = 0; i < 5; i++) await dispatcher.runOnce();
  }

  it('mails the invoice once, in German, with the PDF and a UBL XML of its number and total', async () => {
    const { companyId, orderId, fulfillment, email } = await companyShipment('de');
    const shipment = { ...makeShipment(station, fulfillment), _deleted: false };
    const pushed = await syncClient(server.app, station).push('shipments', [
      { newDocumentState: shipment },
    ]);
    expect(pushed.json()[0].status).toBe('accepted');
    // The station retries its push: the same shipment, no second invoice nor mail.
    await syncClient(server.app, station).push('shipments', [{ newDocumentState: shipment }]);
    await waitUntil(
      async () => {
        await dispatcher.runOnce();
        return invoiceMails(email).length >= 1;
      },
      15_000,
      `invoice mail to ${email}`,
    );
    await drain();
    const invoice = await server.db
      .selectFrom('b2b_invoices')
      .selectAll()
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    const mails = invoiceMails(email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe(`Rechnung ${invoice.number}`);
    expect(mail.headers.get('content-language')).toBe('de');
    expect(mail.text).toContain('Gesamtbetrag');
    expect(mail.text).toContain('PO-');
    expect(mail.attachments).toHaveLength(2);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.filename).toBe(`${invoice.number}.pdf`);
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xml = mail.attachments.find((a) => a.contentType === 'application/xml')!;
    expect(xml.filename).toBe(`${invoice.number}.xml`);
    const text = xml.content.toString('utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const ubl = new XMLParser({
      ignoreAttributes: false,
      removeNSPrefix: true,
      parseTagValue: false,
    }).parse(text).Invoice;
    expect(ubl.ID).toBe(invoice.number);
    // 3 × 10.00 + 5.00 shipping = 35.00, 21 % VAT 7.35 → 42.35.
    expect(invoice.total_minor).toBe(4235);
    expect(cents(ubl.LegalMonetaryTotal.PayableAmount['#text'])).toBe(invoice.total_minor);
    expect(ubl.LegalMonetaryTotal.PayableAmount['@_currencyID']).toBe('EUR');

    const events = await server.db
      .selectFrom('outbox_events')
      .select(['type', 'aggregate_type', 'aggregate_id', 'payload'])
      .where('type', '=', 'invoice.issued')
      .where('aggregate_id', '=', invoice.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.aggregate_type).toBe('invoice');
    expect(events[0]!.payload).toMatchObject({
      invoiceId: invoice.id,
      number: invoice.number,
      companyId,
      currency: 'EUR',
      netMinor: 3500,
      taxMinor: 735,
      totalMinor: 4235,
    });
    // The webhook subscriber is told too, with the same payload.
    await waitUntil(
      async () => {
        await dispatcher.runOnce();
        return [...receiver.accepted.values()].some((h) => h.body.data.invoiceId === invoice.id);
      },
      15_000,
      'invoice.issued webhook',
    );
    const hook = [...receiver.accepted.values()].find((h) => h.body.data.invoiceId === invoice.id)!;
    expect(hook.eventType).toBe('invoice.issued');
    expect(hook.body.data).toMatchObject({ number: invoice.number, companyId, totalMinor: 4235 });
  });

  it.each(['en', 'nl', 'fr'] as const)(
    'writes the invoice e-mail in the company language %s',
    async (locale) => {
      const { orderId, fulfillment, email } = await companyShipment(locale);
      const pushed = await syncClient(server.app, station).push('shipments', [
        { newDocumentState: { ...makeShipment(station, fulfillment), _deleted: false } },
      ]);
      expect(pushed.json()[0].status).toBe('accepted');
      await waitUntil(
        async () => {
          await dispatcher.runOnce();
          return invoiceMails(email).length >= 1;
        },
        15_000,
        `invoice mail to ${email}`,
      );
      const { number } = await server.db
        .selectFrom('b2b_invoices')
        .select('number')
        .where('order_id', '=', orderId)
        .executeTakeFirstOrThrow();
      const [mail] = invoiceMails(email);
      expect(mail!.subject).toBe(`${SUBJECTS[locale]} ${number}`);
      expect(mail!.attachments.map((a) => a.filename).sort()).toEqual([
        `${number}.pdf`,
        `${number}.xml`,
      ]);
    },
  );

  it("mails a company's admins only when it has any, not its other buyers", async () => {
    const adminAddress = `admin-${backend}@co.example`;
    const { fulfillment, email } = await companyShipment('nl', adminAddress);
    const pushed = await syncClient(server.app, station).push('shipments', [
      { newDocumentState: { ...makeShipment(station, fulfillment), _deleted: false } },
    ]);
    expect(pushed.json()[0].status).toBe('accepted');
    await waitUntil(
      async () => {
        await dispatcher.runOnce();
        return invoiceMails(adminAddress).length >= 1;
      },
      15_000,
      `invoice mail to ${adminAddress}`,
    );
    await drain();
    expect(invoiceMails(adminAddress)).toHaveLength(1);
    expect(invoiceMails(email)).toHaveLength(0);
  });
});
