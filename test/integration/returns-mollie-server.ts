// A local HTTP server speaking the shape of Mollie's API (v2) for tests: Bearer key; refunds
// (POST /payments/:id/refunds with `amount {currency, value}`); recurring payments (POST /payments
// with sequenceType `recurring`, customerId and mandateId; GET /payments/:id; GET
// /customers/:id/payments); Idempotency-Key replays answered with the first response; 404/422
// problems as application/hal+json. Each mandate answers the outcomes a test queues for it.
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
  /** Mandates that may be charged: their customer and the outcomes of the next payments (then `paid`). */
  mandates: Map<string, { customerId: string; outcomes: RecurringOutcome[] }>;
  /** Recurring payments created (replays not counted). */
  recurring: RecurringPayment[];
  /** POST /payments requests received, replays included. */
  recurringRequests: number;
  /** Held before a new recurring payment is answered (to catch a process in the middle of a call). */
  delayMs: number;
  /** Mollie keeps idempotency keys for a limited time: forgets them all. */
  forgetIdempotencyKeys(): void;
  close(): Promise<void>;
}

/** `invalid`: Mollie refuses the payment itself (422); the others become the payment's status. */
export type RecurringOutcome = 'paid' | 'failed' | 'pending' | 'invalid';

export interface RecurringPayment {
  id: string;
  customerId: string;
  mandateId: string;
  value: string;
  currency: string;
  idempotencyKey: string | undefined;
  metadata: unknown;
  status: string;
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
  const state: Omit<FakeMollie, 'url' | 'close' | 'forgetIdempotencyKeys'> = {
    refunds: [],
    requests: 0,
    payments: new Map(),
    mandates: new Map(),
    recurring: [],
    recurringRequests: 0,
    delayMs: 0,
  };
  const paymentResource = (p: RecurringPayment) => ({
    resource: 'payment',
    id: p.id,
    mode: 'test',
    status: p.status,
    amount: { currency: p.currency, value: p.value },
    sequenceType: 'recurring',
    customerId: p.customerId,
    mandateId: p.mandateId,
    metadata: p.metadata,
    ...(p.status === 'failed' ? { details: { failureReason: 'insufficient_funds' } } : {}),
  });
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
    const url = req.url ?? '';
    const key = req.headers['idempotency-key'] as string | undefined;
    const listed = /^\/v2\/customers\/([^/?]+)\/payments(\?.*)?$/.exec(url);
    if (req.method === 'GET' && listed) {
      const customerId = decodeURIComponent(listed[1]!);
      const payments = state.recurring.filter((p) => p.customerId === customerId).reverse();
      return send(200, {
        count: payments.length,
        _embedded: { payments: payments.map(paymentResource) },
        _links: { next: null },
      });
    }
    const one = /^\/v2\/payments\/([^/]+)$/.exec(url);
    if (req.method === 'GET' && one) {
      const found = state.recurring.find((p) => p.id === decodeURIComponent(one[1]!));
      return found
        ? send(200, paymentResource(found))
        : problem(404, 'Not Found', 'No payment exists with this token.');
    }
    if (req.method === 'POST' && url === '/v2/payments') {
      state.recurringRequests += 1;
      const replayed = key ? replays.get(key) : undefined;
      if (replayed) return send(replayed.status, replayed.body);
      const body = (await bodyOf(req)) as {
        amount?: { currency?: string; value?: string };
        sequenceType?: string;
        customerId?: string;
        mandateId?: string;
        metadata?: unknown;
      } | null;
      if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
      const remember = (status: number, answer: unknown) => {
        if (key) replays.set(key, { status, body: answer });
        send(status, answer);
      };
      if (
        body?.sequenceType !== 'recurring' ||
        !body.amount?.value ||
        !/^\d+\.\d{2}$/.test(body.amount.value)
      )
        return problem(422, 'Unprocessable Entity', 'The payment is invalid');
      const mandate = state.mandates.get(body.mandateId ?? '');
      if (!mandate || mandate.customerId !== body.customerId)
        return remember(422, {
          status: 422,
          title: 'Unprocessable Entity',
          detail: 'The mandate is invalid',
          field: 'mandateId',
        });
      const outcome = mandate.outcomes.shift() ?? 'paid';
      if (outcome === 'invalid')
        return remember(422, {
          status: 422,
          title: 'Unprocessable Entity',
          detail: 'The mandate is revoked',
          field: 'mandateId',
        });
      const payment: RecurringPayment = {
        id: `tr_rec${state.recurring.length + 1}`,
        customerId: body.customerId!,
        mandateId: body.mandateId!,
        value: body.amount.value,
        currency: body.amount.currency ?? 'EUR',
        idempotencyKey: key,
        metadata: body.metadata ?? null,
        status: outcome,
      };
      state.recurring.push(payment);
      return remember(201, paymentResource(payment));
    }
    const match = /^\/v2\/payments\/([^/]+)\/refunds$/.exec(url);
    if (req.method !== 'POST' || !match)
      return problem(404, 'Not Found', 'The resource does not exist');
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
    forgetIdempotencyKeys: () => replays.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
