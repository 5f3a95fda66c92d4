// Background work (start-up, the demo seed) rides through a database outage: when it fails
// because the database went away, it waits until the database answers and runs again. Anything
// else still fails as before. The work must be safe to run again (each piece is idempotent).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { isDatabaseUnavailable } from './unavailable';

export interface RideThroughOptions {
  log: { info(detail: object, message: string): void; warn(detail: object, message: string): void };
  /** Asked between tries: a stopping process does not wait for the database. */
  shouldStop: () => boolean;
  /** Longest pause between two tries. */
  maxDelayMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when the database answers (or the process stops); throws on any other failure. */
export async function waitForDatabase(
  db: Kysely<Database>,
  options: RideThroughOptions,
): Promise<void> {
  const started = Date.now();
  for (let attempt = 0; !options.shouldStop(); attempt++) {
    try {
      await sql`select 1`.execute(db);
      if (attempt > 0) options.log.info({ waitedMs: Date.now() - started }, 'database is back');
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      if (attempt === 0 || attempt % 20 === 0)
        options.log.warn({ err: error }, 'database unreachable; waiting for it');
      await pause(Math.min(options.maxDelayMs ?? 2000, 100 * 2 ** Math.min(attempt, 5)));
    }
  }
}

/** Runs `work`, and again after each time it failed because the database was unreachable. */
export async function rideThroughOutages<T>(
  what: string,
  db: Kysely<Database>,
  work: () => Promise<T>,
  options: RideThroughOptions,
): Promise<T | undefined> {
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || options.shouldStop()) throw error;
      options.log.warn({ err: error }, `${what}: the database went away; resuming when it is back`);
      await waitForDatabase(db, options);
      if (options.shouldStop()) return undefined;
    }
  }
}
