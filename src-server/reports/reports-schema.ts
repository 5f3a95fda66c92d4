// Kysely typings of the reporting rollups (migration 0900-reporting).
import type { ColumnType } from 'kysely';

/** `date` columns read as YYYY-MM-DD strings on both backends (db/connect.ts). */
type DateOnly = ColumnType<string, string, string>;
/** A counter: written as a number, int8 ones read back as strings. */
type Counter = ColumnType<number, number | undefined, number>;
type BigCounter = ColumnType<string, number | undefined, number>;

export interface ReportSalesDailyTable {
  day: DateOnly;
  channel_code: string;
  warehouse_code: string;
  sku: string;
  currency: string;
  order_lines: Counter;
  units_ordered: Counter;
  revenue_minor: BigCounter;
  units_backordered: Counter;
  units_shipped: Counter;
  units_short: Counter;
}

export interface ReportOrdersDailyTable {
  day: DateOnly;
  channel_code: string;
  country: string;
  currency: string;
  orders: Counter;
  units: Counter;
  subtotal_minor: BigCounter;
  total_minor: BigCounter;
}

export interface ReportFulfilmentDailyTable {
  day: DateOnly;
  warehouse_code: string;
  channel_code: string;
  lead_hours: number;
  shipments: Counter;
  with_promise: Counter;
  on_time: Counter;
}

export interface ReportReturnsDailyTable {
  day: DateOnly;
  channel_code: string;
  warehouse_code: string;
  sku: string;
  reason: string;
  units_returned: Counter;
  units_restocked: Counter;
}

export interface ReportRefundsDailyTable {
  day: DateOnly;
  channel_code: string;
  currency: string;
  refunds: Counter;
  refund_minor: BigCounter;
}

/** Migration 0860-vat-rollup: the VAT charged, for the OSS return. */
export interface ReportVatDailyTable {
  day: DateOnly;
  /** The ship-to country: where an OSS sale is taxed. */
  country: string;
  vat_scheme: string;
  /** -1: tax the channel sent without a rate. */
  rate_ppm: number;
  currency: string;
  net_minor: BigCounter;
  tax_minor: BigCounter;
}

/**
 * Migration 0870-exchange-rates: orders with their figures in the base currency, at the rate each
 * was placed at. report_orders_daily's orders minus converted_orders had no rate.
 */
export interface ReportOrdersBaseDailyTable {
  day: DateOnly;
  channel_code: string;
  country: string;
  currency: string;
  base_currency: string;
  converted_orders: Counter;
  base_subtotal_minor: BigCounter;
  base_total_minor: BigCounter;
}

export interface ReportTables {
  report_sales_daily: ReportSalesDailyTable;
  report_orders_daily: ReportOrdersDailyTable;
  report_fulfilment_daily: ReportFulfilmentDailyTable;
  report_returns_daily: ReportReturnsDailyTable;
  report_refunds_daily: ReportRefundsDailyTable;
  report_vat_daily: ReportVatDailyTable;
  report_orders_base_daily: ReportOrdersBaseDailyTable;
}
