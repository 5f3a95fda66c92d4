// Idempotency-Key handling: the first request's response is stored in the same transaction as
// the order; a replay gets it back, a different body under the same key is refused.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TableRows } from '../db/bulk-insert';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

export function requestFingerprint(payload: unknown): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex');
}

/** The stored response for this key, or null; 409 when the key was used for another body. */
export async function findReplay(
  db: Kysely<Database>,
  scope: string,
  key: string,
  fingerprint: string,
): Promise<StoredResponse | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== fingerprint) {
    throw new ApiError(
      409,
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request body.',
      'Idempotency-Key',
    );
  }
  return { statusCode: row.status_code, body: row.response };
}

export interface ResponseToStore {
  scope: string;
  key: string;
  fingerprint: string;
  response: StoredResponse;
}

/** Idempotency records for `insertTables`, stored in the transaction that made the responses. */
export function idempotencyRows(responses: readonly ResponseToStore[]): TableRows {
  return {
    table: 'idempotency_keys',
    columns: {
      scope: 'text',
      key: 'text',
      request_hash: 'text',
      status_code: 'integer',
      response: 'jsonb',
    },
    rows: responses.map(({ scope, key, fingerprint, response }) => ({
      scope,
      key,
      request_hash: fingerprint,
      status_code: response.statusCode,
      response: response.body,
    })),
  };
}
