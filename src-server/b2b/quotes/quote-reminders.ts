// A reminder goes to the buyer a few days before a sent quote expires, once per sent version.
// One instance sweeps at a time (a transaction-scoped advisory lock; another instance finding it
// taken skips its turn), and the reminder's outbox event is written in the same transaction as
// the quote's `reminded_version`, so it is queued exactly once even when instances race.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { appendOutboxEvents } from '../../outbox/outbox';
import { today } from './quotes';

/** Days before the last valid day that the reminder is sent. */
export const QUOTE_REMINDER_DAYS = 3;

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Queues the reminders that are due; answers how many (null: another instance is sweeping). */
export async function queueQuoteReminders(
  db: Kysely<Database>,
  now = new Date(),
  daysBefore = QUOTE_REMINDER_DAYS,
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const { rows: lock } = await sql<{ locked: boolean }>`
      select pg_try_advisory_xact_lock(hashtext('oms:quote-reminders')) as locked`.execute(trx);
    if (!lock[0]?.locked) return null;
    const day = today(now);
    const { rows } = await sql<{
      id: string;
      number: string;
      version: number;
      valid_until: string;
    }>`
      select q.id, q.number, q.current_version as version, v.valid_until::text as valid_until
      from b2b_quotes q
      join b2b_quote_versions v on v.quote_id = q.id and v.version = q.current_version
      where q.status = 'sent'
        and v.valid_until >= ${day}::date
        and v.valid_until <= ${addDays(day, daysBefore)}::date
        and q.reminded_version is distinct from q.current_version
      order by v.valid_until, q.id
      limit 500
      for update of q skip locked`.execute(trx);
    for (const r of rows)
      await trx
        .updateTable('b2b_quotes')
        .set({ reminded_version: r.version })
        .where('id', '=', r.id)
        .execute();
    await appendOutboxEvents(
      trx,
      rows.map((r) => ({
        type: 'quote.expiry_reminder' as const,
        aggregateType: 'quote' as const,
        aggregateId: r.id,
        payload: { quoteId: r.id, number: r.number, version: r.version, validUntil: r.valid_until },
      })),
    );
    return rows.length;
  });
}

/** Sweeps every `everyMs`; a failed sweep is logged and the next one tries again. */
export function startQuoteReminders(
  db: Kysely<Database>,
  everyMs: number,
  warn: (message: string, err: unknown) => void,
) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = queueQuoteReminders(db).catch((err: unknown) =>
      warn('quote reminder sweep failed', err),
    );
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
