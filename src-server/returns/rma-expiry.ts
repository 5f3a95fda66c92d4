// RMAs that still await goods expire at `expires_at` (RMA_EXPIRY_DAYS after authorisation). Two
// paths reach the same end, so no instance's timing matters: a parcel pushed after the moment finds
// the RMA expired in its own transaction (receipt-checks.ts), and every instance sweeps due RMAs
// now and then, each RMA locked with SKIP LOCKED so two instances never expire the same one twice.
import type { Kysely, Transaction } from 'kysely';
import { AWAITING_GOODS, awaitsGoods } from '../../shared/returns/rma-state';
import type { Database } from '../db/schema';
import { publishRmas } from './rma-projection';
import { moveRma, type LockedRma } from './rma-writes';

type Trx = Transaction<Database>;

export const EXPIRY_ACTOR = 'system:expiry';

export function isDue(rma: Pick<LockedRma, 'status' | 'expires_at'>, now: Date): boolean {
  return awaitsGoods(rma.status) && rma.expires_at.getTime() <= now.getTime();
}

/** Expires the (locked) RMA and tells its warehouse's stations. */
export async function expireRma(trx: Trx, rma: LockedRma): Promise<void> {
  await moveRma(trx, rma, 'expired', EXPIRY_ACTOR, { expiresAt: rma.expires_at.toISOString() });
  await publishRmas(trx, [rma.id]);
}

/** Expires the RMAs due at `now`, a batch per transaction; returns how many it expired. */
export async function expireDueRmas(
  db: Kysely<Database>,
  now: Date = new Date(),
  batch = 200,
): Promise<number> {
  let expired = 0;
  for (let round = 0; round < 1000; round++) {
    const count = await db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('rmas')
        .select([
          'id',
          'code',
          'order_id',
          'warehouse_code',
          'status',
          'reason',
          'refund_method',
          'expires_at',
        ])
        .where('status', 'in', [...AWAITING_GOODS])
        .where('expires_at', '<=', now)
        .orderBy('expires_at')
        .orderBy('id')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const row of due) {
        await moveRma(
          trx,
          {
            ...row,
            status: row.status as LockedRma['status'],
            expires_at: new Date(row.expires_at),
          },
          'expired',
          EXPIRY_ACTOR,
          { expiresAt: new Date(row.expires_at).toISOString() },
        );
      }
      await publishRmas(
        trx,
        due.map((r) => r.id),
      );
      return due.length;
    });
    expired += count;
    if (count < batch) break;
  }
  return expired;
}

export interface ExpirySweep {
  stop(): Promise<void>;
}

/** Sweeps every `everyMs`; a failed sweep is logged and the next one tries again. */
export function startRmaExpiry(
  db: Kysely<Database>,
  everyMs: number,
  warn: (message: string, err: unknown) => void,
): ExpirySweep {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = expireDueRmas(db).catch((err: unknown) => warn('RMA expiry sweep failed', err));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** `2025-04-01`: the day an RMA expired, as the refusal names it. */
export const expiryDay = (at: Date) => at.toISOString().slice(0, 10);
