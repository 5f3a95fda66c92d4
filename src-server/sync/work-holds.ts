// Which station holds which fulfillment, and when it last made progress on it. Every pushed
// pick, pack or carton is progress (`last_progress_at`, the database's clock). A hold ends when
// the station gives the work back (its packer signed out), when a lead releases it, or when it
// has made no progress for the timeout; then, if no other station holds the fulfillment, it is
// `released` again: back in every station's queue.
import { sql, type Transaction } from 'kysely';
import type { FulfillmentStatus } from '../../shared/orders/fulfillment-state';
import { transitionFulfillment } from '../../shared/orders/fulfillment-state';
import type { WorkDoc, WorkRelease } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import { appendOrderEvents } from '../orders/order-writes';
import { isUuid } from '../returns/rma-writes';
import type { StationIdentity } from '../stations/stations';
import { publishFulfillments } from './projections';

type Trx = Transaction<Database>;

/** Shipped and cancelled fulfillments are nobody's work any more. */
export const FINAL_STATUSES = ['shipped', 'cancelled'] as const;

/** The station works on the fulfillment: it holds it, and this is its latest progress. */
export async function recordHold(trx: Trx, station: StationIdentity, work: WorkDoc): Promise<void> {
  await trx
    .insertInto('work_holds')
    .values({
      fulfillment_id: work.fulfillmentId,
      station_id: station.stationId,
      warehouse_code: station.warehouseCode,
      operator_id: work.operatorId,
      stage: work.stage,
      started_at: sql<Date>`now()`,
      last_progress_at: sql<Date>`now()`,
    })
    .onConflict((oc) =>
      oc.columns(['fulfillment_id', 'station_id']).doUpdateSet({
        operator_id: work.operatorId,
        stage: work.stage,
        last_progress_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/** Packing progress (a carton opened, an item scanned) keeps a hold the station already has. */
export async function touchHold(
  trx: Trx,
  station: StationIdentity,
  fulfillmentId: string,
): Promise<void> {
  if (!isUuid(fulfillmentId)) return; // not a fulfillment: nothing is held
  await trx
    .updateTable('work_holds')
    .set({ last_progress_at: sql<Date>`now()` })
    .where('fulfillment_id', '=', fulfillmentId)
    .where('station_id', '=', station.stationId)
    .execute();
}

/**
 * Ends one station's hold on a fulfillment (if it has one) and, when no other station holds it,
 * puts a fulfillment being picked back to `released` for every station. The caller has locked
 * the station's work document; the fulfillment row is locked here. Answers whether a hold ended.
 */
export async function endHold(
  trx: Trx,
  hold: { fulfillmentId: string; stationId: string },
  release: WorkRelease,
  actor: string,
): Promise<boolean> {
  const fulfillment = await trx
    .selectFrom('fulfillment_orders')
    .select(['id', 'order_id', 'status', 'held_from'])
    .where('id', '=', hold.fulfillmentId)
    .forUpdate()
    .executeTakeFirst();
  const ended = await trx
    .deleteFrom('work_holds')
    .where('fulfillment_id', '=', hold.fulfillmentId)
    .where('station_id', '=', hold.stationId)
    .returning('station_id')
    .executeTakeFirst();
  if (!ended || !fulfillment) return false;
  const other = await trx
    .selectFrom('work_holds')
    .select('station_id')
    .where('fulfillment_id', '=', hold.fulfillmentId)
    .executeTakeFirst();
  if (!other) await unpick(trx, fulfillment);
  await appendOrderEvents(trx, fulfillment.order_id, actor, [
    {
      type: 'work_released',
      detail: {
        fulfillmentId: hold.fulfillmentId,
        stationId: hold.stationId,
        by: release.by,
        note: release.note,
      },
    },
  ]);
  return true;
}

/** picking → released (a hold taken from `picking` returns to `released` when lifted). */
async function unpick(
  trx: Trx,
  fulfillment: { id: string; status: string; held_from: string | null },
): Promise<void> {
  if (fulfillment.status === 'on_hold' && fulfillment.held_from === 'picking') {
    await trx
      .updateTable('fulfillment_orders')
      .set({ held_from: 'released', updated_at: new Date() })
      .where('id', '=', fulfillment.id)
      .execute();
    return;
  }
  const moved = transitionFulfillment(
    { status: fulfillment.status as FulfillmentStatus, heldFrom: null },
    'released',
  );
  if (fulfillment.status !== 'picking' || !moved.ok) return;
  await trx
    .updateTable('fulfillment_orders')
    .set({ status: 'released', updated_at: new Date() })
    .where('id', '=', fulfillment.id)
    .execute();
  await publishFulfillments(trx, [fulfillment.id]);
}
