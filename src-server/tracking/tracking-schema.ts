import type { ColumnType, Generated } from 'kysely';

export interface TrackingEventsTable {
  id: Generated<string>;
  shipment_id: string;
  sscc: string;
  carrier: string;
  /** Where the event came from: `sendcloud-webhook`, `signed-webhook`, `postnl-poll`. */
  source: string;
  /** The carrier's own identity of the event; the same key twice is the same event. */
  event_key: string;
  /** The carrier's status as it sent it, e.g. `11 Delivered`. */
  carrier_status: string;
  /** Our state for it, or null when the status says nothing the customer must know. */
  state: string | null;
  occurred_at: ColumnType<Date, Date | string, never>;
  received_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface TrackingNoticesTable {
  shipment_id: string;
  state: string;
  event_id: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface TrackingTables {
  tracking_events: TrackingEventsTable;
  tracking_notices: TrackingNoticesTable;
}
