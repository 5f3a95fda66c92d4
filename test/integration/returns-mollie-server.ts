// A local HTTP server speaking the shape of Mollie's Refunds API (v2) for tests: Bearer key,
// POST /payments/:id/refunds with `amount {currency, value}`, Idempotency-Key replays answered with
// the first response, 404/422 problems as application/hal+json.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeMollie {
  url: string;
  /** Refunds created (replays not counted), per payment id. */
  refunds: {
    id: string;
    paymentId: string;
    value: string;
    currency: string;
    idempotencyKey: string | undefined;
  }[];
  requests: number;
  /** Payments the server knows, with the amount still refundable in cents. */
  payments: Map<string, number>;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}

export async function startFakeMollie(apiKey: string): Promise<FakeMollie> {
  const replays = new Map<string, { status: number; body: unknown }>();
  const state: Omit<FakeMollie, 'url' | 'close'> = {
    refunds: [],
    requests: 0,
    payments: new Map(),
  };
  const server = createServer(async (req, res) => {
    state.requests += 1;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, {
        'content-type': status < 300 ? 'application/hal+json' : 'application/hal+json',
      });
      res.end(JSON.stringify(body));
    };
    const problem = (status: number, title: string, detail: string) =>
      send(status, {
        status,
        title,
        detail,
        _links: { documentation: { href: 'https://docs.mollie.com/errors', type: 'text/html' } },
      });
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return problem(
        401,
        'Unauthorized Request',
        'Missing authentication, or failed to authenticate',
      );
    const match = /^\/v2\/payments\/([^/]+)\/refunds$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match)
      return problem(404, 'Not Found', 'The resource does not exist');
    const key = req.headers['idempotency-key'] as string | undefined;
    const replay = key ? replays.get(key) : undefined;
    if (replay) return send(replay.status, replay.body);
    const paymentId = decodeURIComponent(match[1]!);
    const body = (await bodyOf(req)) as { amount?: { currency?: string; value?: string } } | null;
    const remember = (status: number, answer: unknown) => {
      if (key) replays.set(key, { status, body: answer });
      send(status, answer);
    };
    const refundable = state.payments.get(paymentId);
    if (refundable === undefined)
      return problem(404, 'Not Found', `No payment exists with token ${paymentId}.`);
    const value = body?.amount?.value;
    if (!body?.amount?.currency || !value || !/^\d+\.\d{2}$/.test(value))
      return problem(422, 'Unprocessable Entity', 'The amount is invalid');
    const cents = Math.round(Number(value) * 100);
    if (cents > refundable) {
      return remember(422, {
        status: 422,
        title: 'Unprocessable Entity',
        detail: 'The amount is higher than the amount that is refundable for this payment',
        field: 'amount',
      });
    }
    state.payments.set(paymentId, refundable - cents);
    const refund = {
      resource: 'refund',
      id: `re_${state.refunds.length + 1}test`,
      mode: 'test',
      amount: body.amount,
      status: 'pending',
      paymentId,
      createdAt: new Date().toISOString(),
    };
    state.refunds.push({
      id: refund.id,
      paymentId,
      value,
      currency: body.amount.currency,
      idempotencyKey: key,
    });
    remember(201, refund);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/v2`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
