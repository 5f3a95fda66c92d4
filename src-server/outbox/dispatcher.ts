// Delivers outbox events: fans each event out to its receivers, then claims due deliveries and
// sends them with bounded concurrency. At-least-once: a delivery is retried with backoff until
// accepted or dead-lettered; receivers de-duplicate by delivery id (docs/webhooks.md). Any number
// of dispatchers (one per server instance) may run against one database; each holds its claims
// by a heartbeat, so a dead one's deliveries are taken over within seconds.
import type { Kysely } from 'kysely';
import type { Listen } from '../db/connect';
import { isDatabaseUnavailable } from '../db/unavailable';
import type { Database } from '../db/schema';
import type { DispatcherSettings } from '../notifications/notification-config';
import { consumerKind, DeliveryFailure } from './consumer';
import type { DeliveryJob, DeliveryResult, OutboxConsumer } from './consumer';
import type { AttemptRecord } from './delivery-store';
import {
  claimDueDeliveries,
  fanOutDueEvents,
  recordAttempt,
  releaseDeliveries,
} from './delivery-store';
import { DispatcherHeartbeat } from './dispatcher-heartbeat';
import { OUTBOX_CHANNEL } from './outbox';
import { retryDelayMs } from './retry-policy';

export interface DispatcherLog {
  info(detail: object, message: string): void;
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
  private readonly heartbeat: DispatcherHeartbeat;
  private readonly unrecorded: AttemptRecord[] = [];
  private readonly unreleased = new Set<string>();

  constructor(private readonly options: DispatcherOptions) {
    this.byKind = new Map(options.consumers.map((c) => [c.kind, c]));
    this.heartbeat = new DispatcherHeartbeat(options.db, options.settings, {
      onFreed: () => this.poke(),
      log: options.log,
    });
  }

  /** This dispatcher's id in outbox_dispatchers and outbox_deliveries.claimed_by. */
  get id(): string {
    return this.heartbeat.id;
  }

  async start(): Promise<void> {
    if (this.loop) return;
    this.stopping = false;
    this.heartbeat.start();
    // After a lost LISTEN connection, notices may have been missed: look at once.
    if (this.options.listen)
      this.unlisten = await this.options.listen(
        OUTBOX_CHANNEL,
        () => this.poke(),
        () => this.poke(),
      );
    this.loop = this.run();
  }

  /** Finishes the deliveries in flight, hands the rest of the batch back, and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.poke();
    await this.loop;
    this.loop = undefined;
    // What cannot be written now is handed back with the claims: sent again, same delivery id.
    await this.settleLeftovers().catch(() => undefined);
    await this.heartbeat.stop();
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
    await this.settleLeftovers();
    const fannedOut = await fanOutDueEvents(db, this.options.consumers, settings.batchSize);
    // Claims are safe only while the heartbeat that holds them is alive.
    await this.heartbeat.ensureFresh();
    const jobs = await claimDueDeliveries(db, this.id, settings.batchSize);
    let next = 0;
    const worker = async () => {
      while (next < jobs.length && !this.stopping) await this.deliver(jobs[next++]!);
    };
    try {
      await Promise.all(
        Array.from({ length: Math.min(settings.concurrency, jobs.length) }, worker),
      );
    } finally {
      const unstarted = jobs.slice(next).map((j) => j.deliveryId);
      await releaseDeliveries(db, this.id, unstarted).catch((error: unknown) => {
        for (const id of unstarted) this.unreleased.add(id);
        throw error;
      });
    }
    return Math.max(fannedOut, jobs.length);
  }

  private async run(): Promise<void> {
    const { settings, log } = this.options;
    let failures = 0;
    let unavailable = false;
    while (!this.stopping) {
      let found = 0;
      this.poked = false;
      try {
        found = await this.runOnce();
        failures = 0;
      } catch (error) {
        failures += 1;
        unavailable = isDatabaseUnavailable(error);
        if (!unavailable || failures === 1 || failures % 30 === 0)
          log?.warn({ err: error, failures }, 'outbox dispatch round failed');
      }
      if (this.stopping) break;
      // A full batch means more is waiting; otherwise sleep until a notice or the next poll.
      // While the database is away, look again soon (a resumed LISTEN also wakes the loop).
      if (failures > 0 || (found < settings.batchSize && !this.poked)) {
        await this.sleep(
          failures === 0
            ? settings.pollIntervalMs
            : unavailable
              ? Math.min(settings.pollIntervalMs, 1000)
              : Math.min(settings.pollIntervalMs * 2 ** Math.min(failures, 6), 300_000),
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
    const { settings, log } = this.options;
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
    const attempt: AttemptRecord = {
      job,
      dispatcherId: this.id,
      result,
      durationMs: performance.now() - started,
      maxAttempts: settings.maxAttempts,
      retryDelayMs: retryDelayMs(job.attempt, {
        baseMs: settings.backoffBaseMs,
        maxMs: settings.backoffMaxMs,
      }),
    };
    try {
      await this.store(attempt);
    } catch (error) {
      // Kept (with its claim) and stored by a later round, so the receiver is not called again.
      this.unrecorded.push(attempt);
      log?.warn({ err: error, deliveryId: job.deliveryId }, 'could not record a delivery attempt');
    }
  }

  private async store(attempt: AttemptRecord): Promise<void> {
    const status = await recordAttempt(this.options.db, attempt);
    const { job } = attempt;
    if (status === 'dead' || status === 'taken-over')
      this.options.log?.warn(
        { deliveryId: job.deliveryId, eventId: job.event.id, consumer: job.consumer },
        status === 'dead'
          ? 'delivery dead-lettered'
          : 'delivery was taken over by another dispatcher while it was sent',
      );
  }

  /** Outcomes and hand-backs an earlier round could not write (the database was away). */
  private async settleLeftovers(): Promise<void> {
    while (this.unrecorded.length > 0) {
      await this.store(this.unrecorded[0]!);
      this.unrecorded.shift();
    }
    if (this.unreleased.size === 0) return;
    await releaseDeliveries(this.options.db, this.id, [...this.unreleased]);
    this.unreleased.clear();
  }
}
