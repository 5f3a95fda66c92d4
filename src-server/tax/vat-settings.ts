// The retailer's VAT settings (environment) and each channel's (channels table).
import type { Kysely } from 'kysely';
import { OSS_THRESHOLD_EUR_MINOR } from '../../shared/tax';
import type { TaxRounding } from '../../shared/tax';
import type { Database } from '../db/schema';

export interface VatSettings {
  /** The member state the goods leave from: where the retailer is established (default NL). */
  originCountry: string;
  /** The OSS threshold in EUR cents (the law's 10,000 EUR unless set lower). */
  ossThresholdEurMinor: number;
  /** Destination taxation for every EU distance sale, whatever the threshold (Article 59c(3)). */
  ossOptedIn: boolean;
}

export interface ChannelTaxSettings {
  taxMode: 'channel' | 'oms';
  pricesIncludeTax: boolean;
  rounding: TaxRounding;
}

export const DEFAULT_VAT_SETTINGS: VatSettings = {
  originCountry: 'NL',
  ossThresholdEurMinor: OSS_THRESHOLD_EUR_MINOR,
  ossOptedIn: false,
};

export function loadVatSettings(env: NodeJS.ProcessEnv = process.env): VatSettings {
  const origin = env.VAT_ORIGIN_COUNTRY || 'NL';
  if (!/^[A-Z]{2}$/.test(origin)) throw new Error(`VAT_ORIGIN_COUNTRY is not valid: "${origin}"`);
  const raw = env.VAT_OSS_THRESHOLD_EUR_MINOR;
  const threshold = raw === undefined || raw === '' ? OSS_THRESHOLD_EUR_MINOR : Number(raw);
  if (!Number.isSafeInteger(threshold) || threshold < 0 || threshold > OSS_THRESHOLD_EUR_MINOR) {
    throw new Error(
      `VAT_OSS_THRESHOLD_EUR_MINOR is not valid: "${raw}" (whole cents, at most ${OSS_THRESHOLD_EUR_MINOR})`,
    );
  }
  return {
    originCountry: origin,
    ossThresholdEurMinor: threshold,
    ossOptedIn: env.VAT_OSS_OPTED_IN === 'true',
  };
}

/** Every channel's tax settings, by code (a handful of rows, read per batch). */
export async function readChannelTaxSettings(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<Map<string, ChannelTaxSettings>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('channels')
    .select(['code', 'tax_mode', 'prices_include_tax', 'tax_rounding'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.code,
      { taxMode: r.tax_mode, pricesIncludeTax: r.prices_include_tax, rounding: r.tax_rounding },
    ]),
  );
}
