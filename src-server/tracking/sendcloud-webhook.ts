// Sendcloud's webhook (API v2/v3 "parcel_status_changed"): Sendcloud POSTs the parcel as JSON
// and signs the exact body with HMAC-SHA256 (hex) in the `Sendcloud-Signature` header, keyed with
// the integration's Secret Key (or its Webhook Signature Key). Other actions (integration
// connected, ...) are acknowledged and ignored. Statuses map by Sendcloud's status id where we
// know it, else by its message (the names on Sendcloud's "Tracking statuses" page).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { TrackingState } from '../../shared/carriers/tracking-state';
import type { CarrierTrackingEvent } from './tracking-events';

export const SENDCLOUD_SIGNATURE_HEADER = 'sendcloud-signature';

export function sendcloudSignature(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/** True when the header is the body's HMAC under one of the secrets. */
export function verifySendcloudSignature(
  rawBody: Buffer,
  header: string | undefined,
  secrets: readonly string[],
): boolean {
  if (!header || !/^[0-9a-fA-F]{64}$/.test(header)) return false;
  const given = Buffer.from(header, 'hex');
  return secrets.some((secret) =>
    timingSafeEqual(given, Buffer.from(sendcloudSignature(rawBody, secret), 'hex')),
  );
}

const BY_ID: Record<number, TrackingState | null> = {
  1000: null, // Ready to send
  1: null, // Announced
  11: 'delivered',
  93: 'delivered', // Shipment collected by customer
  92: 'out_for_delivery', // Driver en route
  8: 'delivery_failed', // Delivery attempt failed
  80: 'delivery_failed', // Unable to deliver
  2000: null, // Cancelled
};

const BY_MESSAGE: [RegExp, TrackingState | null][] = [
  [/^(ready to send|announced|being announced|no label|cancel)/i, null],
  [/returned to sender|refused by recipient/i, 'returned_to_sender'],
  [/^delivered$|collected by customer/i, 'delivered'],
  [/driver en route|out for delivery/i, 'out_for_delivery'],
  [/delivery attempt failed|unable to deliver|address invalid/i, 'delivery_failed'],
  [/exception|error collecting|not sorted|announcement failed|lost|damaged/i, 'exception'],
];

export function sendcloudState(id: number, message: string): TrackingState | null {
  if (Object.hasOwn(BY_ID, id)) return BY_ID[id]!;
  for (const [pattern, state] of BY_MESSAGE) if (pattern.test(message.trim())) return state;
  // Sorting, at customs, en route, delayed, awaiting pickup, date changed: the parcel moves on.
  return 'in_transit';
}

/** Sendcloud sends milliseconds since the epoch; seconds are read too. */
const epoch = z
  .number()
  .positive('must be a time since the epoch')
  .transform((n) => new Date(n > 1e12 ? n : n * 1000).toISOString());

export const sendcloudWebhookSchema = z.looseObject({
  action: z.string().min(1, 'must name the webhook action'),
  timestamp: epoch,
  carrier_status_change_timestamp: epoch.optional(),
  parcel: z
    .looseObject({
      id: z.number().int(),
      tracking_number: z.string().min(1, 'is empty').max(80),
      status: z.looseObject({
        id: z.number().int(),
        message: z.string().max(200),
      }),
    })
    .optional(),
});
export type SendcloudWebhook = z.infer<typeof sendcloudWebhookSchema>;

/** The tracking event a parcel_status_changed call carries; undefined for other actions. */
export function sendcloudTrackingEvent(body: SendcloudWebhook): CarrierTrackingEvent | undefined {
  if (body.action !== 'parcel_status_changed') return undefined;
  const parcel = body.parcel;
  if (!parcel) return undefined;
  const occurredAt = body.carrier_status_change_timestamp ?? body.timestamp;
  return {
    trackingNumber: parcel.tracking_number,
    // Sendcloud retries a call it did not get a 2xx for: the same status at the same moment.
    eventKey: `sendcloud:${parcel.id}:${parcel.status.id}:${occurredAt}`,
    carrierStatus: `${parcel.status.id} ${parcel.status.message}`,
    state: sendcloudState(parcel.status.id, parcel.status.message),
    occurredAt,
  };
}
