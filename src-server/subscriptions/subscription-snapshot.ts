// A subscription's audited state: its row (locked) and its lines, for the audit log's before/after.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

export async function subscriptionSnapshot(trx: Transaction<Database>, id: string) {
  const row = await trx
    .selectFrom('subscriptions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return null;
  const lines = await trx
    .selectFrom('subscription_lines')
    .select(['line_no', 'sku', 'quantity'])
    .where('subscription_id', '=', id)
    .orderBy('line_no')
    .execute();
  return { ...row, lines };
}
