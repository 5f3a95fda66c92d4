// Places the demo orders through the real intake (placeOrders: pricing, sourcing under stock row
// locks, one statement per batch), a batch of MAX_BATCH at a time, as channels would send them.
// The server may already be serving: between two batches the event loop takes a turn, so the
// requests that arrived meanwhile are read and take their turn at the database too.
import { setImmediate } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { canonicalOrderSchema } from '../../shared/orders/order-schema';
import type { Database } from '../db/schema';
import { MAX_BATCH } from '../orders/intake-queue';
import { acceptCommand, placeOrders } from '../orders/place-order';
import type { IntakeSettings } from '../orders/place-order';
import type { DemoOrder } from './demo-orders';

/** Places `orders` in order; answers how many were placed (ones already stored are skipped). */
export async function placeDemoOrders(
  db: Kysely<Database>,
  settings: IntakeSettings,
  orders: readonly DemoOrder[],
  shouldStop: () => boolean = () => false,
): Promise<number> {
  let placed = 0;
  for (let i = 0; i < orders.length; i += MAX_BATCH) {
    await setImmediate();
    if (shouldStop()) break;
    const batch = orders.slice(i, i + MAX_BATCH).map((demo) =>
      acceptCommand(
        {
          channelCode: demo.channel,
          order: canonicalOrderSchema.parse(demo.order),
          idempotencyKey: null,
          actor: 'seed',
        },
        '',
      ),
    );
    const outcomes = await placeOrders(db, settings, batch);
    outcomes.forEach((outcome, k) => {
      if (outcome.kind === 'refused') {
        const ref = batch[k]!.command.order.channelOrderRef;
        const reason = outcome.error instanceof Error ? outcome.error.message : outcome.error;
        throw new Error(`demo order ${ref} was refused: ${String(reason)}`);
      }
      if (outcome.kind === 'placed') placed += 1;
    });
  }
  return placed;
}
