// The demo seed writes its orders and history while the server already serves. PGlite answers
// in microtasks, so between two of the seed's transactions the event loop must get a turn for
// requests to be read at all; and a short pause lets a request's few queries (its token, then
// its work) run one after another instead of each waiting behind a whole batch of the seed.
import { setTimeout } from 'node:timers/promises';

const PAUSE_MS = 15;

export async function yieldToRequests(): Promise<void> {
  await setTimeout(PAUSE_MS);
}
