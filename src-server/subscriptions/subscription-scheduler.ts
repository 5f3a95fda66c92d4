// The renewal scheduler: a polling loop that reads due work from the database — pauses that ended,
// reminders, cycles that closed, charges that are due — and does it in batches. The database is
// the only source of truth: no timer holds a renewal, any number of instances may run, and one
// that stops (or dies) leaves nothing the others cannot pick up. `runOnce` is one full round (tests
// call it after moving their clock).
import { chargeDueBatch } from './renewal-charge';
import type { ChargeOutcome } from './renewal-charge';
import type { RenewalContext } from './renewal-context';
import { prepareDueBatch } from './renewal-prepare';
import type { PrepareOutcome } from './renewal-prepare';
import { endPauses, queueReminders } from './renewal-reminders';

export interface SchedulerLog {
  warn(detail: object, message: string): void;
}

export interface RoundOutcome {
  pausesEnded: number;
  reminders: number;
  prepare: Omit<PrepareOutcome, 'examined'>;
  charge: Omit<ChargeOutcome, 'claimed'>;
}

/** Batches one round takes at most per step, so one step cannot starve the others. */
const MAX_BATCHES = 1000;

function add<K extends string>(into: Record<K, number>, from: NoInfer<Record<K, number>>): void {
  for (const key of Object.keys(into) as K[]) into[key] += from[key] ?? 0;
}

export class SubscriptionScheduler {
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly ctx: RenewalContext,
    private readonly log?: SchedulerLog,
  ) {}

  async runOnce(): Promise<RoundOutcome> {
    const round: RoundOutcome = {
      pausesEnded: await endPauses(this.ctx),
      reminders: await queueReminders(this.ctx),
      prepare: { placed: 0, settled: 0, short: 0, missed: 0 },
      charge: { paid: 0, pending: 0, failed: 0, unpaid: 0, cancelled: 0, deferred: 0 },
    };
    for (let i = 0; i < MAX_BATCHES && !this.stopping; i++) {
      const batch = await prepareDueBatch(this.ctx);
      add(round.prepare, batch);
      if (batch.examined < this.ctx.settings.batchSize) break;
    }
    for (let i = 0; i < MAX_BATCHES && !this.stopping; i++) {
      const batch = await chargeDueBatch(this.ctx);
      add(round.charge, batch);
      if (batch.claimed < this.ctx.settings.batchSize) break;
    }
    return round;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Finishes the batch in hand and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        await this.runOnce();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.log?.warn({ err: error }, 'subscription scheduler round failed');
      }
      if (this.stopping) break;
      const pollMs = this.ctx.settings.pollMs;
      await this.sleep(
        failures > 0 ? Math.min(pollMs * 2 ** Math.min(failures, 6), 300_000) : pollMs,
      );
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).finally(() => {
      this.wake = undefined;
    });
  }
}
