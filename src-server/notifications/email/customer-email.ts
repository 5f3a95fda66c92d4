// The customer email consumer: order confirmation, shipped, delayed, return authorised (label
// attached), return received and refund issued, in the customer's language.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { DeliveryFailure } from '../../outbox/consumer';
import type { DispatchedEvent, OutboxConsumer } from '../../outbox/consumer';
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

/** Customer service asked to send an e-mail again (POST /v1/orders/:id/emails/resend). */
export const EMAIL_RESENT_EVENT = 'order.email_resent';

/**
 * The event whose e-mail a resend sends again, under the resend's own id and time: the mail is
 * composed from current data, and its Message-ID stays the same across the resend's retries.
 */
async function resentEvent(db: Kysely<Database>, event: DispatchedEvent): Promise<DispatchedEvent> {
  const resendOf = event.payload.resendOf;
  if (typeof resendOf !== 'string')
    throw new DeliveryFailure(`${event.type} payload.resendOf: is missing`, { permanent: true });
  const source = await db
    .selectFrom('outbox_events')
    .select(['type', 'aggregate_type', 'aggregate_id', 'payload'])
    .where('id', '=', resendOf)
    .executeTakeFirst();
  if (!source)
    throw new DeliveryFailure(`The resent event ${resendOf} was not found.`, { permanent: true });
  return {
    id: event.id,
    type: source.type,
    aggregateType: source.aggregate_type,
    aggregateId: source.aggregate_id,
    payload: source.payload as Record<string, unknown>,
    createdAt: event.createdAt,
  };
}

export function customerEmailConsumer(
  db: Kysely<Database>,
  mailer: Mailer,
  settings: CustomerEmailSettings,
): OutboxConsumer {
  const sends = new Set<string>([...CUSTOMER_EMAIL_EVENTS, EMAIL_RESENT_EVENT]);
  const target = [{ consumer: 'customer-email', subscriptionId: null }];
  return {
    kind: 'customer-email',
    targets: async () => (type) => (sends.has(type) ? target : []),
    async deliver(delivery) {
      const job =
        delivery.event.type === EMAIL_RESENT_EVENT
          ? { ...delivery, event: await resentEvent(db, delivery.event) }
          : delivery;
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
