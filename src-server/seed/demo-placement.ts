// Places the demo orders through the real intake (placeOrders: pricing, sourcing under stock row
// locks, one statement per batch), a batch of MAX_BATCH at a time, as channels would send them.
// The server may already be serving: between two batches the seed pauses (yield-to-requests.ts),
// so the requests that arrived meanwhile are read and take their turn at the database.
import { sql, type Kysely } from 'kysely';
import { canonicalOrderSchema } from '../../shared/orders/order-schema';
import type { Database } from '../db/schema';
import { MAX_BATCH } from '../orders/intake-queue';
import { acceptCommand, placeOrders } from '../orders/place-order';
import type { IntakeSettings } from '../orders/place-order';
import type { DemoOrder } from './demo-orders';
import { yieldToRequests } from './yield-to-requests';

const refKey = (channel: string, ref: string) => `${channel}\u0000${ref}`;

/**
 * Which of the demo orders are already stored (a seed that was stopped midway). The references
 * go as two array parameters: PGlite answered an `in ((…), (…))` list of 4,000 parameters with
 * no rows at all while a LISTEN was active (the server's sync hub always has one).
 */
async function storedDemoOrders(
  db: Kysely<Database>,
  orders: readonly DemoOrder[],
): Promise<Set<string>> {
  if (orders.length === 0) return new Set();
  const { rows } = await sql<{ channel_code: string; channel_order_ref: string }>`
    select channel_code, channel_order_ref from orders
    where (channel_code, channel_order_ref) in (
      select * from unnest(${orders.map((o) => o.channel)}::text[], ${orders.map((o) => o.order.channelOrderRef)}::text[]))`.execute(
    db,
  );
  return new Set(rows.map((r) => refKey(r.channel_code, r.channel_order_ref)));
}

/** Places the demo orders not stored yet, in order, until `shouldStop` says so. */
export async function placeDemoOrders(
  db: Kysely<Database>,
  settings: IntakeSettings,
  orders: readonly DemoOrder[],
  shouldStop: () => boolean = () => false,
): Promise<{ placed: number; alreadyStored: number }> {
  const stored = await storedDemoOrders(db, orders);
  const missing = orders.filter((o) => !stored.has(refKey(o.channel, o.order.channelOrderRef)));
  let placed = 0;
  for (let i = 0; i < missing.length; i += MAX_BATCH) {
    await yieldToRequests();
    if (shouldStop()) break;
    const batch = missing.slice(i, i + MAX_BATCH).map((demo) =>
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
  return { placed, alreadyStored: stored.size };
}
