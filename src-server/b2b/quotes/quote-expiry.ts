// Sent quotes expire by themselves the day after their validity. The database is the truth: an
// acceptance after the date is refused in its own transaction (quote-accept.ts), and every
// instance sweeps now and then, each due quote locked with SKIP LOCKED so two instances never
// expire one twice; each expiry writes its `quote.expired` outbox event in the same transaction.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { appendOutboxEvents } from '../../outbox/outbox';
import { today } from './quotes';

export async function expireDueQuotes(db: Kysely<Database>, now = new Date(), batch = 200) {
  let expired = 0;
  for (let round = 0; round < 1000; round++) {
    const count = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string; number: string; valid_until: string }>`
        select q.id, q.number, v.valid_until from b2b_quotes q
        join b2b_quote_versions v on v.quote_id = q.id and v.version = q.current_version
        where q.status = 'sent' and v.valid_until < ${today(now)}::date
        order by v.valid_until, q.id
        limit ${batch}
        for update of q skip locked`.execute(trx);
      if (rows.length === 0) return 0;
      await trx
        .updateTable('b2b_quotes')
        .set({ status: 'expired', accept_token_hash: null, updated_at: now })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      await appendOutboxEvents(
        trx,
        rows.map((r) => ({
          type: 'quote.expired' as const,
          aggregateType: 'quote' as const,
          aggregateId: r.id,
          payload: { quoteId: r.id, number: r.number, validUntil: r.valid_until },
        })),
      );
      return rows.length;
    });
    expired += count;
    if (count < batch) break;
  }
  return expired;
}

/** Sweeps every `everyMs`; a failed sweep is logged and the next one tries again. */
export function startQuoteExpiry(
  db: Kysely<Database>,
  everyMs: number,
  warn: (message: string, err: unknown) => void,
) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = expireDueQuotes(db).catch((err: unknown) => warn('quote expiry sweep failed', err));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
