// One HTTP exchange with a carrier, with the failures every carrier shares turned into
// CarrierApiErrors: a deadline for connecting and reading, a bound on the answer's size, 429 with
// Retry-After, 401/403, an answer that is not JSON. Each adapter adds its carrier's error shape.
import { reason, type Reason } from '../../shared/reasons/reason';
import { CarrierApiError, type CarrierFailureKind } from './carrier-label-api';

/** Carrier answers with a label are a few hundred kB at most; a PDF A6 stays well under 2 MB. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export interface CarrierCall {
  carrierId: string;
  carrierName: string;
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  /** A JSON value (sent as application/json) or a ready string body with its own content type. */
  json?: unknown;
  body?: string;
  timeoutMs: number;
  /** The carrier's own reasons from a failure answer (GLS puts them in headers), or ''. */
  describeFailure: (answer: unknown, text: string, headers: Headers) => string;
  /** For carriers whose failures hide in the body (SOAP faults): the kind a failure answer is. */
  classifyFailure?: (status: number, text: string) => CarrierFailureKind | undefined;
}

export interface CarrierAnswer {
  status: number;
  /** The parsed JSON answer; undefined when the body was empty or not JSON. */
  json: unknown;
  text: string;
}

export async function callCarrier(call: CarrierCall): Promise<CarrierAnswer> {
  const carrier = call.carrierName;
  const fail = (kind: CarrierFailureKind, message: string, why: Reason, retry?: number) =>
    new CarrierApiError(call.carrierId, kind, message, why, retry);
  const origin = new URL(call.url).origin;
  let response: Response;
  let text: string;
  try {
    const headers: Record<string, string> = { Accept: 'application/json', ...call.headers };
    let body = call.body;
    if (call.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(call.json);
    }
    response = await fetch(call.url, {
      method: call.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    text = await readBounded(response, call);
  } catch (err) {
    if (err instanceof CarrierApiError) throw err;
    if (err instanceof Error && err.name === 'TimeoutError')
      throw fail(
        'timeout',
        `${carrier} did not answer within ${call.timeoutMs} ms (${origin})`,
        reason('carrier_timeout', { carrier, ms: call.timeoutMs }),
      );
    throw fail(
      'unreachable',
      `${carrier} cannot be reached at ${origin}: ${networkCause(err)}`,
      reason('carrier_unreachable', { carrier, detail: networkCause(err) }),
    );
  }
  const json = parseJson(text);
  const status = response.status;
  if (status >= 200 && status < 300) return { status, json, text };

  const detail = call.describeFailure(json, text, response.headers);
  const suffix = detail ? `: ${detail}` : '';
  const kind = call.classifyFailure?.(status, text);
  if (status === 401 || status === 403 || kind === 'auth')
    throw fail(
      'auth',
      `${carrier} refused the credentials (HTTP ${status}${suffix}); check them in the back office`,
      reason('carrier_credentials_refused', { carrier, status }),
    );
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    const when = retryAfterMs === undefined ? 'shortly' : `in ${Math.ceil(retryAfterMs / 1000)} s`;
    throw fail(
      'rate-limited',
      `${carrier} is limiting requests (HTTP 429); trying again ${when}`,
      reason('carrier_rate_limited', { carrier }),
      retryAfterMs,
    );
  }
  if (((status >= 400 && status < 500) || kind === 'refused') && detail)
    throw fail(
      'refused',
      `${carrier} refused the shipment${suffix}`,
      reason('carrier_request_refused', { carrier, detail }),
    );
  throw fail(
    'failed',
    `${carrier} failed (HTTP ${status}${detail ? suffix : `, ${snippet(text)}`})`,
    reason('carrier_failed', { carrier, status }),
  );
}

/** The answer of a 2xx that does not have the documented shape. */
export function malformed(
  call: Pick<CarrierCall, 'carrierId' | 'carrierName'>,
  what: string,
  text: string,
) {
  return new CarrierApiError(
    call.carrierId,
    'malformed',
    `${call.carrierName} answered without ${what}: ${snippet(text)}`,
    reason('carrier_bad_label', { carrier: call.carrierName }),
  );
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), capped at an hour. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), 3_600_000);
}

async function readBounded(response: Response, call: CarrierCall): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new CarrierApiError(
        call.carrierId,
        'malformed',
        `${call.carrierName}'s answer is larger than ${MAX_ANSWER_BYTES} bytes (HTTP ${response.status}); is its URL right?`,
        reason('carrier_bad_label', { carrier: call.carrierName }),
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function networkCause(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string }) : null;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

export function snippet(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine ? JSON.stringify(oneLine.slice(0, 120)) : '(empty answer)';
}

/** A bearer token that is fetched once and again shortly before it expires or after a 401. */
export class TokenCache {
  private token: { value: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(private readonly fetchToken: () => Promise<{ value: string; expiresInMs: number }>) {}

  async get(now = Date.now()): Promise<string> {
    if (this.token && this.token.expiresAt - 30_000 > now) return this.token.value;
    this.pending ??= this.fetchToken()
      .then(({ value, expiresInMs }) => {
        this.token = { value, expiresAt: Date.now() + expiresInMs };
        return value;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  forget(): void {
    this.token = null;
  }
}
