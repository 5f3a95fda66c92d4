// The envelope every notification email shares: event id headers for de-duplication, a
// Message-ID derived from the event and receiver, and SMTP errors mapped to delivery failures.
import { DeliveryFailure } from '../../outbox/consumer';
import type { DeliveryJob, DeliveryResult } from '../../outbox/consumer';
import type { Brand, EmailBody, EmailLocale } from './email-layout';
import { renderEmail } from './email-layout';
import type { EmailAttachment, Mailer } from './mailer';

export interface EmailToSend {
  to: string[];
  locale: EmailLocale;
  body: EmailBody;
  attachments?: EmailAttachment[];
}

/** SMTP answers that say the address itself is refused: retrying cannot help. */
const PERMANENT_SMTP_CODES = new Set([550, 551, 553]);

export async function sendNotificationEmail(
  mailer: Mailer,
  brand: Brand,
  job: DeliveryJob,
  email: EmailToSend,
): Promise<DeliveryResult> {
  const { html, text } = renderEmail(brand, email.locale, email.body);
  const stamp = job.event.createdAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  try {
    const info = await mailer.send({
      to: email.to,
      subject: email.body.subject,
      text,
      html,
      messageId: `<${job.event.id}.${job.consumer}@packing-oms>`,
      headers: {
        'X-OMS-Event-Id': job.event.id,
        'X-OMS-Event-Type': job.event.type,
        'Content-Language': email.locale,
      },
      attachments: email.attachments ?? [],
      fileStem: `${stamp}-${job.event.type}-${job.consumer}-${job.event.id}`,
    });
    return { outcome: 'delivered', responseExcerpt: info.response };
  } catch (error) {
    const responseCode =
      typeof error === 'object' &&
      error !== null &&
      'responseCode' in error &&
      typeof error.responseCode === 'number'
        ? error.responseCode
        : undefined;
    throw new DeliveryFailure(
      `Sending the email failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        responseStatus: responseCode,
        permanent: responseCode !== undefined && PERMANENT_SMTP_CODES.has(responseCode),
      },
    );
  }
}
