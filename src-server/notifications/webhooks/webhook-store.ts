// Webhook subscriptions and their delivery log, as the admin API shows them.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { OUTBOX_EVENT_TYPES } from '../../outbox/outbox';

export const webhookSubscriptionSchema = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.enum(OUTBOX_EVENT_TYPES)),
  description: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookSubscription = z.infer<typeof webhookSubscriptionSchema>;

export const newWebhookSubscriptionSchema = z.object({
  url: z.url({ protocol: /^https?$/, message: 'url must be an http or https URL' }).max(2000),
  eventTypes: z
    .array(z.enum(OUTBOX_EVENT_TYPES))
    .min(1, 'eventTypes needs at least one event type'),
  description: z.string().max(200).optional(),
});
export type NewWebhookSubscription = z.infer<typeof newWebhookSubscriptionSchema>;

export const deliveryAttemptSchema = z.object({
  attempt: z.number().int(),
  outcome: z.enum(['delivered', 'skipped', 'failed']),
  responseStatus: z.number().int().nullable(),
  responseExcerpt: z.string().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  attemptedAt: z.string(),
});

export const webhookDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'skipped', 'dead']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  attemptLog: z.array(deliveryAttemptSchema),
});

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function createSubscription(
  db: Kysely<Database>,
  input: NewWebhookSubscription,
): Promise<WebhookSubscription & { secret: string }> {
  const row = await db
    .insertInto('webhook_subscriptions')
    .values({
      id: randomUUID(),
      url: input.url,
      event_types: JSON.stringify([...new Set(input.eventTypes)]),
      secret: `whsec_${randomBytes(24).toString('hex')}`,
      description: input.description ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...toSubscription(row), secret: row.secret };
}

function toSubscription(row: {
  id: string;
  url: string;
  event_types: string[];
  description: string | null;
  created_at: Date;
}): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types as WebhookSubscription['eventTypes'],
    description: row.description,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listSubscriptions(db: Kysely<Database>): Promise<WebhookSubscription[]> {
  const rows = await db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('active', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toSubscription);
}

/** Deactivates the subscription; its pending deliveries end as skipped. False when unknown. */
export async function deleteSubscription(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .updateTable('webhook_subscriptions')
    .set({ active: false, deleted_at: new Date() })
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function subscriptionExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('webhook_subscriptions')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst()) !== undefined
  );
}

export async function listDeliveries(
  db: Kysely<Database>,
  subscriptionId: string,
  filter: { status?: 'pending' | 'delivered' | 'skipped' | 'dead' | undefined; limit: number },
): Promise<z.infer<typeof webhookDeliverySchema>[]> {
  let query = db
    .selectFrom('outbox_deliveries as d')
    .innerJoin('outbox_events as e', 'e.id', 'd.event_id')
    .select([
      'd.id',
      'd.event_id',
      'e.type',
      'd.status',
      'd.attempts',
      'd.last_error',
      'd.available_at',
      'd.delivered_at',
      'd.created_at',
    ])
    .where('d.subscription_id', '=', subscriptionId);
  if (filter.status) query = query.where('d.status', '=', filter.status);
  const deliveries = await query
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(filter.limit)
    .execute();
  if (deliveries.length === 0) return [];
  const attempts = await db
    .selectFrom('delivery_attempts')
    .selectAll()
    .where(
      'delivery_id',
      'in',
      deliveries.map((d) => d.id),
    )
    .orderBy(sql`id`)
    .execute();
  return deliveries.map((d) => ({
    id: d.id,
    eventId: d.event_id,
    eventType: d.type,
    status: d.status,
    attempts: d.attempts,
    lastError: d.last_error,
    nextAttemptAt: d.status === 'pending' ? iso(d.available_at) : null,
    deliveredAt: iso(d.delivered_at),
    createdAt: d.created_at.toISOString(),
    attemptLog: attempts
      .filter((a) => a.delivery_id === d.id)
      .map((a) => ({
        attempt: a.attempt,
        outcome: a.outcome,
        responseStatus: a.response_status,
        responseExcerpt: a.response_excerpt,
        error: a.error,
        durationMs: a.duration_ms,
        attemptedAt: a.attempted_at.toISOString(),
      })),
  }));
}
