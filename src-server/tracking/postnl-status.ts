// PostNL's Shippingstatus API v2 (Send & Track), current status by barcode:
//   GET {baseUrl}/shipment/v2/status/barcode/{barcode}?detail=false&language=EN   (header `apikey`)
// → {"CurrentStatus": {"Shipment": {"Barcode", "Status": {"TimeStamp": "dd-MM-yyyy HH:mm:ss",
//    "StatusCode", "StatusDescription", "PhaseCode", "PhaseDescription"}}}}.
// PostNL groups its status codes in phases (1 collection, 2 sorting, 3 distribution, 4 delivered,
// 99 not applicable); we map by phase, with the codes for "pre-alerted" (1), "not delivered" (8)
// and "returned" (13) taking precedence. Times are Dutch local time.
import { z } from 'zod';
import type { TrackingState } from '../../shared/carriers/tracking-state';
import type { CarrierTrackingEvent } from './tracking-events';

const statusSchema = z.looseObject({
  TimeStamp: z
    .string()
    .regex(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}(:\d{2})?$/, 'is not dd-MM-yyyy HH:mm:ss'),
  StatusCode: z.string().min(1),
  StatusDescription: z.string().default(''),
  PhaseCode: z.string().default(''),
  PhaseDescription: z.string().default(''),
});

const answerSchema = z.looseObject({
  CurrentStatus: z.looseObject({
    Shipment: z.union([
      z.looseObject({ Barcode: z.string(), Status: statusSchema }),
      z.array(z.looseObject({ Barcode: z.string(), Status: statusSchema })).min(1),
    ]),
  }),
});

export function postnlState(statusCode: string, phaseCode: string): TrackingState | null {
  if (statusCode === '1') return null;
  if (statusCode === '8') return 'delivery_failed';
  if (statusCode === '13') return 'returned_to_sender';
  switch (phaseCode) {
    case '1':
    case '2':
      return statusCode === '6' ? 'exception' : 'in_transit';
    case '3':
      return 'out_for_delivery';
    case '4':
      return 'delivered';
    default:
      return 'exception';
  }
}

/** Offset of Europe/Amsterdam from UTC at a moment, in minutes. */
function amsterdamOffsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((local - utcMs) / 60_000);
}

/** "18-02-2026 14:23:05" in Dutch local time → ISO 8601 UTC. */
export function postnlTime(stamp: string): string {
  const [date, time] = stamp.split(' ') as [string, string];
  const [d, m, y] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss = 0] = time.split(':').map(Number) as [number, number, number?];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm, ss);
  const offset = amsterdamOffsetMinutes(asUtc - amsterdamOffsetMinutes(asUtc) * 60_000);
  return new Date(asUtc - offset * 60_000).toISOString();
}

export class PostnlStatusError extends Error {
  constructor(
    message: string,
    readonly kind: 'auth' | 'rate_limited' | 'unknown_barcode' | 'unavailable' | 'malformed',
  ) {
    super(message);
  }
}

export interface PostnlStatusClient {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
}

/** The barcode's current status as a tracking event. */
export async function fetchPostnlStatus(
  client: PostnlStatusClient,
  barcode: string,
): Promise<CarrierTrackingEvent> {
  const url = new URL(`/shipment/v2/status/barcode/${encodeURIComponent(barcode)}`, client.baseUrl);
  url.searchParams.set('detail', 'false');
  url.searchParams.set('language', 'EN');
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      headers: { apikey: client.apiKey, accept: 'application/json' },
      signal: AbortSignal.timeout(client.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw new PostnlStatusError(
      `PostNL status API did not answer: ${(error as Error).message}`,
      'unavailable',
    );
  }
  if (response.status === 401 || response.status === 403)
    throw new PostnlStatusError(`PostNL refused the API key (HTTP ${response.status})`, 'auth');
  if (response.status === 429)
    throw new PostnlStatusError('PostNL rate limit reached (HTTP 429)', 'rate_limited');
  if (response.status === 404 || response.status === 400)
    throw new PostnlStatusError(
      `PostNL does not know barcode ${barcode}: ${text.slice(0, 200)}`,
      'unknown_barcode',
    );
  if (!response.ok)
    throw new PostnlStatusError(
      `PostNL status API failed (HTTP ${response.status})`,
      'unavailable',
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PostnlStatusError('PostNL status answer is not JSON', 'malformed');
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PostnlStatusError(
      `PostNL status answer ${issue.path.join('.')}: ${issue.message}`,
      'malformed',
    );
  }
  const shipments = parsed.data.CurrentStatus.Shipment;
  const shipment = Array.isArray(shipments)
    ? (shipments.find((s) => s.Barcode === barcode) ?? shipments[0]!)
    : shipments;
  const status = shipment.Status;
  const occurredAt = postnlTime(status.TimeStamp);
  return {
    trackingNumber: barcode,
    eventKey: `postnl:${status.StatusCode}:${occurredAt}`,
    carrierStatus: `${status.StatusCode} ${status.StatusDescription}`.trim(),
    state: postnlState(status.StatusCode, status.PhaseCode),
    occurredAt,
  };
}
