// The retailer's base currency (BASE_CURRENCY, default EUR) that reports sum revenue in, how old
// an exchange rate may be and still count as in force, and where the ECB rates are fetched from.
import { isCurrencyCode } from '../../shared/money/currencies';

export interface CurrencySettings {
  baseCurrency: string;
  /** A rate older than this many days before the order's day is treated as missing. */
  rateMaxAgeDays: number;
  /**
   * Where POST /v1/exchange-rates/fetch gets the reference rates (e.g. the ECB daily XML,
   * ECB_DAILY_URL); null: not configured, the OMS makes no outgoing call and rates are imported
   * from files.
   */
  ratesUrl: string | null;
}

export const ECB_DAILY_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';

export const DEFAULT_CURRENCY_SETTINGS: CurrencySettings = {
  baseCurrency: 'EUR',
  rateMaxAgeDays: 7,
  ratesUrl: null,
};

export function loadCurrencySettings(env: NodeJS.ProcessEnv = process.env): CurrencySettings {
  const baseCurrency = env.BASE_CURRENCY || DEFAULT_CURRENCY_SETTINGS.baseCurrency;
  if (!isCurrencyCode(baseCurrency))
    throw new Error(`BASE_CURRENCY is not an ISO 4217 currency code: "${baseCurrency}"`);
  const rawAge = env.EXCHANGE_RATE_MAX_AGE_DAYS;
  const rateMaxAgeDays =
    rawAge === undefined || rawAge === ''
      ? DEFAULT_CURRENCY_SETTINGS.rateMaxAgeDays
      : Number(rawAge);
  if (!Number.isInteger(rateMaxAgeDays) || rateMaxAgeDays < 0 || rateMaxAgeDays > 31)
    throw new Error(`EXCHANGE_RATE_MAX_AGE_DAYS is not valid: "${rawAge}" (0 to 31 days)`);
  // `ecb` is short for the ECB's daily XML.
  const asked = env.EXCHANGE_RATES_URL === 'ecb' ? ECB_DAILY_URL : env.EXCHANGE_RATES_URL;
  const ratesUrl = asked || null;
  if (ratesUrl !== null && !/^https?:\/\//.test(ratesUrl))
    throw new Error(`EXCHANGE_RATES_URL is not an http(s) URL: "${ratesUrl}"`);
  return { baseCurrency, rateMaxAgeDays, ratesUrl };
}
