// Held work as a lead sees it, and its release: by a lead, or by any instance once a hold has
// made no progress for the timeout. Whether a hold timed out is read from the database each time
// (last_progress_at against the database's clock), so it holds across instances and restarts.
// The station that held the work learns it from its work document, which the release writes.
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import { workDocId, type WorkRelease } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import { readSyncDocument, writeSyncDocuments } from './document-store';
import type { WorkHoldConfig } from './work-hold-config';
import { endHold, FINAL_STATUSES } from './work-holds';

export const heldWorkSchema = z.object({
  fulfillmentId: z.string(),
  orderNumber: z.string(),
  fulfillmentStatus: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  operatorId: z.string().nullable(),
  stage: z.string(),
  startedAt: z.string(),
  lastProgressAt: z.string(),
  /** When the hold is released if no progress comes before. */
  releasesAt: z.string(),
  timedOut: z.boolean(),
});
export type HeldWork = z.infer<typeof heldWorkSchema>;

const timeoutOf = (config: WorkHoldConfig) =>
  sql<string>`make_interval(secs => ${config.timeoutMinutes * 60})`;

/** The work stations of a warehouse hold now, longest without progress first. */
export async function listHeldWork(
  db: Kysely<Database>,
  warehouseCode: string,
  config: WorkHoldConfig,
  fulfillmentId?: string,
): Promise<HeldWork[]> {
  const rows = await db
    .selectFrom('work_holds as h')
    .innerJoin('fulfillment_orders as f', 'f.id', 'h.fulfillment_id')
    .innerJoin('orders as o', 'o.id', 'f.order_id')
    .innerJoin('stations as s', 's.id', 'h.station_id')
    .select([
      'h.fulfillment_id',
      'o.channel_order_ref',
      'f.status',
      'h.station_id',
      's.name',
      'h.operator_id',
      'h.stage',
      'h.started_at',
      'h.last_progress_at',
      sql<Date>`h.last_progress_at + ${timeoutOf(config)}`.as('releases_at'),
      sql<boolean>`h.last_progress_at + ${timeoutOf(config)} <= now()`.as('timed_out'),
    ])
    .where('h.warehouse_code', '=', warehouseCode)
    .where('f.status', 'not in', FINAL_STATUSES)
    .$if(fulfillmentId !== undefined, (q) => q.where('h.fulfillment_id', '=', fulfillmentId!))
    .orderBy('h.last_progress_at')
    .orderBy('h.fulfillment_id')
    .execute();
  return rows.map((r) => ({
    fulfillmentId: r.fulfillment_id,
    orderNumber: r.channel_order_ref,
    fulfillmentStatus: r.status,
    stationId: r.station_id,
    stationName: r.name,
    operatorId: r.operator_id,
    stage: r.stage,
    startedAt: new Date(r.started_at).toISOString(),
    lastProgressAt: new Date(r.last_progress_at).toISOString(),
    releasesAt: new Date(r.releases_at).toISOString(),
    timedOut: r.timed_out,
  }));
}

export interface ReleaseRequest {
  warehouseCode: string;
  fulfillmentId: string;
  /** Only this station's hold; all holds on the fulfillment when absent. */
  stationId?: string | undefined;
  by: 'lead' | 'timeout';
  note: string | null;
  actor: string;
}

/** Releases held work; answers the holds it ended (none when nobody held it any more). */
export async function releaseHeldWork(
  db: Kysely<Database>,
  request: ReleaseRequest,
  config: WorkHoldConfig,
): Promise<HeldWork[]> {
  const held = (
    await listHeldWork(db, request.warehouseCode, config, request.fulfillmentId)
  ).filter((h) => request.stationId === undefined || h.stationId === request.stationId);
  const released: HeldWork[] = [];
  for (const hold of held) {
    const ended = await db.transaction().execute((trx) => releaseOne(trx, request, hold, config));
    if (ended) released.push(hold);
  }
  return released;
}

/**
 * One hold, in its own transaction: the station's work document first (the lock a push takes
 * first too), then the fulfillment and the hold, checked again under the locks: progress that
 * arrived meanwhile keeps a timed-out hold, and a hold another instance ended is left alone.
 */
async function releaseOne(
  trx: Transaction<Database>,
  request: ReleaseRequest,
  hold: HeldWork,
  config: WorkHoldConfig,
): Promise<boolean> {
  const id = workDocId(hold.fulfillmentId, hold.stationId);
  const stored = await readSyncDocument(trx, request.warehouseCode, 'work', id, {
    forUpdate: true,
  });
  await trx
    .selectFrom('fulfillment_orders')
    .select('id')
    .where('id', '=', hold.fulfillmentId)
    .forUpdate()
    .execute();
  const current = await trx
    .selectFrom('work_holds')
    .select(sql<boolean>`last_progress_at + ${timeoutOf(config)} <= now()`.as('timed_out'))
    .where('fulfillment_id', '=', hold.fulfillmentId)
    .where('station_id', '=', hold.stationId)
    .forUpdate()
    .executeTakeFirst();
  if (!current || (request.by === 'timeout' && !current.timed_out)) return false;
  const release: WorkRelease = {
    by: request.by,
    at: new Date().toISOString(),
    note: request.note,
  };
  if (stored && !stored.deleted && !stored.doc.release) {
    await writeSyncDocuments(trx, request.warehouseCode, 'work', [{ ...stored.doc, id, release }]);
  }
  return endHold(trx, hold, release, request.actor);
}

/**
 * Releases every hold that made no progress for the timeout (at most `limit` per call), and
 * forgets holds on fulfillments that shipped or were cancelled. Safe to run on every instance
 * at once. Answers how many holds were released.
 */
export async function releaseTimedOutWork(
  db: Kysely<Database>,
  config: WorkHoldConfig,
  limit = 200,
): Promise<number> {
  await db
    .deleteFrom('work_holds')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('fulfillment_orders as f')
          .select('f.id')
          .whereRef('f.id', '=', 'work_holds.fulfillment_id')
          .where('f.status', 'in', FINAL_STATUSES),
      ),
    )
    .execute();
  const due = await db
    .selectFrom('work_holds')
    .select(['warehouse_code', 'fulfillment_id', 'station_id'])
    .where(sql<boolean>`last_progress_at + ${timeoutOf(config)} <= now()`)
    .orderBy('last_progress_at')
    .limit(limit)
    .execute();
  let released = 0;
  for (const hold of due) {
    const ended = await releaseHeldWork(
      db,
      {
        warehouseCode: hold.warehouse_code,
        fulfillmentId: hold.fulfillment_id,
        stationId: hold.station_id,
        by: 'timeout',
        note: null,
        actor: 'system:work-hold-timeout',
      },
      config,
    );
    released += ended.length;
  }
  return released;
}

/** Runs releaseTimedOutWork every sweep interval; the database, not this timer, decides what is due. */
export function startWorkHoldSweeper(
  db: Kysely<Database>,
  config: WorkHoldConfig,
  log: (message: string, err: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => releaseTimedOutWork(db, config))
      .catch((err: unknown) => log('releasing timed-out work failed', err));
  }, config.sweepIntervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
