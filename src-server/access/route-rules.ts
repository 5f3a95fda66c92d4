// Every route declares who may call it, as `config: { access: rule }`. The check
// (route-access.ts) refuses a route registered without a rule, so none is left open by accident.
import type { FastifyRequest } from 'fastify';
import { ROLES } from '../../shared/people/roles';
import type { Role } from '../../shared/people/roles';

/** Callers that are systems rather than people. */
export const SYSTEM_CALLERS = ['channel', 'station', 'admin_token'] as const;
export type SystemCaller = (typeof SYSTEM_CALLERS)[number];
export type Caller = Role | SystemCaller;

export interface AccessRule {
  /** Who may call; `'public'`: anyone, without credentials. */
  allow: readonly Caller[] | 'public';
  /**
   * The warehouse the request is about, for warehouse leads (they reach only their own). Gets the
   * parsed but not yet validated request, so it must check what it reads.
   */
  warehouseOf?: (request: Pick<FastifyRequest, 'params' | 'body' | 'query'>) => string | undefined;
  /** The admin token may call this route even when ADMIN_TOKEN_SCOPE=bootstrap (creating the first admin). */
  bootstrap?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
}

export const PUBLIC: AccessRule = { allow: 'public' };

export function allow(...callers: Caller[]): AccessRule {
  return { allow: callers };
}

/** Any signed-in person, whatever their roles (their own account, sign-out). */
export const ANY_PERSON: readonly Role[] = ROLES;

/** Reads `field` from an object-shaped value when it is a non-empty string. */
export function stringField(value: unknown, field: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[field];
  return typeof found === 'string' && found !== '' ? found : undefined;
}

/** For routes about the warehouse in `:code`, or `warehouseCode` in the body. */
export const warehouseInParams =
  (field = 'code') =>
  (r: Pick<FastifyRequest, 'params'>) =>
    stringField(r.params, field);
export const warehouseInBody = (r: Pick<FastifyRequest, 'body'>) =>
  stringField(r.body, 'warehouseCode');

export type AdminTokenScope = 'system' | 'bootstrap';

export type Decision =
  { granted: true } | { granted: false; status: 401 | 403; code: string; message: string };

/** The caller a principal counts as, for matching against a rule. */
export interface CallerIdentity {
  kind: 'admin' | 'channel' | 'station' | 'person';
  roles?: readonly Role[];
  leadWarehouses?: readonly string[];
}

const GRANTED: Decision = { granted: true };
const refused = (status: 401 | 403, code: string, message: string): Decision => ({
  granted: false,
  status,
  code,
  message,
});

/**
 * Whether a caller may use a route by its rule, before looking at the request's warehouse
 * (`warehouseDecision` does that once the body is parsed). `null`: no (valid) credential.
 */
export function roleDecision(
  rule: AccessRule,
  caller: CallerIdentity | null,
  adminTokenScope: AdminTokenScope,
): Decision {
  if (rule.allow === 'public') return GRANTED;
  if (caller === null) {
    return refused(
      401,
      'unauthorized',
      'Sign in, or send an API key, station token or the admin token (Authorization: Bearer <key>).',
    );
  }
  const allowed = rule.allow;
  switch (caller.kind) {
    case 'admin':
      if (allowed.includes('admin_token') && (adminTokenScope === 'system' || rule.bootstrap))
        return GRANTED;
      return refused(403, 'forbidden', 'The admin token may not call this route.');
    case 'channel':
      return allowed.includes('channel')
        ? GRANTED
        : refused(403, 'forbidden', 'A channel API key may not call this route.');
    case 'station':
      return allowed.includes('station')
        ? GRANTED
        : refused(403, 'forbidden', 'A station token may not call this route.');
    case 'person':
      return (caller.roles ?? []).some((role) => allowed.includes(role))
        ? GRANTED
        : refused(403, 'forbidden', 'None of your roles may do this.');
  }
}

/** A warehouse lead whose only matching role is the lead role reaches only their warehouses. */
export function warehouseDecision(
  rule: AccessRule,
  caller: CallerIdentity | null,
  warehouse: string | undefined,
): Decision {
  if (rule.allow === 'public' || !rule.warehouseOf || caller?.kind !== 'person') return GRANTED;
  const allowed = rule.allow;
  const roles = caller.roles ?? [];
  const otherRole = roles.some((role) => role !== 'warehouse_lead' && allowed.includes(role));
  if (otherRole || !roles.includes('warehouse_lead')) return GRANTED;
  return warehouse !== undefined && (caller.leadWarehouses ?? []).includes(warehouse)
    ? GRANTED
    : refused(
        403,
        'forbidden',
        `You lead ${(caller.leadWarehouses ?? []).join(', ') || 'no warehouse'}; this is about ${warehouse ?? 'another warehouse'}.`,
      );
}
