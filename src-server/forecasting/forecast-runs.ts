// Claiming and finishing forecast runs. One run at a time across all instances: a unique index
// over running runs, and an advisory lock around claim and finish so a nightly claim never
// slips in between another instance finishing today's run and that run being visible.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** A running run whose heartbeat is older than this is taken to have died with its instance. */
export const STALE_RUN_MS = 10 * 60_000;

const LOCK = sql`select pg_advisory_xact_lock(hashtext('forecast-runs'))`;

export type ClaimMode =
  /** The nightly run: not when a run for the day has finished already. */
  | 'nightly'
  /** Asked for by a user: runs again even when today's run finished. */
  | 'on_demand';

export interface ClaimedRun {
  id: string;
  asOf: string;
}

/** Starts a run, or answers null when one is running (or, nightly, today's has finished). */
export async function claimForecastRun(
  db: Kysely<Database>,
  asOf: string,
  mode: ClaimMode,
  triggeredBy: string,
): Promise<ClaimedRun | null> {
  return db.transaction().execute(async (trx) => {
    await LOCK.execute(trx);
    await trx
      .updateTable('forecast_runs')
      .set({ status: 'abandoned', finished_at: new Date(), error: 'heartbeat stopped' })
      .where('status', '=', 'running')
      .where('heartbeat_at', '<', new Date(Date.now() - STALE_RUN_MS))
      .execute();
    const blocking = await trx
      .selectFrom('forecast_runs')
      .select('id')
      .where((eb) =>
        mode === 'nightly'
          ? eb.or([
              eb('status', '=', 'running'),
              eb.and([eb('status', '=', 'finished'), eb('as_of', '=', asOf)]),
            ])
          : eb('status', '=', 'running'),
      )
      .executeTakeFirst();
    if (blocking) return null;
    const id = randomUUID();
    await trx
      .insertInto('forecast_runs')
      .values({ id, as_of: asOf, status: 'running', triggered_by: triggeredBy })
      .execute();
    return { id, asOf };
  });
}

export async function heartbeat(
  db: Kysely<Database> | Transaction<Database>,
  runId: string,
  progress: { total: number; done: number },
): Promise<void> {
  await db
    .updateTable('forecast_runs')
    .set({ heartbeat_at: new Date(), series_total: progress.total, series_done: progress.done })
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .execute();
}

export async function finishForecastRun(
  db: Kysely<Database>,
  runId: string,
  outcome: { status: 'finished' } | { status: 'failed'; error: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await LOCK.execute(trx);
    await trx
      .updateTable('forecast_runs')
      .set({
        status: outcome.status,
        error: outcome.status === 'failed' ? outcome.error : null,
        finished_at: new Date(),
      })
      .where('id', '=', runId)
      .where('status', '=', 'running')
      .execute();
  });
}
