// A sent quote as the buyer reads it from a real SMTP server: in the company's language, with the
// quote PDF attached and the signed accept link, which accepts once (a second click finds the same
// order), is refused when tampered with or when the quote was revised; and a reminder before
// expiry, queued once however many sweeps run at once.
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueQuoteReminders } from '../../src-server/b2b/quotes/quote-reminders';
import { createMailer } from '../../src-server/notifications/email/mailer';
import { notificationConsumers } from '../../src-server/notifications/notifications-runtime';
import { OutboxDispatcher } from '../../src-server/outbox/dispatcher';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { pdfTexts } from '../support/pdf-text';
import { startSmtpSink, testNotificationConfig, waitUntil } from './notifications-support';

const admin = bearer(ADMIN_TOKEN);
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const address = {
  name: 'Inkoop',
  line1: 'Industrieweg 1',
  postalCode: '5041 AB',
  city: 'Tilburg',
  country: 'NL',
};

describe.each(BACKENDS)('quote e-mails and accept links on %s', (backend) => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: ReturnType<typeof createMailer>;
  let dispatcher: OutboxDispatcher;
  const post = (url: string, payload: object = {}, method: 'POST' | 'PATCH' = 'POST') =>
    server.app.inject({ method, url, headers: admin, payload });

  beforeAll(async () => {
    server = await startTestServer(backend, 'b2b-quote-email');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 1000 } });
    smtp = await startSmtpSink();
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'sales@shop.example',
      mailDir: '/nonexistent',
    });
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
    await smtp.close();
    await server.close();
  });

  let n = 0;
  async function sentQuote(validDays: number, locale: 'nl' | 'en' | 'de' | 'fr') {
    n += 1;
    const company = await post('/v1/b2b/companies', {
      legalName: `Mail Co ${n} ${backend}`,
      currency: 'EUR',
      locale,
      billingAddress: address,
      shippingAddress: address,
      paymentTerms: { kind: 'net', days: 30 },
    });
    const companyId = company.json().id as string;
    const email = `inkoop${n}@mailco.example`;
    await post(`/v1/b2b/companies/${companyId}/buyers`, { name: 'Ina', email, role: 'buyer' });
    const quote = await post('/v1/b2b/quotes', {
      companyId,
      lines: [{ sku: 'SKU-1', quantity: 4 }],
      validUntil: inDays(validDays),
      shippingMinor: 500,
    });
    const quoteId = quote.json().id as string;
    const sent = await post(`/v1/b2b/quotes/${quoteId}/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    return { quoteId, number: quote.json().number as string, email };
  }

  async function mailsTo(address: string, count: number): Promise<ParsedMail[]> {
    await waitUntil(
      async () => {
        await dispatcher.runOnce();
        return smtp.to(address).length >= count;
      },
      10_000,
      `${count} mails to ${address}`,
    );
    return smtp.to(address);
  }

  const linkIn = (mail: ParsedMail) => {
    const match = /https?:\/\/\S+\/q\/([A-Za-z0-9._-]+)/.exec(mail.text ?? '');
    expect(match, mail.text).not.toBeNull();
    return { page: new URL(match![0]).pathname, path: `/v1/b2b/quote-links/${match![1]}` };
  };

  it.each([
    ['de', 'Versand'],
    ['fr', 'Livraison'],
  ] as const)('names the shipping line of a %s quote PDF in its language', async (locale, word) => {
    const { email } = await sentQuote(14, locale);
    const [mail] = await mailsTo(email, 1);
    const pdf = mail!.attachments.find((a) => a.contentType === 'application/pdf');
    const text = (await pdfTexts(new Uint8Array(pdf!.content))).join('\n');
    expect(text).toContain(word);
    expect(text).not.toContain('Shipping');
  });

  it('mails the buyer the quote PDF and a signed link that accepts once, in Dutch', async () => {
    const { quoteId, number, email } = await sentQuote(14, 'nl');
    const [mail] = await mailsTo(email, 1);
    expect(mail!.subject).toBe(`Uw offerte ${number}`);
    expect(mail!.text).toContain('Offerte accepteren');
    const pdf = mail!.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toBe(`${number}.pdf`);
    const text = (await pdfTexts(new Uint8Array(pdf!.content))).join('\n');
    expect(text).toContain('Offerte');
    expect(text).toContain(number);
    expect(text).toContain('Geldig tot');
    // 4 × 10.00 + 5.00 shipping = 45.00, 21 % VAT 9.45 → 54.45.
    expect(text).toContain('54,45');

    const { path } = linkIn(mail!);
    const tampered = path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(
      (await server.app.inject({ method: 'POST', url: `${tampered}/accept`, payload: {} }))
        .statusCode,
    ).toBe(404);
    // The mailed page, then its form: the buyer accepts with a PO number.
    const { page } = linkIn(mail!);
    const shown = await server.app.inject({ method: 'GET', url: page });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['referrer-policy']).toBe('no-referrer');
    expect(shown.body).toContain(`Offerte ${number}`);
    expect(shown.body).toContain('54,45');
    const posted = await server.app.inject({
      method: 'POST',
      url: page,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'poNumber=PO-9',
    });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.body).toContain('is geaccepteerd');
    const first = await server.app.inject({
      method: 'POST',
      url: `${path}/accept`,
      payload: { poNumber: 'PO-9' },
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await server.app.inject({
      method: 'POST',
      url: `${path}/accept`,
      payload: { poNumber: 'PO-9' },
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().orderId).toBe(first.json().orderId);
    const orders = await server.db
      .selectFrom('orders')
      .select('id')
      .where('channel_order_ref', '=', number)
      .execute();
    expect(orders).toHaveLength(1);
    const quote = await server.app.inject({
      method: 'GET',
      url: `/v1/b2b/quotes/${quoteId}`,
      headers: admin,
    });
    expect(quote.json()).toMatchObject({ status: 'accepted', poNumber: 'PO-9' });
  });

  it('revokes the mailed link when the quote is revised, and mails the new version', async () => {
    const { quoteId, email } = await sentQuote(14, 'en');
    const [mail] = await mailsTo(email, 1);
    expect(mail!.subject).toMatch(/^Your quote Q-/);
    const old = linkIn(mail!).path;
    await post(`/v1/b2b/quotes/${quoteId}`, { shippingMinor: 0 }, 'PATCH');
    await post(`/v1/b2b/quotes/${quoteId}/send`);
    const refused = await server.app.inject({ method: 'POST', url: `${old}/accept`, payload: {} });
    expect(refused.statusCode).toBe(404);
    const mails = await mailsTo(email, 2);
    const fresh = linkIn(mails[1]!).path;
    expect(fresh).not.toBe(old);
    const accepted = await server.app.inject({
      method: 'POST',
      url: `${fresh}/accept`,
      payload: {},
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });

  it('reminds the buyer once before the quote expires, however many sweeps run at once', async () => {
    const { email, number } = await sentQuote(2, 'en');
    const later = await sentQuote(30, 'en');
    await mailsTo(email, 1);
    const counts = await Promise.all([
      queueQuoteReminders(server.db),
      queueQuoteReminders(server.db),
      queueQuoteReminders(server.db),
    ]);
    const queued = await server.db
      .selectFrom('outbox_events')
      .select('aggregate_id')
      .where('type', '=', 'quote.expiry_reminder')
      .execute();
    // Only the quote within three days of its end; one sweep queued it, the others found none.
    expect(queued).toHaveLength(1);
    expect(counts.reduce<number>((sum, c) => sum + (c ?? 0), 0)).toBe(1);
    expect(await queueQuoteReminders(server.db)).toBe(0);
    const mails = await mailsTo(email, 2);
    expect(mails[1]!.subject).toBe(`Reminder: quote ${number} expires soon`);
    expect(mails[1]!.text).toContain('expires on');
    expect(smtp.to(later.email)).toHaveLength(1);
    const reminded = await server.db
      .selectFrom('b2b_quotes')
      .select('reminded_version')
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    expect(reminded.reminded_version).toBe(1);
  });
});
