// Moves an RMA through its states (shared/returns/rma-state.ts decides what is legal) and keeps
// the event trail: every move (and every parcel that moved nothing) is one rma_events row,
// written in the caller's transaction.
import type { Transaction } from 'kysely';
import { transitionRma, type RmaStatus } from '../../shared/returns/rma-state';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';

type Trx = Transaction<Database>;

export interface LockedRma {
  id: string;
  code: string;
  order_id: string;
  warehouse_code: string;
  status: RmaStatus;
  reason: string;
  refund_method: string;
  expires_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RMA ids are UUIDs; anything else (a mistyped scan) is simply not an RMA, never a database error. */
export const isUuid = (value: string) => UUID.test(value);

export async function lockRma(trx: Trx, rmaId: string): Promise<LockedRma | null> {
  if (!isUuid(rmaId)) return null;
  const row = await trx
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
    .where('id', '=', rmaId)
    .forUpdate()
    .executeTakeFirst();
  return row
    ? { ...row, status: row.status as RmaStatus, expires_at: new Date(row.expires_at) }
    : null;
}

export async function lockRmaOrThrow(trx: Trx, rmaId: string): Promise<LockedRma> {
  const rma = await lockRma(trx, rmaId);
  if (!rma) throw notFound(`RMA ${rmaId}`);
  return rma;
}

/** Moves the (locked) RMA to `to` and records who did it and why; refuses an illegal move with 409. */
export async function moveRma(
  trx: Trx,
  rma: LockedRma,
  to: RmaStatus,
  actor: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const moved = transitionRma(rma.status, to);
  if (!moved.ok) throw new ApiError(409, 'rma_state', `RMA ${rma.code}: ${moved.reason}`, 'status');
  await trx
    .updateTable('rmas')
    .set({ status: to, updated_at: new Date() })
    .where('id', '=', rma.id)
    .execute();
  await recordEvent(trx, rma, to, actor, detail);
  rma.status = to;
}

/** Moves the (locked) RMA through `path` in order, each move with the same detail. */
export async function moveRmaThrough(
  trx: Trx,
  rma: LockedRma,
  path: readonly RmaStatus[],
  actor: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  for (const to of path) await moveRma(trx, rma, to, actor, detail);
}

/** Records what happened to the RMA without a move (a parcel that left its state as it was). */
export async function noteRma(
  trx: Trx,
  rma: LockedRma,
  actor: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await recordEvent(trx, rma, rma.status, actor, detail);
  await trx.updateTable('rmas').set({ updated_at: new Date() }).where('id', '=', rma.id).execute();
}

async function recordEvent(
  trx: Trx,
  rma: LockedRma,
  to: RmaStatus,
  actor: string,
  detail: Record<string, unknown>,
) {
  await trx
    .insertInto('rma_events')
    .values({
      rma_id: rma.id,
      from_status: rma.status,
      to_status: to,
      actor,
      detail: JSON.stringify(detail),
    })
    .execute();
}
