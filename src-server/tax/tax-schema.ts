// The VAT record kept on an order (orders.vat) and the running distance-sales total per year.
import type { ChannelTaxCheck, VatDecision } from '../../shared/tax';
import type { ColumnType } from 'kysely';

export interface OrderVatRecord {
  /** The member state the goods were taken to leave from (the VAT_ORIGIN_COUNTRY setting). */
  originCountry: string;
  /** `channel`: the order's tax is the channel's; `oms`: the engine's. */
  source: 'channel' | 'oms';
  decision: VatDecision;
  /** The channel's tax compared with the engine's; null when the engine computed it. */
  check: ChannelTaxCheck | null;
  /** What this order added to the year's EU distance sales (EUR cents, without VAT); 0 when none. */
  distanceSaleEurMinor: number;
}

export interface VatDistanceSalesTable {
  year: number;
  /** bigint: read back as a string by pg, a number by PGlite; use Number(). */
  eur_minor: number | string;
}

/** Migration 0871-vies-checks (tax/vies-check.ts). */
export interface ViesChecksTable {
  vat_number: string;
  country_code: string;
  valid: boolean;
  request_date: string;
  consultation_number: string | null;
  trader_name: string | null;
  trader_address: string | null;
  checked_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
