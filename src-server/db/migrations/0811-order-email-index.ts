// The order page's timeline lists the customer e-mails sent for the order: the outbox events that
// send one name the order in their payload (returns and late shipments are not the order's own
// aggregate), so they are found by that, through an index kept to those event types.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index outbox_events_customer_email_order on outbox_events ((payload->>'orderId'))
    where type in ('order.placed', 'order.shipped', 'order.backordered', 'shipment.late',
      'return.authorized', 'return.received', 'refund.issued')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists outbox_events_customer_email_order`.execute(db);
}
