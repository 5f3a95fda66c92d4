// The periodic alert check: low stock per warehouse × SKU, products not selling, late shipments,
// shipped parcels not delivered by their promised date (+ grace)
// and the weekly return-rate digest. A raised alert is remembered (alert_marks) until its
// condition clears, so each tick raises only new ones. One instance checks at a time.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { appendOutboxEvents } from '../../outbox/outbox';
import type { OutboxAggregateType, OutboxEvent, OutboxEventType } from '../../outbox/outbox';
import type { AlertSettings } from '../notification-config';
import {
  isoWeek,
  lateShipments,
  lowStock,
  notSelling,
  returnRateDigest,
  undeliveredShipments,
} from './alert-conditions';

export interface AlertCheckOutcome {
  raised: Record<string, number>;
  cleared: number;
  digest: boolean;
  /** False when another instance was checking at the same moment. */
  ran: boolean;
}

/** Which alerts to raise (new breaches) and which marks to clear (conditions that ended). */
export function diffAlerts<T>(
  open: ReadonlySet<string>,
  current: ReadonlyMap<string, T>,
): { raise: [string, T][]; clear: string[] } {
  return {
    raise: [...current].filter(([subject]) => !open.has(subject)),
    clear: [...open].filter((subject) => !current.has(subject)),
  };
}

const DIGEST_KIND = 'report.return_rate_digest';

async function raise(
  trx: Transaction<Database>,
  kind: OutboxEventType,
  aggregateType: OutboxAggregateType,
  current: Map<string, Record<string, unknown>>,
) {
  const marks = await trx
    .selectFrom('alert_marks')
    .select('subject')
    .where('kind', '=', kind)
    .execute();
  const { raise: toRaise, clear } = diffAlerts(new Set(marks.map((m) => m.subject)), current);
  if (clear.length > 0)
    await trx
      .deleteFrom('alert_marks')
      .where('kind', '=', kind)
      .where('subject', 'in', clear)
      .execute();
  if (toRaise.length === 0) return { raised: 0, cleared: clear.length };
  const events: (OutboxEvent & { id: string })[] = toRaise.map(([subject, payload]) => ({
    id: randomUUID(),
    type: kind,
    aggregateType,
    aggregateId: subject,
    payload,
  }));
  await appendOutboxEvents(trx, events);
  await trx
    .insertInto('alert_marks')
    .values(events.map((e) => ({ kind, subject: e.aggregateId, event_id: e.id })))
    .execute();
  return { raised: toRaise.length, cleared: clear.length };
}

export async function checkAlerts(
  db: Kysely<Database>,
  settings: AlertSettings,
  now: Date = new Date(),
): Promise<AlertCheckOutcome> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_xact_lock(hashtext('oms:alert-check')) as locked`.execute(trx);
    if (!rows[0]?.locked) return { raised: {}, cleared: 0, digest: false, ran: false };
    const results = {
      'stock.low': await raise(trx, 'stock.low', 'stock', await lowStock(trx, settings)),
      'product.not_selling': await raise(
        trx,
        'product.not_selling',
        'product',
        await notSelling(trx, settings, now),
      ),
      'shipment.late': await raise(
        trx,
        'shipment.late',
        'fulfillment',
        await lateShipments(trx, now),
      ),
      'shipment.delivery_overdue': await raise(
        trx,
        'shipment.delivery_overdue',
        'fulfillment',
        await undeliveredShipments(trx, settings, now),
      ),
    };
    const week = isoWeek(now);
    const sent = await trx
      .selectFrom('alert_marks')
      .select('subject')
      .where('kind', '=', DIGEST_KIND)
      .where('subject', '=', week)
      .executeTakeFirst();
    let digest = false;
    if (!sent) {
      // Raising this week's digest also clears last week's mark.
      await raise(
        trx,
        DIGEST_KIND,
        'report',
        new Map([[week, await returnRateDigest(trx, settings, now)]]),
      );
      digest = true;
    }
    return {
      raised: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.raised])),
      cleared: Object.values(results).reduce((sum, v) => sum + v.cleared, 0),
      digest,
      ran: true,
    };
  });
}

export interface AlertCheckerLog {
  warn(detail: object, message: string): void;
}

/** Runs checkAlerts now and then every `checkIntervalMs`; stop() waits for a running check. */
export function startAlertChecker(
  db: Kysely<Database>,
  settings: AlertSettings,
  log?: AlertCheckerLog,
) {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const tick = () => {
    // A check slower than the interval is not overtaken by the next one.
    if (stopped || running) return;
    running = checkAlerts(db, settings)
      .catch((err: unknown) => log?.warn({ err }, 'alert check failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, settings.checkIntervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
