// What each carrier integration in main offers: announce a carton and get back the tracking
// number with the carrier's own label (ZPL at 203 dpi 4×6 where the carrier offers it, else PDF),
// cancel a shipment whose label was voided, and close the day where the carrier needs a manifest.
// Every failure is a CarrierApiError: the carton waits as "label pending" with its message.
import { CarrierUnavailableError } from '../../shared/carriers/carrier-adapter';
import type { Reason } from '../../shared/reasons/reason';
import type { CarrierLabel, CarrierShipmentRequest } from '../../shared/carriers/carrier-shipment';

export type CarrierFailureKind =
  /** The carrier refused the credentials (HTTP 401/403). */
  | 'auth'
  /** The carrier refused the shipment's data; `message` carries the carrier's own reasons. */
  | 'refused'
  | 'rate-limited'
  | 'timeout'
  | 'unreachable'
  /** An answer that is not the carrier's documented shape. */
  | 'malformed'
  | 'failed';

export class CarrierApiError extends CarrierUnavailableError {
  constructor(
    carrierId: string,
    readonly kind: CarrierFailureKind,
    message: string,
    /** The same as a code, for the packer's screen; the message stays for the log. */
    reason: Reason,
    /** From Retry-After on a 429: when asking again makes sense. */
    readonly retryAfterMs?: number,
  ) {
    super(carrierId, message, reason);
    this.name = 'CarrierApiError';
  }
}

export interface CarrierManifest {
  /** Shipments the close covered, as the carrier counted them. */
  shipments: number;
  /** The carrier's manifest document, when it returns one (PDF, base64). */
  document?: string;
}

export interface CarrierLabelApi {
  id: string;
  name: string;
  /** Which API and version the adapter follows, for the start-up log and the report. */
  apiVersion: string;
  createShipment(request: CarrierShipmentRequest): Promise<CarrierLabel>;
  /** Cancels an announced shipment; carriers that bill only scanned parcels need no call. */
  cancelShipment(label: Pick<CarrierLabel, 'trackingNumber' | 'carrierShipmentId'>): Promise<void>;
  /** End-of-day close, only on carriers that require one. */
  closeDay?(date: string): Promise<CarrierManifest>;
}

/**
 * "Kraaivenstraat 21-A" → street "Kraaivenstraat", number "21", addition "A" (NL/BE order);
 * Belgian boxes ("Veldstraat 12 bus 3", "12 bte 3") give the box as the addition.
 */
export function splitHouseNumber(street: string): {
  street: string;
  number: string;
  addition?: string;
} {
  const match =
    /^(.*?)[\s,]+(\d+)\s*(?:(?:bus|bte|boîte|box)\s+|[-/ ]?\s*)([A-Za-z0-9]{1,6})?$/i.exec(
      street.trim(),
    );
  if (!match || !match[1]) return { street: street.trim(), number: '' };
  return {
    street: match[1].trim(),
    number: match[2]!,
    ...(match[3] ? { addition: match[3] } : {}),
  };
}

/** "Anna de Vries" → first "Anna", last "de Vries"; a single word is the last name. */
export function splitName(name: string): { first: string; last: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { first: '', last: parts[0]! };
  return { first: parts[0]!, last: parts.slice(1).join(' ') };
}
