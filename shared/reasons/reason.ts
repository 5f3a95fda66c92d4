// Why something was refused or waits, as a code with parameters. This is what travels between
// processes (central OMS → station, station main → renderer); each screen says it in its
// packer's language (i18next keys `reason.<code>`). The English sentence travels beside it for
// logs and API clients, and is what a screen shows for a code it does not know (a newer central
// OMS) or a document from before codes existed.
import { z } from 'zod';

/** Every code with the names of its parameters; producers are held to them by `reason()`. */
export const REASON_PARAMS = {
  // Shipment refusals (central OMS).
  not_warehouse_work: ['fulfillmentId', 'warehouse'],
  fulfillment_cancelled: [],
  already_shipped: ['station', 'shipmentId'],
  fulfillment_on_hold: [],
  item_not_on_fulfillment: ['sku'],
  over_packed: ['sku', 'packed', 'ordered'],
  no_items: [],
  sscc_reused: ['sscc'],
  sscc_twice: ['sscc'],
  stock_short: ['sku', 'onHand', 'warehouse', 'shipped'],
  // Return receipt refusals (central OMS).
  receipt_bad_date: ['receivedAt'],
  receipt_duplicate_item: ['itemId'],
  receipt_unknown_product: ['sku'],
  receipt_restock_without_bin: ['sku'],
  receipt_foreign_bin: ['bin', 'warehouse'],
  receipt_unknown_rma: ['rma'],
  receipt_rma_other_warehouse: ['rma', 'warehouse', 'stationWarehouse'],
  receipt_rma_already_received: ['rma', 'station', 'receiptId'],
  receipt_rma_closed: ['rma', 'status'],
  receipt_rma_closed_by: ['rma', 'actor', 'note'],
  receipt_rma_rejected: ['rma', 'note'],
  receipt_rma_expired: ['rma', 'date'],
  receipt_not_on_rma: ['sku'],
  receipt_above_authorised: ['sku', 'received', 'awaited', 'authorised'],
  receipt_above_paid: ['refund', 'left', 'paid'],
  // Numbers and carriers (station main).
  no_sscc_numbers: [],
  no_tracking_numbers: [],
  carrier_online_only: ['carrier'],
  carrier_timeout: ['carrier', 'ms'],
  carrier_unreachable: ['carrier', 'detail'],
  carrier_key_refused: ['carrier', 'status'],
  carrier_request_refused: ['carrier', 'detail'],
  carrier_rate_limited: ['carrier'],
  carrier_failed: ['carrier', 'status'],
  carrier_bad_answer: ['carrier'],
  carrier_not_configured: ['carrier'],
  carrier_no_adapter: ['carrier'],
  // Carrier labels (station main, from the central OMS's carrier settings).
  carrier_credentials_refused: ['carrier', 'status'],
  carrier_bad_label: ['carrier'],
  carrier_needs_customs: ['carrier', 'country'],
  carrier_does_not_serve: ['carrier', 'country'],
  carrier_no_shipping_option: ['carrier', 'service'],
  carrier_settings_unknown: ['carrier'],
  carrier_no_credentials: ['carrier'],
  carrier_credentials_unusable: ['carrier'],
  carrier_no_label_adapter: ['carrier'],
  carrier_fallback_own: ['carrier'],
  carrier_needs_parcel: ['carrier'],
  carrier_label_online_only: ['carrier'],
  carrier_no_day_close: ['carrier'],
} as const satisfies Record<string, readonly string[]>;

export type ReasonCode = keyof typeof REASON_PARAMS;
export const REASON_CODES = Object.keys(REASON_PARAMS) as ReasonCode[];

type ParamValue = string | number;
export type ReasonParamsOf<C extends ReasonCode> = {
  [P in (typeof REASON_PARAMS)[C][number]]: ParamValue;
};

/**
 * On the wire the code is open (a station may meet a code newer than itself and falls back to
 * the sentence); parameters are short texts or numbers.
 */
export const Reason = z.object({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'code must be a lower-case reason code such as no_items'),
  params: z.record(z.string().max(40), z.union([z.string().max(300), z.number()])),
});
export type Reason = z.infer<typeof Reason>;

/** A reason with exactly the parameters its code names; texts are cut to what the wire allows. */
export function reason<C extends ReasonCode>(code: C, params: ReasonParamsOf<C>): Reason {
  const values: Record<string, ParamValue> = {};
  for (const name of REASON_PARAMS[code] as readonly string[]) {
    const value = (params as Record<string, ParamValue>)[name]!;
    values[name] = typeof value === 'string' ? value.slice(0, 300) : value;
  }
  return { code, params: values };
}

/** A reason for a person together with the English sentence (logs, and the fallback on screen). */
export interface ReasonMessage {
  reason: Reason | null;
  sentence: string;
}
