// A VAT number checked offline (format and check digits, shared/validation/vat-numbers.ts) and then,
// when VIES_URL is set, live with the European Commission's VIES REST service
// (POST {VIES_URL}/check-vat-number with { countryCode, vatNumber }; it answers valid, requestDate,
// requestIdentifier (the consultation number), name and address, or errorWrappers with codes such
// as MS_UNAVAILABLE, TIMEOUT, SERVICE_UNAVAILABLE, MS_MAX_CONCURRENT_REQ, INVALID_INPUT). Answers
// are kept with their date and consultation number and reused for VIES_CACHE_DAYS. When VIES cannot
// answer, the offline result stands and the answer says the live check was unavailable.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { EU_MEMBER_STATES } from '../../shared/labels/customs';
import { normalizeVatNumber, vatNumberProblem } from '../../shared/validation/vat-numbers';
import type { Database } from '../db/schema';
import type { ViesSettings } from './vies-settings';

export type LiveCheck =
  | { status: 'off' }
  /** Not an EU (or Northern Ireland) number, or invalid offline: VIES is not asked. */
  | { status: 'not_applicable' }
  | {
      status: 'valid' | 'invalid';
      requestDate: string;
      consultationNumber: string | null;
      traderName: string | null;
      traderAddress: string | null;
      cached: boolean;
    }
  /** VIES did not answer (error code, timeout, malformed answer): the offline result stands. */
  | { status: 'unavailable'; error: string };

export interface VatNumberCheck {
  vatNumber: string;
  offline: { valid: boolean; problem: string | null };
  live: LiveCheck;
}

const viesAnswer = z.object({
  valid: z.boolean(),
  requestDate: z.string().min(1).max(64),
  requestIdentifier: z.string().max(64).nullish(),
  name: z.string().max(500).nullish(),
  address: z.string().max(1000).nullish(),
});
const viesError = z.object({
  errorWrappers: z.array(z.object({ error: z.string(), message: z.string().nullish() })).min(1),
});

/** VIES writes "---" where a member state does not disclose the trader's name or address. */
const disclosed = (text: string | null | undefined) =>
  text && text.trim() !== '' && text.trim() !== '---' ? text.trim() : null;

async function askVies(
  settings: ViesSettings & { baseUrl: string },
  countryCode: string,
  number: string,
): Promise<
  { kind: 'answer'; answer: z.infer<typeof viesAnswer> } | { kind: 'error'; error: string }
> {
  let body: unknown;
  try {
    const response = await fetch(`${settings.baseUrl}/check-vat-number`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ countryCode, vatNumber: number }),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    const text = await response.text();
    try {
      body = JSON.parse(text);
    } catch {
      return { kind: 'error', error: response.ok ? 'MALFORMED_ANSWER' : `HTTP_${response.status}` };
    }
  } catch (error) {
    const name = (error as Error).name;
    return { kind: 'error', error: name === 'TimeoutError' ? 'TIMEOUT' : 'UNREACHABLE' };
  }
  const failed = viesError.safeParse(body);
  if (failed.success) return { kind: 'error', error: failed.data.errorWrappers[0]!.error };
  const answer = viesAnswer.safeParse(body);
  return answer.success
    ? { kind: 'answer', answer: answer.data }
    : { kind: 'error', error: 'MALFORMED_ANSWER' };
}

export async function checkVatNumber(
  db: Kysely<Database>,
  settings: ViesSettings,
  vatNumber: string,
  customerCountry: string,
  now = new Date(),
): Promise<VatNumberCheck> {
  const normalized = normalizeVatNumber(vatNumber, customerCountry);
  const problem = vatNumberProblem(vatNumber, customerCountry);
  const offline = { valid: problem === null, problem };
  const prefix = normalized.slice(0, 2);
  const euNumber = prefix === 'XI' || prefix === 'EL' || EU_MEMBER_STATES.has(prefix);
  if (problem !== null || !euNumber)
    return { vatNumber: normalized, offline, live: { status: 'not_applicable' } };
  if (settings.baseUrl === null) return { vatNumber: normalized, offline, live: { status: 'off' } };

  const since = new Date(now.getTime() - settings.cacheDays * 86_400_000);
  const cached = await db
    .selectFrom('vies_checks')
    .selectAll()
    .where('vat_number', '=', normalized)
    .where('checked_at', '>=', since)
    .executeTakeFirst();
  if (cached) {
    return {
      vatNumber: normalized,
      offline,
      live: {
        status: cached.valid ? 'valid' : 'invalid',
        requestDate: cached.request_date,
        consultationNumber: cached.consultation_number,
        traderName: cached.trader_name,
        traderAddress: cached.trader_address,
        cached: true,
      },
    };
  }

  const asked = await askVies(
    { ...settings, baseUrl: settings.baseUrl },
    prefix,
    normalized.slice(2),
  );
  if (asked.kind === 'error') {
    // Even INVALID_INPUT on a number that passed offline only means VIES did not confirm it.
    const error = asked.error.slice(0, 64);
    return { vatNumber: normalized, offline, live: { status: 'unavailable', error } };
  }
  const row = {
    vat_number: normalized,
    country_code: prefix,
    valid: asked.answer.valid,
    request_date: asked.answer.requestDate,
    consultation_number: asked.answer.requestIdentifier || null,
    trader_name: disclosed(asked.answer.name),
    trader_address: disclosed(asked.answer.address),
    checked_at: now,
  };
  await db
    .insertInto('vies_checks')
    .values(row)
    .onConflict((oc) =>
      oc.column('vat_number').doUpdateSet({
        valid: row.valid,
        request_date: row.request_date,
        consultation_number: row.consultation_number,
        trader_name: row.trader_name,
        trader_address: row.trader_address,
        checked_at: row.checked_at,
      }),
    )
    .execute();
  return {
    vatNumber: normalized,
    offline,
    live: {
      status: row.valid ? 'valid' : 'invalid',
      requestDate: row.request_date,
      consultationNumber: row.consultation_number,
      traderName: row.trader_name,
      traderAddress: row.trader_address,
      cached: false,
    },
  };
}
