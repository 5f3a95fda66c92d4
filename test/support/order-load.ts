// Channels posting orders to the central OMS over HTTP the way a well-behaved client does during an
// outage: each order has its Idempotency-Key and is posted again after a 503 until it is
// acknowledged. Every answer is kept, so a test can check what was said while the database was away.
import { bearer, CHANNEL_KEYS, makeOrder } from './oms-fixtures';

export interface OrderAnswer {
  status: number | 'timeout' | 'network';
  retryAfter: string | null;
  code: string | undefined;
  at: number;
  /** How long the answer took. */
  ms: number;
}

export interface OrderLoadResult {
  answers: OrderAnswer[];
  /** channelOrderRef of every order the OMS acknowledged (201), once each. */
  acknowledged: string[];
  /** Orders given up on after `maxTries` (should be none). */
  abandoned: string[];
}

export interface OrderLoadOptions {
  /** Base URLs of the instances; clients take turns. */
  urls: string[];
  clients: number;
  ordersPerClient: number;
  label: string;
  /** One request may take this long before it counts as a hang. */
  requestTimeoutMs?: number;
  /** Tries per order (bounded, so a broken server ends the loop too). */
  maxTries?: number;
  retryPauseMs?: number;
  sku?: string;
  /** The whole load ends by then at the latest (what is left is abandoned). */
  deadlineMs?: number;
  /** Asked before each try: true ends the load at once (e.g. a server process exited). */
  shouldGiveUp?: () => boolean;
}

async function postOrder(
  url: string,
  key: string,
  body: string,
  timeoutMs: number,
): Promise<OrderAnswer> {
  const started = Date.now();
  try {
    const response = await fetch(`${url}/v1/orders`, {
      method: 'POST',
      headers: {
        ...bearer(CHANNEL_KEYS.web),
        'idempotency-key': key,
        'content-type': 'application/json',
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { code?: string }).code;
    } catch {
      code = undefined;
    }
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      code,
      at: Date.now(),
      ms: Date.now() - started,
    };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      status: timedOut ? 'timeout' : 'network',
      retryAfter: null,
      code: undefined,
      at: Date.now(),
      ms: Date.now() - started,
    };
  }
}

/** Runs the clients to the end; resolves with every answer. */
export async function runOrderLoad(options: OrderLoadOptions): Promise<OrderLoadResult> {
  const result: OrderLoadResult = { answers: [], acknowledged: [], abandoned: [] };
  const maxTries = options.maxTries ?? 200;
  const deadline = Date.now() + (options.deadlineMs ?? 30_000);
  const givingUp = () => Date.now() > deadline || (options.shouldGiveUp?.() ?? false);
  const client = async (c: number) => {
    for (let i = 0; i < options.ordersPerClient; i++) {
      const ref = `${options.label}-${c}-${i}`;
      const body = JSON.stringify(
        makeOrder({ channelOrderRef: ref, skus: { [options.sku ?? 'SKU-1']: 1 } }),
      );
      let tries = 0;
      if (givingUp()) {
        result.abandoned.push(ref);
        continue;
      }
      for (;;) {
        const url = options.urls[(c + tries) % options.urls.length]!;
        const answer = await postOrder(url, ref, body, options.requestTimeoutMs ?? 10_000);
        result.answers.push(answer);
        tries += 1;
        if (answer.status === 201) {
          result.acknowledged.push(ref);
          break;
        }
        if (tries >= maxTries || givingUp()) {
          result.abandoned.push(ref);
          break;
        }
        await new Promise((r) => setTimeout(r, options.retryPauseMs ?? 100));
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c)));
  return result;
}
