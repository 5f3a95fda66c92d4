// Delivers events to webhook subscriptions: one delivery per subscription that asked for the
// event type, a signed JSON POST with a timeout; any 2xx accepts it. Redirects are not followed.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { DeliveryFailure, excerpt } from '../../outbox/consumer';
import type { DeliveryJob, DispatchedEvent, OutboxConsumer } from '../../outbox/consumer';
import { signWebhookBody, WEBHOOK_HEADERS } from './webhook-signature';

/** The JSON body every webhook receives. */
export function webhookEnvelope(event: DispatchedEvent) {
  return {
    id: event.id,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    aggregate: { type: event.aggregateType, id: event.aggregateId },
    data: event.payload,
  };
}

async function readExcerpt(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  // Only the start is logged; a huge answer is not read to its end.
  while (text.length < 1000) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return excerpt(text);
}

export function webhookConsumer(db: Kysely<Database>, timeoutMs: number): OutboxConsumer {
  return {
    kind: 'webhook',
    async targets(trx) {
      const subscriptions = await trx
        .selectFrom('webhook_subscriptions')
        .select(['id', 'event_types'])
        .where('active', '=', true)
        .execute();
      return (type) =>
        subscriptions
          .filter((s) => (s.event_types as string[]).includes(type))
          .map((s) => ({ consumer: `webhook:${s.id}`, subscriptionId: s.id }));
    },
    async deliver(job: DeliveryJob) {
      const subscription = job.subscriptionId
        ? await db
            .selectFrom('webhook_subscriptions')
            .select(['url', 'secret', 'active'])
            .where('id', '=', job.subscriptionId)
            .executeTakeFirst()
        : undefined;
      if (!subscription?.active)
        return { outcome: 'skipped', responseExcerpt: 'The subscription was deleted.' };
      const body = JSON.stringify(webhookEnvelope(job.event));
      const timestamp = Math.floor(Date.now() / 1000);
      let response: Response;
      try {
        response = await fetch(subscription.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'packing-oms-webhooks/1',
            [WEBHOOK_HEADERS.signature]: signWebhookBody(subscription.secret, timestamp, body),
            [WEBHOOK_HEADERS.eventId]: job.event.id,
            [WEBHOOK_HEADERS.eventType]: job.event.type,
            [WEBHOOK_HEADERS.deliveryId]: job.deliveryId,
          },
          body,
        });
      } catch (error) {
        const reason =
          error instanceof Error && error.name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : String((error as Error).cause ?? error);
        throw new DeliveryFailure(`POST ${subscription.url} failed: ${reason}`);
      }
      const responseExcerpt = await readExcerpt(response).catch(() => '');
      if (response.status >= 200 && response.status < 300) {
        return { outcome: 'delivered', responseStatus: response.status, responseExcerpt };
      }
      throw new DeliveryFailure(`The receiver answered HTTP ${response.status}.`, {
        responseStatus: response.status,
        responseExcerpt,
      });
    },
  };
}
