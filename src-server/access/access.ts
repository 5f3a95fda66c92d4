// Who is calling, and what a channel key may see. The principal is resolved once per request by
// the route access check (route-access.ts) from the route's declared rule (route-rules.ts).
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/people/roles';
import { ApiError } from '../http/api-error';
import type { StationIdentity } from '../stations/stations';

/** A person signed in with a session cookie. */
export interface SignedInPerson {
  userId: string;
  email: string;
  name: string;
  locale: string;
  roles: Role[];
  /** The warehouses a warehouse lead runs (empty without that role). */
  leadWarehouses: string[];
  sessionIdHash: string;
  /** The session's CSRF token: state-changing requests send it in X-CSRF-Token. */
  csrfToken: string;
}

export type Principal =
  | { kind: 'admin' }
  | { kind: 'channel'; channelCode: string }
  | { kind: 'station'; station: StationIdentity }
  | { kind: 'person'; person: SignedInPerson };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function presentedCredential(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth))
    return auth.replace(/^Bearer\s+/i, '').trim();
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey !== '' ? apiKey : undefined;
}

/** How a principal appears in event trails (order events, RMA events). */
export function actorOf(principal: Principal): string {
  switch (principal.kind) {
    case 'admin':
      return 'admin';
    case 'channel':
      return `channel:${principal.channelCode}`;
    case 'station':
      return `station:${principal.station.stationId}`;
    case 'person':
      return `user:${principal.person.email}`;
  }
}

/** The signed-in person; throws 401 on a route reached without a session. */
export function personOf(request: FastifyRequest): SignedInPerson {
  if (request.principal?.kind !== 'person')
    throw new ApiError(401, 'unauthorized', 'Sign in first.');
  return request.principal.person;
}

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
