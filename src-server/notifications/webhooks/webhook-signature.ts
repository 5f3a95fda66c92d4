// Webhook signatures: HMAC-SHA256 over `timestamp + "." + body`, sent as
// `X-OMS-Signature: t=<unix seconds>,v1=<hex>`. The timestamp lets receivers refuse replays.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_HEADERS = {
  signature: 'x-oms-signature',
  eventId: 'x-oms-event-id',
  eventType: 'x-oms-event-type',
  deliveryId: 'x-oms-delivery-id',
} as const;

const hmacHex = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

/** What a receiver does: recompute the HMAC and refuse old timestamps (default 5 minutes). */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  return timingSafeEqual(
    Buffer.from(given, 'hex'),
    Buffer.from(hmacHex(secret, timestamp, body), 'hex'),
  );
}
