// Who is calling: the admin (token from configuration) or a sales channel (its API key). Channel
// keys reach only their own channel's orders; everything else needs the admin token.
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { hashApiKey, secretsEqual } from './api-keys';

export type Principal = { kind: 'admin' } | { kind: 'channel'; channelCode: string };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    resolvePrincipal(request: FastifyRequest): Promise<void>;
  }
}

/** Looked-up keys are remembered briefly: intake is hot, revocation may take this long. */
const KEY_CACHE_MS = 30_000;

export function presentedCredential(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth))
    return auth.replace(/^Bearer\s+/i, '').trim();
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey !== '' ? apiKey : undefined;
}

export function createAccessResolver(db: Kysely<Database>, adminToken: string) {
  const cache = new Map<string, { channelCode: string | null; until: number }>();

  async function channelForKey(key: string): Promise<string | null> {
    const hash = hashApiKey(key);
    const hit = cache.get(hash);
    if (hit && hit.until > Date.now()) return hit.channelCode;
    const row = await db
      .selectFrom('channel_api_keys')
      .select(['channel_code', 'key_hash'])
      .where('key_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const channelCode = row && secretsEqual(row.key_hash, hash) ? row.channel_code : null;
    cache.set(hash, { channelCode, until: Date.now() + KEY_CACHE_MS });
    return channelCode;
  }

  /** Resolves `request.principal`; a credential that matches nothing is refused with 401. */
  return async function resolvePrincipal(request: FastifyRequest): Promise<void> {
    request.principal = null;
    const credential = presentedCredential(request);
    if (credential === undefined) return;
    if (secretsEqual(credential, adminToken)) {
      request.principal = { kind: 'admin' };
      return;
    }
    const channelCode = await channelForKey(credential);
    if (channelCode === null)
      throw new ApiError(401, 'unauthorized', 'The API key or token is not valid.');
    request.principal = { kind: 'channel', channelCode };
  };
}

async function requirePrincipal(request: FastifyRequest): Promise<Principal> {
  await request.server.resolvePrincipal(request);
  if (!request.principal) {
    throw new ApiError(
      401,
      'unauthorized',
      'Send an API key (Authorization: Bearer <key> or X-Api-Key) or the admin token.',
    );
  }
  return request.principal;
}

export const requireAdmin: onRequestHookHandler = async (
  request: FastifyRequest,
  _reply: FastifyReply,
) => {
  if ((await requirePrincipal(request)).kind !== 'admin') {
    throw new ApiError(
      403,
      'forbidden',
      'This route needs the admin token; a channel API key is not enough.',
    );
  }
};

export const requireChannelOrAdmin: onRequestHookHandler = async (
  request: FastifyRequest,
  _reply: FastifyReply,
) => {
  await requirePrincipal(request);
};

/** The channel an order is created for: the key's own channel; the admin must name one. */
export function channelScope(principal: Principal | null): string | null {
  return principal?.kind === 'channel' ? principal.channelCode : null;
}

/** Throws 403 when a channel key reaches for another channel's order. */
export function assertMayReadChannel(principal: Principal | null, channelCode: string): void {
  if (principal?.kind === 'channel' && principal.channelCode !== channelCode) {
    throw new ApiError(403, 'forbidden', 'This order belongs to another channel.');
  }
}
