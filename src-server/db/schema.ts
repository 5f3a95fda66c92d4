// Database typings for Kysely: one interface per table, column names as in the migrations.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AuditTables } from '../audit/audit-schema';
import type { B2bTables } from '../b2b/b2b-schema';
import type { ForecastTables } from '../forecasting/forecast-schema';
import type { InventoryTables } from '../inventory/inventory-schema';
import type { NotificationTables } from '../notifications/notifications-schema';
import type { OutboxTables } from '../outbox/outbox-schema';
import type { PaymentTables } from '../payments/payments-schema';
import type { PeopleTables } from '../people/people-schema';
import type { PurchasingTables } from '../replenishment/purchasing-schema';
import type { ReportTables } from '../reports/reports-schema';
import type { ReturnsTables } from '../returns/returns-schema';
import type { SubscriptionTables } from '../subscriptions/subscription-schema';
import type { SyncTables } from '../sync/sync-schema';
import type { WorkHoldTables } from '../sync/work-hold-schema';
import type { CarrierTables } from '../carriers/carrier-schema';
import type { CurrencyTables, OrderFxStatus } from '../currencies/currency-schema';
import type { TrackingTables } from '../tracking/tracking-schema';
import type { TaxClass, TaxRounding, VatScheme } from '../../shared/tax';
import type { OrderVatRecord, VatDistanceSalesTable, ViesChecksTable } from '../tax/tax-schema';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as a JSON string or value, read back parsed. */
type Json<T> = ColumnType<T, string, string>;
/** `date` columns are read as strings (YYYY-MM-DD) on both backends: see connect.ts. */
type DateOnly = ColumnType<string, string, string>;
/** A column written only when known: optional on insert. */
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface PostalAddress {
  name: string;
  company?: string | undefined;
  line1: string;
  line2?: string | undefined;
  postalCode: string;
  city: string;
  region?: string | undefined;
  country: string;
  phone?: string | undefined;
  email?: string | undefined;
  latitude?: number | undefined;
  longitude?: number | undefined;
}

export interface ProductsTable {
  sku: string;
  name: string;
  weight_grams: number;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  hs_code: string;
  country_of_origin: string;
  requires_lot: ColumnType<boolean, boolean | undefined, boolean>;
  requires_expiry: ColumnType<boolean, boolean | undefined, boolean>;
  requires_serial: ColumnType<boolean, boolean | undefined, boolean>;
  tax_class: ColumnType<TaxClass, TaxClass | undefined, TaxClass>;
  created_at: CreatedAt;
}

export interface ProductGtinsTable {
  gtin: string;
  sku: string;
}

export interface ProductPricesTable {
  sku: string;
  currency: string;
  unit_price_minor: number;
}

export interface WarehousesTable {
  code: string;
  name: string;
  address: Json<PostalAddress>;
  country: string;
  latitude: number;
  longitude: number;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  /** IANA time zone of the warehouse's clocks (migration 0840). */
  time_zone: ColumnType<string, string | undefined, string>;
  /** HH:MM local: work released at or after it ships the next business day. */
  cutoff_time: ColumnType<string, string | undefined, string>;
  /** Subdivision of `country` whose regional public holidays also apply, or null. */
  holiday_region: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface BinsTable {
  warehouse_code: string;
  code: string;
  walk_sequence: number;
}

export interface StockTable {
  warehouse_code: string;
  sku: string;
  bin_code: string;
  on_hand: number;
  updated_at: UpdatedAt;
}

export type ChannelKind = 'web_shop' | 'marketplace' | 'social_shop' | 'b2b_portal' | 'sales_rep';
export type ChannelPlatform = 'canonical' | 'shopify' | 'magento';

export interface ChannelsTable {
  code: string;
  name: string;
  kind: ChannelKind;
  platform: ColumnType<ChannelPlatform, ChannelPlatform | undefined, ChannelPlatform>;
  webhook_secret: string | null;
  /** `channel`: the channel's tax is kept (and checked); `oms`: the engine computes it. */
  tax_mode: ColumnType<'channel' | 'oms', 'channel' | 'oms' | undefined, 'channel' | 'oms'>;
  /** Whether its prices include VAT when an order does not say. */
  prices_include_tax: ColumnType<boolean, boolean | undefined, boolean>;
  tax_rounding: ColumnType<TaxRounding, TaxRounding | undefined, TaxRounding>;
  created_at: CreatedAt;
}

export interface ChannelApiKeysTable {
  id: string;
  channel_code: string;
  key_hash: string;
  label: string;
  created_at: CreatedAt;
  revoked_at: Date | null;
}

export interface CustomersTable {
  id: string;
  kind: 'person' | 'company';
  name: string;
  email: string | null;
  vat_number: string | null;
  payment_terms_days: number | null;
  locale: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
}

export interface CustomerBuyersTable {
  id: string;
  customer_id: string;
  name: string;
  email: string;
}

export interface OrdersTable {
  id: string;
  channel_code: string;
  channel_order_ref: string;
  customer_id: string | null;
  buyer_id: string | null;
  po_number: string | null;
  currency: string;
  status: string;
  held_from: string | null;
  email: string | null;
  ship_to: Json<PostalAddress>;
  bill_to: Json<PostalAddress | null> | null;
  promised_delivery_date: DateOnly | null;
  subtotal_minor: number;
  shipping_charged_minor: number;
  total_minor: number;
  shipping_cost_minor: ColumnType<number, number | undefined, number>;
  prices_include_tax: ColumnType<boolean, boolean | undefined, boolean>;
  discount_minor: ColumnType<number, number | undefined, number>;
  tax_minor: ColumnType<number, number | undefined, number>;
  net_minor: number;
  shipping_discount_minor: ColumnType<number, number | undefined, number>;
  shipping_tax_minor: ColumnType<number, number | undefined, number>;
  /** Parts per million (21 % = 210000); null when the channel sent no rate. */
  shipping_tax_rate_ppm: number | null;
  /** Which point sourcing measured from (0880); null on orders placed before. */
  ship_to_location_source: ColumnType<string | null, string | null | undefined, never>;
  placed_at: ColumnType<Date, Date | string, never>;
  /** Null on orders placed before the VAT engine. */
  vat_scheme: ColumnType<VatScheme | null, VatScheme | null | undefined, VatScheme | null>;
  tax_source: ColumnType<
    'channel' | 'oms' | null,
    'channel' | 'oms' | null | undefined,
    'channel' | 'oms' | null
  >;
  /** Null when the engine computed the tax (or before it). */
  tax_matches_engine: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  vat: ColumnType<OrderVatRecord | null, string | null | undefined, string | null>;
  /** Migration 0870: the base-currency figures fixed at intake (currencies/order-exchange-rate.ts). */
  base_currency: Nullable<string>;
  fx_status: Nullable<OrderFxStatus>;
  fx_rate_date: Nullable<string>;
  /** Exact decimals, read as strings. */
  fx_currency_per_eur: Nullable<string>;
  fx_base_per_eur: Nullable<string>;
  /** bigint: read as strings. */
  base_subtotal_minor: ColumnType<string | null, number | null | undefined, number | null>;
  base_total_minor: ColumnType<string | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  line_no: number;
  sku: string;
  name: string;
  quantity: number;
  unit_price_minor: number;
  line_total_minor: number;
  backordered_quantity: ColumnType<number, number | undefined, number>;
  discount_minor: ColumnType<number, number | undefined, number>;
  tax_minor: ColumnType<number, number | undefined, number>;
  /** Parts per million (21 % = 210000); null when the channel sent no rate. */
  tax_rate_ppm: number | null;
  net_minor: number;
  gross_minor: number;
  /** Units cancelled before packing; `quantity` is what is still ordered (migration 0810). */
  cancelled_quantity: ColumnType<number, number | undefined, number>;
  cancelled_line_total_minor: ColumnType<number, number | undefined, number>;
  cancelled_discount_minor: ColumnType<number, number | undefined, number>;
  cancelled_tax_minor: ColumnType<number, number | undefined, number>;
  cancelled_net_minor: ColumnType<number, number | undefined, number>;
  cancelled_gross_minor: ColumnType<number, number | undefined, number>;
}

export interface OrderEventsTable {
  id: Generated<string>;
  order_id: string;
  type: string;
  actor: string;
  detail: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface FulfillmentOrdersTable {
  id: string;
  order_id: string;
  warehouse_code: string;
  status: string;
  held_from: string | null;
  cancel_requested: ColumnType<boolean, boolean | undefined, boolean>;
  ship_to: Json<PostalAddress>;
  carrier_code: string | null;
  service_code: string | null;
  shipping_cost_minor: number;
  currency: string;
  distance_km: number;
  transit_days: number | null;
  promised_delivery_date: DateOnly | null;
  released_at: ColumnType<Date, Date | string, never>;
  /** The day it is due to leave (its warehouse's cut-off at release); null before migration 0840. */
  ship_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** When the carrier delivered its shipment (migration 0790). */
  delivered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface FulfillmentLinesTable {
  id: string;
  fulfillment_id: string;
  order_line_id: string;
  sku: string;
  quantity: number;
  bin_code: string;
  walk_sequence: number;
}

export interface ReservationsTable {
  id: string;
  order_id: string;
  order_line_id: string;
  fulfillment_id: string;
  warehouse_code: string;
  sku: string;
  quantity: number;
  created_at: CreatedAt;
  released_at: Date | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: Json<unknown>;
  created_at: CreatedAt;
}

export interface OutboxEventsTable {
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Json<Record<string, unknown>>;
  status: ColumnType<
    'pending' | 'delivered' | 'dead',
    'pending' | undefined,
    'pending' | 'delivered' | 'dead'
  >;
  attempts: ColumnType<number, number | undefined, number>;
  available_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: CreatedAt;
}

/** Where the demo seed got to (see migration 0600-demo-seed). */
export interface DemoSeedTable {
  seed: string;
  product_count: number;
  order_count: number;
  catalogue_seeded_at: CreatedAt;
  history_started_at: Date | null;
  activity_finished_at: Date | null;
}

export interface Database
  extends
    SyncTables,
    NotificationTables,
    OutboxTables,
    ReturnsTables,
    WorkHoldTables,
    PeopleTables,
    AuditTables,
    CarrierTables,
    TrackingTables,
    B2bTables,
    ReportTables,
    ForecastTables,
    PurchasingTables,
    InventoryTables,
    SubscriptionTables,
    PaymentTables,
    CurrencyTables {
  products: ProductsTable;
  product_gtins: ProductGtinsTable;
  product_prices: ProductPricesTable;
  warehouses: WarehousesTable;
  bins: BinsTable;
  stock: StockTable;
  channels: ChannelsTable;
  channel_api_keys: ChannelApiKeysTable;
  customers: CustomersTable;
  customer_buyers: CustomerBuyersTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_events: OrderEventsTable;
  fulfillment_orders: FulfillmentOrdersTable;
  fulfillment_lines: FulfillmentLinesTable;
  reservations: ReservationsTable;
  /** Released reservations, moved out of `reservations` by the archive sweep. */
  reservations_archive: ReservationsTable;
  idempotency_keys: IdempotencyKeysTable;
  outbox_events: OutboxEventsTable;
  demo_seed: DemoSeedTable;
  vat_distance_sales: VatDistanceSalesTable;
  vies_checks: ViesChecksTable;
}

export type OrderRow = Selectable<OrdersTable>;
export type FulfillmentOrderRow = Selectable<FulfillmentOrdersTable>;
export type NewOrderEvent = Insertable<OrderEventsTable>;
