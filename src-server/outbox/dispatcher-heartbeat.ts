// A dispatcher's claims last as long as its heartbeat: a row in outbox_dispatchers it renews every
// `heartbeatMs`. Every live dispatcher also frees the claims of dispatchers silent for longer than
// `claimTimeoutMs` (killed, crashed, cut off), so their deliveries are sent by someone else within
// seconds, under the same delivery id. All times are the database's clock.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

const before = (ms: number) => sql<Date>`now() - make_interval(secs => ${ms / 1000})`;

/** Registers dispatcher `id`, or renews its heartbeat. */
export async function renewHeartbeat(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .insertInto('outbox_dispatchers')
    .values({ id })
    .onConflict((oc) => oc.column('id').doUpdateSet({ heartbeat_at: sql<Date>`now()` }))
    .execute();
}

/** Frees the claims of dispatchers silent for `claimTimeoutMs` (or gone); returns how many. */
export async function freeClaimsOfSilentDispatchers(
  db: Kysely<Database>,
  claimTimeoutMs: number,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const freed = await trx
      .updateTable('outbox_deliveries as d')
      .set({ claimed_by: null, updated_at: sql<Date>`now()` })
      .where('d.claimed_by', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('outbox_dispatchers as o')
              .select('o.id')
              .whereRef('o.id', '=', 'd.claimed_by')
              .where('o.heartbeat_at', '>', before(claimTimeoutMs)),
          ),
        ),
      )
      .executeTakeFirst();
    await trx
      .deleteFrom('outbox_dispatchers')
      .where('heartbeat_at', '<=', before(claimTimeoutMs))
      .execute();
    return Number(freed.numUpdatedRows);
  });
}

/** A stopping dispatcher hands back whatever it still holds and signs off. */
export async function retireDispatcher(db: Kysely<Database>, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('outbox_deliveries')
      .set({ claimed_by: null, updated_at: sql<Date>`now()` })
      .where('claimed_by', '=', id)
      .execute();
    await trx.deleteFrom('outbox_dispatchers').where('id', '=', id).execute();
  });
}

export interface HeartbeatSettings {
  heartbeatMs: number;
  claimTimeoutMs: number;
}

export interface HeartbeatHooks {
  /** Claims of a silent dispatcher were freed: there is work to take over. */
  onFreed(count: number): void;
  log?: {
    warn(detail: object, message: string): void;
    info(detail: object, message: string): void;
  };
}

/** One dispatcher's heartbeat: renewed on a timer, and the judge of the others' silence. */
export class DispatcherHeartbeat {
  readonly id = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private renewedAt: number | undefined;
  private healthySince: number | undefined;
  private failures = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: HeartbeatSettings,
    private readonly hooks: HeartbeatHooks,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.beat(), this.settings.heartbeatMs);
    this.timer.unref();
    void this.beat();
  }

  /** Before claiming: renews the heartbeat unless it is fresh; throws when it cannot. */
  async ensureFresh(): Promise<void> {
    const fresh =
      this.renewedAt !== undefined &&
      performance.now() - this.renewedAt < this.settings.heartbeatMs * 2;
    if (!fresh) await this.renew();
  }

  /** Stops beating and hands back what this dispatcher still holds. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    // If the database is away, the others free these claims once the heartbeat times out.
    await retireDispatcher(this.db, this.id).catch((err: unknown) =>
      this.hooks.log?.warn({ err }, 'could not hand back outbox claims; they time out instead'),
    );
  }

  private beat(): Promise<void> {
    this.running ??= this.renew()
      .catch((err: unknown) => {
        this.healthySince = undefined;
        this.failures += 1;
        if (this.failures === 1 || this.failures % 30 === 0)
          this.hooks.log?.warn({ err, failures: this.failures }, 'outbox heartbeat failed');
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async renew(): Promise<void> {
    await renewHeartbeat(this.db, this.id);
    const now = performance.now();
    this.renewedAt = now;
    this.healthySince ??= now;
    this.failures = 0;
    // Right after an outage every heartbeat is old, this one's too: only a dispatcher that has
    // itself been beating for a whole timeout judges the others silent.
    if (now - this.healthySince < this.settings.claimTimeoutMs) return;
    const freed = await freeClaimsOfSilentDispatchers(this.db, this.settings.claimTimeoutMs);
    if (freed > 0) {
      this.hooks.log?.info({ freed }, 'took over the outbox claims of a silent dispatcher');
      this.hooks.onFreed(freed);
    }
  }
}
