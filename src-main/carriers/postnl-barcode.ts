// PostNL's Barcode web service (REST, v1_1): one GET per carton answers the next 3S barcode of
// the customer's range, which is also the parcel's tracking number. Main asks; the API key never
// leaves this process. Every failure becomes a CarrierUnavailableError saying what went wrong,
// so the carton waits as "label pending" with a reason the packer can act on.
import { z } from 'zod';
import type { CarrierAdapter } from '../../shared/carriers/carrier-adapter';
import { CarrierUnavailableError } from '../../shared/carriers/carrier-adapter';
import { reason, type Reason } from '../../shared/reasons/reason';
import type { PostnlConfig } from './postnl-config';

export const POSTNL_CARRIER = 'postnl';

/** PostNL answers a few hundred bytes; anything much larger is not its barcode service. */
const MAX_ANSWER_BYTES = 64 * 1024;

const BarcodeAnswer = z.object({ Barcode: z.string() });
const ErrorList = z.array(
  z.object({ ErrorMsg: z.string().optional(), ErrorNumber: z.coerce.string().optional() }),
);
// 400: {"errors": [{ErrorMsg, ErrorNumber}]} (older answers spell it "Errors");
// 401/403/429 from the API gateway: {"fault": {"faultstring", "detail": {"errorcode"}}}.
const FailureAnswer = z.object({
  errors: ErrorList.optional(),
  Errors: ErrorList.optional(),
  fault: z
    .object({
      faultstring: z.string().optional(),
      detail: z.object({ errorcode: z.string().optional() }).optional(),
    })
    .optional(),
});

export function createPostnlCarrier(config: PostnlConfig): CarrierAdapter {
  return {
    id: POSTNL_CARRIER,
    name: 'PostNL',
    requiresOnline: true,
    async assignTracking() {
      return { trackingNumber: await requestPostnlBarcode(config), carrierId: POSTNL_CARRIER };
    },
  };
}

export async function requestPostnlBarcode(config: PostnlConfig): Promise<string> {
  const url = new URL(`${config.baseUrl}/shipment/v1_1/barcode`);
  url.search = new URLSearchParams({
    CustomerCode: config.customerCode,
    CustomerNumber: config.customerNumber,
    Type: '3S',
    Serie: config.serie,
  }).toString();
  const fail = (message: string, why: Reason) =>
    new CarrierUnavailableError(POSTNL_CARRIER, message, why);
  const carrier = 'PostNL';

  let status: number;
  let text: string;
  try {
    // One deadline for connecting and reading the answer.
    const response = await fetch(url, {
      headers: { apikey: config.apiKey, Accept: 'application/json' },
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    status = response.status;
    text = await readBounded(response);
  } catch (err) {
    if (err instanceof CarrierUnavailableError) throw err;
    if (err instanceof Error && err.name === 'TimeoutError')
      throw fail(
        `PostNL did not answer within ${config.timeoutMs} ms (${config.baseUrl})`,
        reason('carrier_timeout', { carrier, ms: config.timeoutMs }),
      );
    throw fail(
      `PostNL cannot be reached at ${config.baseUrl}: ${networkCause(err)}`,
      reason('carrier_unreachable', { carrier, detail: networkCause(err) }),
    );
  }

  if (status === 200) {
    const answer = BarcodeAnswer.safeParse(parseJson(text));
    const barcode = answer.success ? answer.data.Barcode : '';
    if (!isExpectedBarcode(barcode, config))
      throw fail(
        `PostNL answered without a valid 3S barcode: ${snippet(text)}`,
        reason('carrier_bad_answer', { carrier }),
      );
    return barcode;
  }
  const detail = failureDetail(text);
  if (status === 401 || status === 403)
    throw fail(
      `PostNL refused the API key (HTTP ${status}${detail ? `: ${detail}` : ''}); check POSTNL_API_KEY`,
      reason('carrier_key_refused', { carrier, status }),
    );
  if (status === 400)
    throw fail(
      `PostNL refused the barcode request: ${detail || snippet(text)}`,
      reason('carrier_request_refused', { carrier, detail: detail || snippet(text) }),
    );
  if (status === 429)
    throw fail(
      'PostNL is limiting requests (HTTP 429); try again shortly',
      reason('carrier_rate_limited', { carrier }),
    );
  throw fail(
    `PostNL's barcode service failed (HTTP ${status}${detail ? `: ${detail}` : ''})`,
    reason('carrier_failed', { carrier, status }),
  );
}

/** 3S + the customer code + digits, 13 or 15 characters long (PostNL's barcode rules). */
function isExpectedBarcode(barcode: string, config: PostnlConfig): boolean {
  const digits = barcode.slice(2 + config.customerCode.length);
  return (
    barcode.startsWith(`3S${config.customerCode}`) &&
    /^\d+$/.test(digits) &&
    (barcode.length === 13 || barcode.length === 15)
  );
}

async function readBounded(response: Response): Promise<string> {
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
      throw new CarrierUnavailableError(
        POSTNL_CARRIER,
        `PostNL's answer is larger than ${MAX_ANSWER_BYTES} bytes (HTTP ${response.status}); is POSTNL_API_URL right?`,
        reason('carrier_bad_answer', { carrier: 'PostNL' }),
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function failureDetail(text: string): string {
  const answer = FailureAnswer.safeParse(parseJson(text));
  if (!answer.success) return '';
  const errors = answer.data.errors ?? answer.data.Errors ?? [];
  const listed = errors
    .map((e) => [e.ErrorMsg, e.ErrorNumber && `error ${e.ErrorNumber}`].filter(Boolean).join(', '))
    .filter(Boolean);
  if (listed.length > 0) return listed.join('; ');
  const fault = answer.data.fault;
  return [fault?.faultstring, fault?.detail?.errorcode].filter(Boolean).join(', ');
}

function networkCause(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string }) : null;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

function snippet(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine ? JSON.stringify(oneLine.slice(0, 120)) : '(empty answer)';
}
