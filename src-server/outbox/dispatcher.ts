// Delivers outbox events: fans each event out to its receivers, then claims due deliveries and
// sends them with bounded concurrency. At-least-once: a delivery is retried with backoff until
// accepted or dead-lettered; receivers de-duplicate by event id. Any number of dispatchers (one
// per server instance) may run against one database.
import type { Kysely } from 'kysely';
import type { Listen } from '../db/connect';
import type { Database } from '../db/schema';
import type { DispatcherSettings } from '../notifications/notification-config';
import { consumerKind, DeliveryFailure } from './consumer';
import type { DeliveryJob, DeliveryResult, OutboxConsumer } from './consumer';
import {
  claimDueDeliveries,
  fanOutDueEvents,
  recordAttempt,
  releaseDeliveries,
} from './delivery-store';
import { OUTBOX_CHANNEL } from './outbox';
import { retryDelayMs } from './retry-policy';

export interface DispatcherLog {
  warn(detail: object, message: string): void;
}

export interface DispatcherOptions {
  db: Kysely<Database>;
  consumers: readonly OutboxConsumer[];
  settings: DispatcherSettings;
  /** Wakes the dispatcher when an event commits; without it, it polls. */
  listen?: Listen | undefined;
  log?: DispatcherLog | undefined;
}

export class OutboxDispatcher {
  private readonly byKind: Map<string, OutboxConsumer>;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  /** A notice that came while a round was running: look again instead of sleeping. */
  private poked = false;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly options: DispatcherOptions) {
    this.byKind = new Map(options.consumers.map((c) => [c.kind, c]));
  }

  async start(): Promise<void> {
    if (this.loop) return;
    this.stopping = false;
    if (this.options.listen)
      this.unlisten = await this.options.listen(OUTBOX_CHANNEL, () => this.poke());
    this.loop = this.run();
  }

  /** Finishes the deliveries in flight, hands the rest of the batch back, and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.poke();
    await this.loop;
    this.loop = undefined;
    await this.unlisten?.();
    this.unlisten = undefined;
  }

  /** Look for work now rather than at the next poll. */
  poke(): void {
    this.poked = true;
    this.wake?.();
  }

  /** One round: fan out due events, deliver due deliveries. Returns how much work it found. */
  async runOnce(): Promise<number> {
    const { db, settings } = this.options;
    const fannedOut = await fanOutDueEvents(db, this.options.consumers, settings.batchSize);
    const jobs = await claimDueDeliveries(db, settings.batchSize, settings.leaseMs);
    let next = 0;
    const worker = async () => {
      while (next < jobs.length && !this.stopping) await this.deliver(jobs[next++]!);
    };
    try {
      await Promise.all(
        Array.from({ length: Math.min(settings.concurrency, jobs.length) }, worker),
      );
    } finally {
      await releaseDeliveries(
        db,
        jobs.slice(next).map((j) => j.deliveryId),
      );
    }
    return Math.max(fannedOut, jobs.length);
  }

  private async run(): Promise<void> {
    const { settings, log } = this.options;
    let failures = 0;
    while (!this.stopping) {
      let found = 0;
      this.poked = false;
      try {
        found = await this.runOnce();
        failures = 0;
      } catch (error) {
        failures += 1;
        log?.warn({ err: error }, 'outbox dispatch round failed');
      }
      if (this.stopping) break;
      // A full batch means more is waiting; otherwise sleep until a notice or the next poll.
      if (failures > 0 || (found < settings.batchSize && !this.poked)) {
        await this.sleep(
          failures > 0
            ? Math.min(settings.pollIntervalMs * 2 ** Math.min(failures, 6), 300_000)
            : settings.pollIntervalMs,
        );
      }
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

  private async deliver(job: DeliveryJob): Promise<void> {
    const { db, settings, log } = this.options;
    const consumer = this.byKind.get(consumerKind(job.consumer));
    const started = performance.now();
    let result: DeliveryResult | DeliveryFailure;
    try {
      if (!consumer)
        throw new DeliveryFailure(
          `No consumer "${consumerKind(job.consumer)}" is configured here.`,
        );
      result = await consumer.deliver(job);
    } catch (error) {
      result =
        error instanceof DeliveryFailure
          ? error
          : new DeliveryFailure(error instanceof Error ? error.message : String(error));
    }
    const durationMs = performance.now() - started;
    try {
      const status = await recordAttempt(db, {
        job,
        result,
        durationMs,
        maxAttempts: settings.maxAttempts,
        retryDelayMs: retryDelayMs(job.attempt, {
          baseMs: settings.backoffBaseMs,
          maxMs: settings.backoffMaxMs,
        }),
      });
      if (status === 'dead')
        log?.warn(
          { deliveryId: job.deliveryId, eventId: job.event.id, consumer: job.consumer },
          'delivery dead-lettered',
        );
    } catch (error) {
      // The lease runs out and another round tries again: at-least-once, never lost.
      log?.warn({ err: error, deliveryId: job.deliveryId }, 'could not record a delivery attempt');
    }
  }
}
