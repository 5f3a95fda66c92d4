/**
 * A real HTTP server on 127.0.0.1 (free port) that plays one carrier's API. The carrier's module
 * answers requests in that carrier's documented shapes; this harness adds what every outage looks
 * like, switched by `mode`: `down` (503 page), `silent` (never answers), `rate-limited` (429 with
 * Retry-After), `malformed` (200 that is not the carrier's answer). `delayMs` delays every answer
 * (the benchmark's 150 ms carrier).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeCarrierMode = 'ok' | 'down' | 'silent' | 'rate-limited' | 'malformed';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  /** The body parsed as JSON, undefined when it is not JSON. */
  json: unknown;
}

export interface FakeAnswer {
  status: number;
  body: string | object;
  contentType?: string;
  headers?: Record<string, string>;
}

export type CarrierHandler = (req: FakeRequest) => FakeAnswer;

export interface FakeCarrier {
  url: string;
  mode: FakeCarrierMode;
  delayMs: number;
  requests: FakeRequest[];
  /** Resolves once `n` requests have arrived. */
  close(): Promise<void>;
}

export async function startFakeCarrier(handler: CarrierHandler): Promise<FakeCarrier> {
  const held: ServerResponse[] = [];
  const send = (res: ServerResponse, answer: FakeAnswer) => {
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'Content-Type': answer.contentType ?? 'application/json',
      ...answer.headers,
    });
    res.end(text);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        json,
      };
      fake.requests.push(request);
      const answer = (): FakeAnswer | null => {
        switch (fake.mode) {
          case 'silent':
            return null;
          case 'down':
            return {
              status: 503,
              body: '<html>Service Unavailable</html>',
              contentType: 'text/html',
            };
          case 'rate-limited':
            return {
              status: 429,
              body: { message: 'Too many requests' },
              headers: { 'Retry-After': '7' },
            };
          case 'malformed':
            return {
              status: 200,
              body: '<html>Please sign in to the guest network</html>',
              contentType: 'text/html',
            };
          default:
            return handler(request);
        }
      };
      const reply = answer();
      if (!reply) return void held.push(res);
      if (fake.delayMs > 0) setTimeout(() => send(res, reply), fake.delayMs);
      else send(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeCarrier = {
    url: `http://127.0.0.1:${port}`,
    mode: 'ok',
    delayMs: 0,
    requests: [],
    close: async () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** A 4×6 ZPL label the way carriers send them: their layout, the tracking number as Code 128. */
export function carrierZpl(carrier: string, trackingNumber: string): string {
  return [
    '^XA^CI28^PW812^LL1218',
    `^FO40,40^A0N,60,60^FD${carrier}^FS`,
    '^FO40,140^GB732,4,4^FS',
    `^FO80,300^BY3^BCN,200,Y,N,N^FD${trackingNumber}^FS`,
    '^XZ',
  ].join('\n');
}

export function bearer(req: FakeRequest): string | undefined {
  const value = req.headers.authorization;
  return typeof value === 'string' && value.startsWith('Bearer ') ? value.slice(7) : undefined;
}
