// Station tokens: the credential an enrolled station sends on every sync call. Looked up by hash,
// remembered briefly (a revoked station is refused within TOKEN_CACHE_MS). The route access check
// (access/route-access.ts) asks `stationFor`; handlers read the station with `stationOf`.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
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
  async function stationFor(token: string): Promise<StationIdentity | null> {
    const key = hashApiKey(token);
    let hit = cache.get(key);
    if (!hit || hit.until < Date.now()) {
      hit = { station: await stationForToken(db, token), until: Date.now() + TOKEN_CACHE_MS };
      cache.set(key, hit);
    }
    return hit.station;
  }
  return { stationFor, forget: () => cache.clear() };
}

export type StationAuth = ReturnType<typeof stationAuth>;

export function stationOf(request: FastifyRequest): StationIdentity {
  if (!request.station) throw new ApiError(401, 'unauthorized', 'No station identified.');
  return request.station;
}
