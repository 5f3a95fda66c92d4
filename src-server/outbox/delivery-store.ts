// The dispatcher's queries. Events are fanned out into one delivery per receiver; deliveries are
// claimed with FOR UPDATE SKIP LOCKED for one dispatcher (`claimed_by`), which holds them while
// its heartbeat runs (dispatcher-heartbeat.ts): concurrent dispatchers never hold the same
// delivery, and a crashed one's claims are freed a few seconds after its heartbeat stops.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DeliveryFailure, DeliveryJob, DeliveryResult, OutboxConsumer } from './consumer';
import { excerpt } from './consumer';

const secondsFromNow = (ms: number) => sql<Date>`now() + make_interval(secs => ${ms / 1000})`;

/** Turns due events into deliveries; the event is then `delivered` (handed to its receivers). */
export async function fanOutDueEvents(
  db: Kysely<Database>,
  consumers: readonly OutboxConsumer[],
  batchSize: number,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const events = await trx
      .selectFrom('outbox_events')
      .select(['id', 'type'])
      .where('status', '=', 'pending')
      .where('available_at', '<=', sql<Date>`now()`)
      .orderBy('available_at')
      .orderBy('id')
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    if (events.length === 0) return 0;
    const routes = await Promise.all(consumers.map((c) => c.targets(trx)));
    const rows = events.flatMap((event) =>
      routes
        .flatMap((route) => route(event.type))
        .map((t) => ({
          id: randomUUID(),
          event_id: event.id,
          consumer: t.consumer,
          subscription_id: t.subscriptionId,
        })),
    );
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('outbox_deliveries')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['event_id', 'consumer']).doNothing())
        .execute();
    }
    await trx
      .updateTable('outbox_events')
      .set((eb) => ({ status: 'delivered', attempts: eb('attempts', '+', 1) }))
      .where(
        'id',
        'in',
        events.map((e) => e.id),
      )
      .execute();
    return events.length;
  });
}

/** Claims up to `batchSize` due deliveries for dispatcher `dispatcherId`, with their events. */
export async function claimDueDeliveries(
  db: Kysely<Database>,
  dispatcherId: string,
  batchSize: number,
): Promise<DeliveryJob[]> {
  const claimed = await db
    .updateTable('outbox_deliveries')
    .set({ claimed_by: dispatcherId, updated_at: sql<Date>`now()` })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('claimed_by', 'is', null)
        .where('available_at', '<=', sql<Date>`now()`)
        .orderBy('available_at')
        .orderBy('id')
        .limit(batchSize)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'event_id', 'consumer', 'subscription_id', 'attempts', 'created_at'])
    .execute();
  if (claimed.length === 0) return [];
  const events = await db
    .selectFrom('outbox_events')
    .select(['id', 'type', 'aggregate_type', 'aggregate_id', 'payload', 'created_at'])
    .where('id', 'in', [...new Set(claimed.map((d) => d.event_id))])
    .execute();
  const byId = new Map(events.map((e) => [e.id, e]));
  // Oldest first, so one receiver sees an order's events in the order they happened.
  claimed.sort(
    (a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id),
  );
  return claimed.map((d) => {
    const e = byId.get(d.event_id)!;
    return {
      deliveryId: d.id,
      consumer: d.consumer,
      subscriptionId: d.subscription_id,
      attempt: d.attempts + 1,
      event: {
        id: e.id,
        type: e.type,
        aggregateType: e.aggregate_type,
        aggregateId: e.aggregate_id,
        payload: e.payload,
        createdAt: e.created_at,
      },
    };
  });
}

export interface AttemptRecord {
  job: DeliveryJob;
  /** The dispatcher that claimed the delivery; its outcome is stored only while it holds it. */
  dispatcherId: string;
  durationMs: number;
  result: DeliveryResult | DeliveryFailure;
  maxAttempts: number;
  retryDelayMs: number;
}

/**
 * Stores one try's outcome and log row: done, retry later, or dead-lettered, and frees the claim.
 * `taken-over`: another dispatcher took the delivery over meanwhile (this one's heartbeat had
 * stopped), so its state is that one's to write; the try is still logged.
 */
export async function recordAttempt(
  db: Kysely<Database>,
  record: AttemptRecord,
): Promise<'delivered' | 'skipped' | 'pending' | 'dead' | 'taken-over'> {
  const { job, result } = record;
  const failed = result instanceof Error;
  const status = !failed
    ? result.outcome
    : record.job.attempt >= record.maxAttempts || result.detail.permanent
      ? 'dead'
      : 'pending';
  const detail = failed ? result.detail : result;
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('outbox_deliveries')
      .set({
        status,
        claimed_by: null,
        attempts: job.attempt,
        available_at: status === 'pending' ? secondsFromNow(record.retryDelayMs) : sql<Date>`now()`,
        last_error: failed ? excerpt(result.message) : null,
        delivered_at: failed ? null : sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', job.deliveryId)
      .where('claimed_by', '=', record.dispatcherId)
      .executeTakeFirst();
    await trx
      .insertInto('delivery_attempts')
      .values({
        delivery_id: job.deliveryId,
        attempt: job.attempt,
        outcome: failed ? 'failed' : result.outcome,
        response_status: detail.responseStatus ?? null,
        response_excerpt:
          detail.responseExcerpt === undefined ? null : excerpt(detail.responseExcerpt),
        error: failed ? excerpt(result.message) : null,
        duration_ms: Math.round(record.durationMs),
      })
      .execute();
    return updated.numUpdatedRows > 0n ? status : 'taken-over';
  });
}

/** Hands claimed but unstarted deliveries back at once (a stopping dispatcher, a round's rest). */
export async function releaseDeliveries(
  db: Kysely<Database>,
  dispatcherId: string,
  deliveryIds: readonly string[],
): Promise<void> {
  if (deliveryIds.length === 0) return;
  await db
    .updateTable('outbox_deliveries')
    .set({ claimed_by: null, updated_at: sql<Date>`now()` })
    .where('id', 'in', [...deliveryIds])
    .where('claimed_by', '=', dispatcherId)
    .execute();
}

/** Puts a dead-lettered delivery back in the queue with a fresh set of tries. */
export async function replayDeadDelivery(
  db: Kysely<Database>,
  deliveryId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox_deliveries')
    .set({
      status: 'pending',
      claimed_by: null,
      attempts: 0,
      available_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', deliveryId)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
