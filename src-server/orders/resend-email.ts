// Customer service sends a customer e-mail of an order again (the customer lost it, it went to
// spam). The resend is an outbox event of its own, written with the audit entry and the timeline
// event: the customer-email consumer composes the mail again from current data, at least once,
// and the new event's id is the mail's dedupe id (Message-ID, X-OMS-Event-Id) across retries.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';
import { CUSTOMER_EMAIL_EVENTS } from '../notifications/email/customer-email-model';
import { appendOutboxEvents } from '../outbox/outbox';
import { appendOrderEvents } from './order-writes';

/** The timeline's e-mail kinds: the event type with `_` for `.` (order_placed, …). */
export const CUSTOMER_EMAIL_KINDS = CUSTOMER_EMAIL_EVENTS.map((t) => t.replace('.', '_'));

export interface ResendEmailCommand {
  orderId: string;
  kind: string;
  actor: string;
  reason: string | undefined;
}

export interface ResendEmailOutcome {
  orderId: string;
  kind: string;
  /** The outbox event that sends it again; also the mail's dedupe id. */
  eventId: string;
  /** The event whose e-mail is sent again (the latest one of that kind). */
  resendOf: string;
}

export async function resendOrderEmailIn(
  trx: Transaction<Database>,
  command: ResendEmailCommand,
): Promise<ResendEmailOutcome> {
  const index = CUSTOMER_EMAIL_KINDS.indexOf(command.kind);
  if (index < 0)
    throw new ApiError(
      422,
      'unknown_email_kind',
      `"${command.kind}" is not a customer e-mail; one of ${CUSTOMER_EMAIL_KINDS.join(', ')}.`,
      'kind',
    );
  const order = await trx
    .selectFrom('orders')
    .select('id')
    .where('id', '=', command.orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!order) throw notFound(`Order ${command.orderId}`);
  const source = await trx
    .selectFrom('outbox_events as e')
    .innerJoin('outbox_deliveries as d', 'd.event_id', 'e.id')
    .select('e.id')
    .where(sql<string>`e.payload->>'orderId'`, '=', order.id)
    .where('e.type', '=', CUSTOMER_EMAIL_EVENTS[index]!)
    .where('d.consumer', '=', 'customer-email')
    .where('d.status', '=', 'delivered')
    .orderBy('d.delivered_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!source)
    throw new ApiError(
      409,
      'email_never_sent',
      `Order ${order.id} was never sent a ${command.kind} e-mail; only a sent e-mail can be resent.`,
      'kind',
    );
  const eventId = randomUUID();
  await appendOutboxEvents(trx, [
    {
      id: eventId,
      type: 'order.email_resent',
      aggregateType: 'order',
      aggregateId: order.id,
      payload: {
        orderId: order.id,
        kind: command.kind,
        resendOf: source.id,
        reason: command.reason ?? null,
      },
    },
  ]);
  await appendOrderEvents(trx, order.id, command.actor, [
    {
      type: 'email_resent',
      detail: { kind: command.kind, reason: command.reason ?? null, eventId, resendOf: source.id },
    },
  ]);
  return { orderId: order.id, kind: command.kind, eventId, resendOf: source.id };
}
