// Station tokens: the credential an enrolled station sends on every sync call. Looked up by hash,
// remembered briefly (a revoked station is refused within TOKEN_CACHE_MS).
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import { presentedCredential } from '../access/access';
import { hashApiKey } from '../access/api-keys';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { stationForToken, type StationIdentity } from './stations';

const TOKEN_CACHE_MS = 10_000;

declare module 'fastify' {
  interface FastifyRequest {
    station: StationIdentity | null;
  }
}

export function stationAuth(db: Kysely<Database>) {
  const cache = new Map<string, { station: StationIdentity | null; until: number }>();
  const requireStation: onRequestHookHandler = async (request: FastifyRequest) => {
    const token = presentedCredential(request);
    if (!token)
      throw new ApiError(
        401,
        'unauthorized',
        'Send the station token: Authorization: Bearer <token>.',
      );
    const key = hashApiKey(token);
    let hit = cache.get(key);
    if (!hit || hit.until < Date.now()) {
      hit = { station: await stationForToken(db, token), until: Date.now() + TOKEN_CACHE_MS };
      cache.set(key, hit);
    }
    if (!hit.station)
      throw new ApiError(
        401,
        'unauthorized',
        'This station token is unknown or revoked; enrol the station again.',
      );
    request.station = hit.station;
  };
  return { requireStation, forget: () => cache.clear() };
}

export function stationOf(request: FastifyRequest): StationIdentity {
  if (!request.station) throw new ApiError(401, 'unauthorized', 'No station identified.');
  return request.station;
}
