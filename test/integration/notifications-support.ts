// Real receivers for notification tests: an SMTP server (smtp-server + mailparser) and a webhook
// receiver on 127.0.0.1 that verifies signatures, de-duplicates by event id and can fail on purpose.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../../src-server/db/schema';
import { loadNotificationConfig } from '../../src-server/notifications/notification-config';
import type { NotificationConfig } from '../../src-server/notifications/notification-config';
import { verifyWebhookSignature } from '../../src-server/notifications/webhooks/webhook-signature';
import { appendOutboxEvents } from '../../src-server/outbox/outbox';
import type { OutboxEvent } from '../../src-server/outbox/outbox';

export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Fast dispatcher settings for tests; env overrides as in production. */
export function testNotificationConfig(env: Record<string, string> = {}): NotificationConfig {
  return loadNotificationConfig({
    DISPATCH_POLL_MS: '50',
    DISPATCH_BACKOFF_BASE_MS: '20',
    DISPATCH_BACKOFF_MAX_MS: '100',
    WEBHOOK_TIMEOUT_MS: '2000',
    ALERT_EMAILS: 'team@shop.example',
    PURCHASING_EMAILS: 'buyer@shop.example',
    RETAILER_NAME: 'Fietsen & Co',
    RETAILER_LOGO_URL: 'https://cdn.shop.example/logo.png',
    ...env,
  });
}

export async function startSmtpSink() {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address: string) =>
      messages.filter(
        (m) => m.headers.get('x-oms-event-id') && JSON.stringify(m.to).includes(address),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedWebhook {
  eventId: string;
  deliveryId: string;
  eventType: string;
  verified: boolean;
  body: { id: string; type: string; data: Record<string, unknown> };
}

/** `answer(eventId, tryNumber)` decides the status; accepted event ids are remembered once. */
export async function startWebhookReceiver(
  secret: () => string,
  options: { answer?: (eventId: string, tryNo: number) => number; delayMs?: number } = {},
) {
  const tries = new Map<string, number>();
  const accepted = new Map<string, ReceivedWebhook>();
  const all: ReceivedWebhook[] = [];
  const inFlight = new Set<string>();
  let overlaps = 0;
  let duplicates = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', async () => {
      const eventId = String(req.headers['x-oms-event-id']);
      if (inFlight.has(eventId)) overlaps += 1;
      inFlight.add(eventId);
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      const tryNo = (tries.get(eventId) ?? 0) + 1;
      tries.set(eventId, tryNo);
      const hook: ReceivedWebhook = {
        eventId,
        deliveryId: String(req.headers['x-oms-delivery-id']),
        eventType: String(req.headers['x-oms-event-type']),
        verified: verifyWebhookSignature(
          secret(),
          req.headers['x-oms-signature'] as string | undefined,
          raw,
        ),
        body: JSON.parse(raw),
      };
      all.push(hook);
      const status = hook.verified ? (options.answer?.(eventId, tryNo) ?? 200) : 401;
      if (status < 300) {
        if (accepted.has(eventId)) duplicates += 1;
        else accepted.set(eventId, hook);
      }
      inFlight.delete(eventId);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    accepted,
    all,
    tries,
    get overlaps() {
      return overlaps;
    },
    get duplicates() {
      return duplicates;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Writes events the way the OMS does: through the outbox, in a transaction. */
export async function appendEvents(db: Kysely<Database>, events: OutboxEvent[]): Promise<void> {
  await db.transaction().execute((trx) => appendOutboxEvents(trx, events));
}

export const testEvent = (n: number): OutboxEvent => ({
  type: 'order.cancelled',
  aggregateType: 'order',
  aggregateId: `order-${n}`,
  payload: { orderId: `order-${n}`, n },
});
