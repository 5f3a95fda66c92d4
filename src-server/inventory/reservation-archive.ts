// Moves released reservations to reservations_archive, oldest first, in bounded steps, so the
// reservations table holds the open ones (and those released within the grace period). Every
// instance sweeps; SKIP LOCKED keeps two sweeps off the same rows.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface ReservationArchiveOptions {
  /** Released at least this long ago (ms). */
  releasedBeforeMs: number;
  /** Rows moved per statement. */
  step: number;
}

export const RESERVATION_ARCHIVE_DEFAULTS: ReservationArchiveOptions = {
  releasedBeforeMs: 60 * 60 * 1000,
  step: 5000,
};

/** One sweep: moves every reservation released before the grace period; returns how many. */
export async function archiveReleasedReservations(
  db: Kysely<Database>,
  options: ReservationArchiveOptions = RESERVATION_ARCHIVE_DEFAULTS,
): Promise<number> {
  const before = new Date(Date.now() - options.releasedBeforeMs);
  let moved = 0;
  for (;;) {
    const { rows } = await sql<{ n: number }>`
      with done as (
        delete from reservations where id in (
          select id from reservations
          where released_at is not null and released_at < ${before}
          order by released_at
          limit ${options.step}
          for update skip locked)
        returning *),
      archived as (insert into reservations_archive select * from done returning 1)
      select count(*)::int as n from archived`.execute(db);
    const n = rows[0]?.n ?? 0;
    moved += n;
    if (n < options.step) return moved;
  }
}

export function startReservationArchive(
  db: Kysely<Database>,
  everyMs: number,
  warn: (message: string, err: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = archiveReleasedReservations(db).catch((err: unknown) =>
      warn('reservation archive sweep failed', err),
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
