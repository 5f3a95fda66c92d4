// The optional live check of EU VAT numbers with the European Commission's VIES REST service.
// Off unless VIES_URL is set (e.g. https://ec.europa.eu/taxation_customs/vies/rest-api): the
// offline format and check-digit validation (shared/validation/vat-numbers.ts) always runs first.

export interface ViesSettings {
  /** The REST API's base URL; null: no live check. */
  baseUrl: string | null;
  /** How long one VIES request may take before it counts as unavailable. */
  timeoutMs: number;
  /** How long a VIES answer (valid or invalid) is reused before asking again. */
  cacheDays: number;
}

export const VIES_OFF: ViesSettings = { baseUrl: null, timeoutMs: 5_000, cacheDays: 7 };

export function loadViesSettings(env: NodeJS.ProcessEnv = process.env): ViesSettings {
  const baseUrl = env.VIES_URL || null;
  if (baseUrl !== null && !/^https?:\/\//.test(baseUrl))
    throw new Error(`VIES_URL is not an http(s) URL: "${baseUrl}"`);
  const number = (name: string, fallback: number, max: number) => {
    const raw = env[name];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > max)
      throw new Error(`${name} is not valid: "${raw}" (0 to ${max})`);
    return value;
  };
  return {
    baseUrl: baseUrl?.replace(/\/+$/, '') ?? null,
    timeoutMs: number('VIES_TIMEOUT_MS', VIES_OFF.timeoutMs, 60_000),
    cacheDays: number('VIES_CACHE_DAYS', VIES_OFF.cacheDays, 365),
  };
}
