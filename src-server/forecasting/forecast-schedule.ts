// The nightly forecast run: every instance checks every few minutes whether today's run is due
// (past the configured UTC hour) and tries to claim it; the claim lets exactly one instance run
// it (forecast-runs.ts), the others find it running or finished and do nothing.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { runForecasts } from './forecast-job';

const CHECK_MS = 5 * 60_000;

export interface ForecastSchedule {
  stop(): Promise<void>;
}

export function startForecastSchedule(
  db: Kysely<Database>,
  hourUtc: number,
  log: (message: string, error?: unknown) => void,
): ForecastSchedule {
  let running: Promise<unknown> | null = null;
  let stopping = false;
  const tick = () => {
    const now = new Date();
    if (running || now.getUTCHours() < hourUtc) return;
    running = runForecasts(db, now.toISOString().slice(0, 10), 'nightly', 'nightly', {
      yieldBetweenChunks: true,
      shouldStop: () => stopping,
    })
      .catch((error: unknown) => log('the nightly forecast run failed', error))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, CHECK_MS);
  timer.unref();
  setTimeout(tick, 30_000).unref();
  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await running;
    },
  };
}
