// Places the demo orders through the real intake (placeOrders: pricing, sourcing under stock row
// locks, one statement per batch), a batch of MAX_BATCH at a time, as channels would send them.
// The server may already be serving: between two batches the seed pauses (yield-to-requests.ts),
// so the requests that arrived meanwhile are read and take their turn at the database.
import type { Kysely } from 'kysely';
import { canonicalOrderSchema } from '../../shared/orders/order-schema';
import type { Database } from '../db/schema';
import { MAX_BATCH } from '../orders/intake-queue';
import { acceptCommand, placeOrders, storedUniqueKeys, uniqueKeysOf } from '../orders/place-order';
import type { IntakeSettings } from '../orders/place-order';
import type { DemoOrder } from './demo-orders';
import { yieldToRequests } from './yield-to-requests';

/** Places the demo orders not stored yet (a seed stopped midway), in order, until `shouldStop`. */
export async function placeDemoOrders(
  db: Kysely<Database>,
  settings: IntakeSettings,
  orders: readonly DemoOrder[],
  shouldStop: () => boolean = () => false,
): Promise<{ placed: number; alreadyStored: number }> {
  const commands = orders.map((demo) =>
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
  const stored = await storedUniqueKeys(db, commands);
  const missing = commands.filter((c) => !uniqueKeysOf(c).some((key) => stored.has(key)));
  let placed = 0;
  for (let i = 0; i < missing.length; i += MAX_BATCH) {
    await yieldToRequests();
    if (shouldStop()) break;
    const batch = missing.slice(i, i + MAX_BATCH);
    const outcomes = await placeOrders(db, settings, batch);
    for (const [k, outcome] of outcomes.entries()) {
      if (outcome.kind === 'refused') {
        const reason = outcome.error instanceof Error ? outcome.error.message : outcome.error;
        throw new Error(
          `demo order ${batch[k]!.command.order.channelOrderRef} was refused: ${String(reason)}`,
        );
      }
      if (outcome.kind === 'placed') placed += 1;
    }
  }
  return { placed, alreadyStored: commands.length - missing.length };
}
