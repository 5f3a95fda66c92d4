// The one access check for every route: each route's rule (route-rules.ts) is read from its
// config. A route registered without a rule stops the server at start. onRequest resolves the
// caller and checks roles and system credentials (before the body is read); preValidation checks
// a warehouse lead's warehouse once the body is parsed; a request made with the session cookie
// must carry the session's CSRF token unless it only reads.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../http/api-error';
import { csrfTokenMatches, CSRF_HEADER } from '../people/sessions';
import type { Principal } from './access';
import type { PresentedIdentity } from './credentials';
import { PUBLIC, roleDecision, warehouseDecision } from './route-rules';
import type { AccessRule, AdminTokenScope, CallerIdentity, Decision } from './route-rules';

export interface RouteAccessEntry {
  method: string;
  url: string;
  rule: AccessRule;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access rule, as registered (the access matrix test walks it). */
    routeAccessTable: RouteAccessEntry[];
  }
}

/** Routes of the API documentation plugin (@fastify/swagger-ui), which are public by design. */
const DOCUMENTATION_PREFIX = '/docs';
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const ACCESS_REFUSAL_CODES = [
  'unauthorized',
  'not_permitted',
  'not_your_warehouse',
  'csrf_token_invalid',
] as const;

export function callerIdentity(principal: Principal | null): CallerIdentity | null {
  if (principal === null) return null;
  if (principal.kind !== 'person') return { kind: principal.kind };
  return {
    kind: 'person',
    roles: principal.person.roles,
    leadWarehouses: principal.person.leadWarehouses,
  };
}

function refuse(decision: Decision, code: string): void {
  if (!decision.granted) throw new ApiError(decision.status, code, decision.message);
}

export interface RouteAccessOptions {
  resolve(request: FastifyRequest, stationFirst: boolean): Promise<PresentedIdentity>;
  adminTokenScope: AdminTokenScope;
}

/** Call before any route is registered. */
export function installRouteAccess(app: FastifyInstance, options: RouteAccessOptions): void {
  const table: RouteAccessEntry[] = [];
  app.decorate('routeAccessTable', table);
  app.decorateRequest('principal', null);
  app.decorateRequest('station', null);

  app.addHook('onRoute', (route) => {
    const documentation =
      route.url === DOCUMENTATION_PREFIX || route.url.startsWith(`${DOCUMENTATION_PREFIX}/`);
    const rule = route.config?.access ?? (documentation ? PUBLIC : undefined);
    const methods = [route.method].flat();
    if (!rule) {
      throw new Error(
        `${methods.join(',')} ${route.url} declares no access rule: add config: { access: allow(…) } or PUBLIC`,
      );
    }
    route.config = { ...route.config, access: rule };
    for (const method of methods) {
      if (method !== 'HEAD') table.push({ method, url: route.url, rule });
    }
  });

  app.addHook('onRequest', async (request) => {
    const rule = request.routeOptions.config.access;
    if (!rule || rule.allow === 'public') return; // no route (404), or open to all
    const identity = await options.resolve(request, rule.allow.includes('station'));
    const caller = callerIdentity(identity.principal);
    const decision = roleDecision(rule, caller, options.adminTokenScope);
    refuse(
      decision,
      decision.granted || decision.status === 401 ? 'unauthorized' : 'not_permitted',
    );
    if (
      identity.sessionId !== null &&
      !READ_METHODS.has(request.method) &&
      !csrfTokenMatches(identity.sessionId, request.headers[CSRF_HEADER])
    ) {
      throw new ApiError(
        403,
        'csrf_token_invalid',
        `Send the session's CSRF token in ${CSRF_HEADER} (from GET /v1/people/me).`,
      );
    }
    request.principal = identity.principal;
    if (identity.principal?.kind === 'station') request.station = identity.principal.station;
  });

  app.addHook('preValidation', async (request) => {
    const rule = request.routeOptions.config.access;
    if (!rule?.warehouseOf) return;
    const decision = warehouseDecision(
      rule,
      callerIdentity(request.principal),
      rule.warehouseOf(request),
    );
    refuse(decision, 'not_your_warehouse');
  });
}
