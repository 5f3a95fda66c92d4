// Where back-office searches and reports read: a streaming replica when one is configured
// (DATABASE_READ_URL) and it is close enough behind the primary, else the primary. The replica's
// lag is measured at most once a second and shown with each answer it served. Everything that
// must see its own writes — intake and replays, one order by id, cancel and hold, stock, station
// sync, the outbox — reads the primary and never comes through here.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { isDatabaseUnavailable } from './unavailable';

export interface BackOfficeReads {
  /** The database to read from now; `lagMs` is null when that is the primary. */
  pick(): Promise<{ db: Kysely<Database>; lagMs: number | null }>;
  /** The replica failed a read: the primary serves until a lag check finds it back. */
  lost(): void;
}

const LAG_CHECK_MS = 1000;

export function primaryReads(primary: Kysely<Database>): BackOfficeReads {
  return { pick: async () => ({ db: primary, lagMs: null }), lost: () => undefined };
}

/**
 * How far the replica's data is behind, in ms: 0 when it has replayed all it received (an idle
 * primary sends nothing, which is not lag), else the age of the last transaction it replayed.
 * A server that is not a standby is never behind.
 */
export async function replicaLagMs(replica: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ lag_ms: number | string | null }>`
    select case
      when not pg_is_in_recovery() then 0
      when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
      else greatest(0, extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000)
    end as lag_ms`.execute(replica);
  const lag = Number(rows[0]?.lag_ms ?? 0);
  return Number.isFinite(lag) ? Math.round(lag) : Number.POSITIVE_INFINITY;
}

export function replicaReads(
  primary: Kysely<Database>,
  replica: Kysely<Database>,
  options: { maxLagMs: number; warn?: (detail: object, message: string) => void },
): BackOfficeReads {
  // The last measured lag; a measurement runs in the background so no request waits for it
  // (an unreachable replica takes a connect timeout to tell). Until the first, the primary.
  let lagMs: number | null = null;
  let checkedAt = 0;
  let measuring = false;
  const measure = async () => {
    measuring = true;
    try {
      lagMs = await replicaLagMs(replica);
    } catch (err) {
      if (lagMs !== null)
        options.warn?.(
          { err },
          'the read replica is unreachable; back-office reads use the primary',
        );
      lagMs = null;
    } finally {
      checkedAt = Date.now();
      measuring = false;
    }
  };
  return {
    async pick() {
      if (!measuring && Date.now() - checkedAt >= LAG_CHECK_MS) void measure();
      if (lagMs === null || lagMs > options.maxLagMs) return { db: primary, lagMs: null };
      return { db: replica, lagMs };
    },
    lost() {
      lagMs = null;
      checkedAt = Date.now();
    },
  };
}

/** Answers served from the replica carry its lag, so a reader knows how fresh the page is. */
export const REPLICA_LAG_HEADER = 'replica-lag-ms';

/**
 * Runs one back-office read on the replica when it may serve (marking the reply with its lag),
 * else on the primary; a replica lost in the middle of it is written off until the next lag check
 * and the read runs again on the primary, so its loss never fails a request.
 */
export async function backOfficeRead<T>(
  reads: BackOfficeReads,
  reply: { header(name: string, value: string): unknown },
  read: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const { db, lagMs } = await reads.pick();
  if (lagMs === null) return read(db);
  try {
    const result = await read(db);
    reply.header(REPLICA_LAG_HEADER, String(lagMs));
    return result;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    reads.lost();
    return read((await reads.pick()).db);
  }
}
