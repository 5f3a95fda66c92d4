// The customer e-mails sent for an order, for its timeline: the customer-email consumer's
// delivered jobs of the events that name the order (migration 0811 indexes them).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { CUSTOMER_EMAIL_EVENTS } from '../notifications/email/customer-email-model';

export const orderEmailViewSchema = z.object({
  /** The event that sent it, with `_` for `.` (order_placed, order_shipped, refund_issued, …). */
  kind: z.string(),
  at: z.string(),
});
export type OrderEmailView = z.infer<typeof orderEmailViewSchema>;

export async function orderEmails(
  db: Kysely<Database>,
  orderId: string,
): Promise<OrderEmailView[]> {
  const rows = await db
    .selectFrom('outbox_events as e')
    .innerJoin('outbox_deliveries as d', 'd.event_id', 'e.id')
    .select(['e.type', 'd.delivered_at'])
    .where(sql<string>`e.payload->>'orderId'`, '=', orderId)
    .where('e.type', 'in', [...CUSTOMER_EMAIL_EVENTS])
    .where('d.consumer', '=', 'customer-email')
    .where('d.status', '=', 'delivered')
    .orderBy('d.delivered_at')
    .execute();
  return rows.flatMap((r) =>
    r.delivered_at ? [{ kind: r.type.replace('.', '_'), at: r.delivered_at.toISOString() }] : [],
  );
}
