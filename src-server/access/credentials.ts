// Resolves what a request presents into a principal: a session cookie (a person), or a bearer
// credential (the admin token, a channel API key, a station token). Returns null when nothing
// valid was presented; a presented credential that matches nothing is also null (401).
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { PeopleConfig } from '../people/people-config';
import { personForSession, SESSION_COOKIE } from '../people/sessions';
import type { StationAuth } from '../stations/station-auth';
import { presentedCredential } from './access';
import type { Principal } from './access';
import { hashApiKey, secretsEqual } from './api-keys';

/**
 * Looked-up keys are remembered briefly: intake is hot. A key revoked through this process is
 * forgotten at once; another instance of the central OMS notices within this time.
 */
const KEY_CACHE_MS = 30_000;

export class ChannelKeyCache {
  private readonly entries = new Map<string, { channelCode: string | null; until: number }>();

  get(hash: string): string | null | undefined {
    const hit = this.entries.get(hash);
    return hit && hit.until > Date.now() ? hit.channelCode : undefined;
  }

  set(hash: string, channelCode: string | null): void {
    this.entries.set(hash, { channelCode, until: Date.now() + KEY_CACHE_MS });
  }

  /** After a revocation: the channel's keys are looked up again on their next use. */
  forgetChannel(channelCode: string): void {
    for (const [hash, entry] of this.entries)
      if (entry.channelCode === channelCode) this.entries.delete(hash);
  }
}

export interface PresentedIdentity {
  principal: Principal | null;
  /** The session id from the cookie when the principal came from it (CSRF applies). */
  sessionId: string | null;
}

export function credentialResolver(
  db: Kysely<Database>,
  adminToken: string,
  stations: StationAuth,
  people: PeopleConfig,
  channelCache = new ChannelKeyCache(),
) {
  async function channelForKey(key: string): Promise<string | null> {
    const hash = hashApiKey(key);
    const hit = channelCache.get(hash);
    if (hit !== undefined) return hit;
    const row = await db
      .selectFrom('channel_api_keys')
      .select(['channel_code', 'key_hash'])
      .where('key_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const channelCode = row && secretsEqual(row.key_hash, hash) ? row.channel_code : null;
    channelCache.set(hash, channelCode);
    return channelCode;
  }

  async function bearerPrincipal(credential: string, stationFirst: boolean) {
    if (secretsEqual(credential, adminToken)) return { kind: 'admin' } as const;
    const asStation = async (): Promise<Principal | null> => {
      const station = await stations.stationFor(credential);
      return station ? { kind: 'station', station } : null;
    };
    const asChannel = async (): Promise<Principal | null> => {
      const channelCode = await channelForKey(credential);
      return channelCode ? { kind: 'channel', channelCode } : null;
    };
    // Ask the likelier table first: sync routes see station tokens, the rest channel keys.
    return stationFirst
      ? ((await asStation()) ?? (await asChannel()))
      : ((await asChannel()) ?? (await asStation()));
  }

  /** A bearer credential wins over a cookie: API clients never depend on the browser's session. */
  return async function resolve(
    request: FastifyRequest,
    stationFirst: boolean,
  ): Promise<PresentedIdentity> {
    const credential = presentedCredential(request);
    if (credential !== undefined)
      return { principal: await bearerPrincipal(credential, stationFirst), sessionId: null };
    const sessionId = request.cookies?.[SESSION_COOKIE];
    if (!sessionId) return { principal: null, sessionId: null };
    const person = await personForSession(db, sessionId, people);
    return person
      ? { principal: { kind: 'person', person }, sessionId }
      : { principal: null, sessionId: null };
  };
}
