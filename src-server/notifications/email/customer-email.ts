// The customer email consumer: order confirmation, shipped, delayed, return authorised (label
// attached), return received and refund issued, in the customer's language.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { OutboxConsumer } from '../../outbox/consumer';
import { sendNotificationEmail } from './compose-email';
import { customerEmailBody } from './customer-email-copy';
import { CUSTOMER_EMAIL_EVENTS, planCustomerEmail } from './customer-email-model';
import type { CustomerEmailContext } from './customer-email-model';
import type { Brand } from './email-layout';
import type { Mailer } from './mailer';

export interface CustomerEmailSettings {
  brand: Brand;
  trackingUrlTemplate: string;
  returnLabelPdf?: CustomerEmailContext['returnLabelPdf'];
}

export function customerEmailConsumer(
  db: Kysely<Database>,
  mailer: Mailer,
  settings: CustomerEmailSettings,
): OutboxConsumer {
  const sends = new Set<string>(CUSTOMER_EMAIL_EVENTS);
  const target = [{ consumer: 'customer-email', subscriptionId: null }];
  return {
    kind: 'customer-email',
    targets: async () => (type) => (sends.has(type) ? target : []),
    async deliver(job) {
      const plan = await planCustomerEmail(db, job.event, {
        retailerName: settings.brand.retailerName,
        trackingUrlTemplate: settings.trackingUrlTemplate,
        returnLabelPdf: settings.returnLabelPdf,
      });
      if (!plan)
        return { outcome: 'skipped', responseExcerpt: `No customer email for ${job.event.type}.` };
      if (!plan.to)
        return { outcome: 'skipped', responseExcerpt: 'The order has no email address.' };
      return sendNotificationEmail(mailer, settings.brand, job, {
        to: [plan.to],
        locale: plan.locale,
        body: customerEmailBody(plan.model, plan.locale),
        attachments: plan.attachments,
      });
    },
  };
}
