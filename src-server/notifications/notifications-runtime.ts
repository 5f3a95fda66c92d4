// Wires the notification side together: the mailer (SMTP or .eml files), the consumers, the
// outbox dispatcher and the periodic alert check. main.ts starts it; stop() ends it cleanly.
import type { Kysely } from 'kysely';
import type { Listen } from '../db/connect';
import type { Database } from '../db/schema';
import { OutboxDispatcher } from '../outbox/dispatcher';
import { renderReturnLabelPdf, returnLabelData } from '../returns/return-label-files';
import type { OutboxConsumer } from '../outbox/consumer';
import { startAlertChecker } from './alerts/alert-checker';
import { teamAlertConsumer } from './alerts/team-alert-email';
import { purchaseOrderEmailConsumer } from '../replenishment/purchase-order-email';
import { customerEmailConsumer } from './email/customer-email';
import { createMailer, mailDirFor } from './email/mailer';
import type { Mailer } from './email/mailer';
import type { NotificationConfig } from './notification-config';
import { webhookConsumer } from './webhooks/webhook-consumer';
import { subscriptionEmailConsumer } from '../subscriptions/subscription-email';
import type { SubscriptionSettings } from '../subscriptions/subscription-config';
import { quoteEmailConsumer } from '../b2b/quotes/quote-email';
import { invoiceEmailConsumer } from '../b2b/invoices/invoice-email';
import { creditNoteEmailConsumer } from '../b2b/credit-notes/credit-note-email';
import type { QuoteLinkSettings } from '../b2b/quotes/quote-links';
import type { SellerConfig } from '../b2b/invoices/seller-config';

/** What quote and invoice e-mails need: where the accept link points and who the seller is. */
export interface B2bMailSettings {
  links: QuoteLinkSettings;
  seller: SellerConfig;
}

export interface NotificationLog {
  info(detail: object, message: string): void;
  warn(detail: object, message: string): void;
}

export interface NotificationDeps {
  db: Kysely<Database>;
  listen?: Listen | undefined;
  log?: NotificationLog | undefined;
  /** With them, subscription e-mails (with self-service links) are sent too. */
  subscriptions?: SubscriptionSettings | undefined;
  /** With them, quotes (PDF, accept link) and invoices (PDF, UBL) are e-mailed to buyers. */
  b2b?: B2bMailSettings | undefined;
}

/** The consumers every dispatcher delivers to (subscription e-mails when their settings are given). */
export function notificationConsumers(
  db: Kysely<Database>,
  mailer: Mailer,
  config: NotificationConfig,
  subscriptions?: SubscriptionSettings,
  b2b?: B2bMailSettings,
): OutboxConsumer[] {
  const brand = { retailerName: config.retailerName, logoUrl: config.retailerLogoUrl };
  return [
    customerEmailConsumer(db, mailer, {
      brand,
      trackingUrlTemplate: config.trackingUrlTemplate,
      returnLabelPdf: async (rmaId) => renderReturnLabelPdf(await returnLabelData(db, rmaId, null)),
    }),
    teamAlertConsumer(mailer, {
      brand,
      locale: config.teamLocale,
      teamEmails: config.teamAlertEmails,
      purchasingEmails: config.purchasingEmails,
    }),
    purchaseOrderEmailConsumer(mailer, brand, config.purchasingEmails),
    webhookConsumer(db, config.dispatcher.webhookTimeoutMs),
    ...(subscriptions ? [subscriptionEmailConsumer(db, mailer, { brand, subscriptions })] : []),
    ...(b2b
      ? [
          quoteEmailConsumer(db, mailer, { brand, ...b2b }),
          invoiceEmailConsumer(db, mailer, { brand, seller: b2b.seller }),
          creditNoteEmailConsumer(db, mailer, { brand, seller: b2b.seller }),
        ]
      : []),
  ];
}

export interface NotificationsHandle {
  dispatcher: OutboxDispatcher;
  stop(): Promise<void>;
}

export async function startNotifications(
  config: NotificationConfig,
  dataDir: string,
  deps: NotificationDeps,
): Promise<NotificationsHandle> {
  const mailDir = mailDirFor(dataDir);
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    mailDir,
    maxConnections: config.dispatcher.concurrency,
  });
  const dispatcher = new OutboxDispatcher({
    db: deps.db,
    consumers: notificationConsumers(deps.db, mailer, config, deps.subscriptions, deps.b2b),
    settings: config.dispatcher,
    listen: deps.listen,
    log: deps.log,
  });
  await dispatcher.start();
  const checker = startAlertChecker(deps.db, config.alerts, deps.log);
  deps.log?.info({ mail: config.smtpUrl ? 'smtp' : mailDir }, 'notifications started');
  return {
    dispatcher,
    async stop() {
      await checker.stop();
      await dispatcher.stop();
      mailer.close();
    },
  };
}
