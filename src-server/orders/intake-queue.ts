// The intake queue: every order a channel sends (REST, Shopify, Adobe Commerce) comes through
// here. Orders that arrive while a transaction is running wait for the next one, and that one
// places all of them together ("group commit"): under load the fixed cost of a transaction — row
// locks, round trips, the commit — is shared by up to MAX_BATCH orders instead of paid by each.
// One order alone goes straight in. Each caller still gets its own answer: its order placed, or
// its own error, never one caused by another order of the batch.
// Up to `inFlight` batches run at once (default 2): while one holds its stock locks and writes,
// the next prices its orders, checks its keys and queues for the locks inside PostgreSQL, which
// hands them over at the first one's commit without a round trip. With one batch at a time the
// instance waited on every round trip of every batch, with the database and a core idle.
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/errors';
import { isDatabaseUnavailable } from '../db/unavailable';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { findReplay, requestFingerprint } from './idempotency';
import { storedPlacedAnswer } from './order-contracts';
import { acceptCommand, placeOrders, uniqueKeysOf } from './place-order';
import type {
  AcceptedCommand,
  IntakeSettings,
  PlaceOrderCommand,
  PlaceOrderResult,
} from './place-order';

export const MAX_BATCH = 64;
export const IN_FLIGHT_BATCHES = 2;

interface Waiting {
  accepted: AcceptedCommand;
  resolve(result: PlaceOrderResult): void;
  reject(error: unknown): void;
}

export class OrderIntake {
  private readonly pending: Waiting[] = [];
  private running = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: IntakeSettings,
    private readonly maxBatch = MAX_BATCH,
    private readonly inFlight = IN_FLIGHT_BATCHES,
  ) {}

  /** Places one order; resolves when it is committed (or replayed), rejects with its own error. */
  place(command: PlaceOrderCommand): Promise<PlaceOrderResult> {
    const accepted = acceptCommand(command, requestFingerprint(command.order));
    return new Promise((resolve, reject) => {
      this.pending.push({ accepted, resolve, reject });
      void this.drain();
    });
  }

  /** Starts batches while there are waiting orders and a free slot; each slot loops until empty. */
  private async drain(): Promise<void> {
    if (this.running >= this.inFlight) return;
    this.running++;
    try {
      while (this.pending.length > 0) await this.run(this.takeBatch());
    } finally {
      this.running--;
    }
  }

  /**
   * The next batch, in arrival order. A request repeating the Idempotency-Key or channel order
   * reference of one already in the batch waits for the next batch, where it finds the first
   * one stored and gets its replay (or its 409).
   */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const taken = new Set<string>();
    for (let i = 0; i < this.pending.length && batch.length < this.maxBatch;) {
      const waiting = this.pending[i]!;
      const keys = uniqueKeysOf(waiting.accepted);
      if (keys.some((key) => taken.has(key))) {
        i++;
        continue;
      }
      for (const key of keys) taken.add(key);
      batch.push(waiting);
      this.pending.splice(i, 1);
    }
    return batch;
  }

  private async run(batch: readonly Waiting[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      const outcomes = await placeOrders(
        this.db,
        this.settings,
        batch.map((w) => w.accepted),
      );
      const alone: Waiting[] = [];
      outcomes.forEach((outcome, i) => {
        const waiting = batch[i]!;
        if (outcome.kind === 'placed')
          waiting.resolve({ statusCode: 201, body: outcome.body, replayed: false });
        else if (outcome.kind === 'refused') waiting.reject(outcome.error);
        else alone.push(waiting);
      });
      for (const waiting of alone) await this.run([waiting]);
    } catch (error) {
      if (batch.length === 1) return this.settleFailure(batch[0]!, error);
      // With the database gone, one by one would only fail again, each after its own wait.
      if (isDatabaseUnavailable(error)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      // Something in the batch failed the transaction (most often a replayed key): place the
      // orders one by one, so only the one at fault gets an error.
      for (const waiting of batch) await this.run([waiting]);
    }
  }

  /** A single order's transaction failed: a replay gets its stored answer, a duplicate a 409. */
  private async settleFailure(waiting: Waiting, error: unknown): Promise<void> {
    const { command, fingerprint } = waiting.accepted;
    if (!isUniqueViolation(error)) return waiting.reject(error);
    try {
      // A concurrent request with the same key (or the same channel order) committed first.
      if (command.idempotencyKey !== null) {
        const stored = await findReplay(
          this.db,
          command.channelCode,
          command.idempotencyKey,
          fingerprint,
        );
        if (stored) {
          return waiting.resolve({
            statusCode: stored.statusCode,
            body: storedPlacedAnswer(stored.body),
            replayed: true,
          });
        }
      }
      waiting.reject(
        new ApiError(
          409,
          'duplicate_channel_order',
          `Channel ${command.channelCode} already sent order "${command.order.channelOrderRef}".`,
          'channelOrderRef',
        ),
      );
    } catch (lookupError) {
      waiting.reject(lookupError);
    }
  }
}
