// Server-side sessions: the browser holds a random session id in an HttpOnly cookie; the database
// holds only its SHA-256, so any instance can check it and a leaked table opens no session. The
// CSRF token is derived from the session id, so only a page that was given it (GET /v1/people/me)
// can send it back, and it dies with the session.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { roleSchema } from '../../shared/people/roles';
import type { SignedInPerson } from '../access/access';
import { hashApiKey, secretsEqual } from '../access/api-keys';
import type { Database } from '../db/schema';
import type { PeopleConfig } from './people-config';

export const SESSION_COOKIE = 'oms_session';
export const CSRF_HEADER = 'x-csrf-token';
/** last_seen_at is written at most this often per session (one write per minute, not per request). */
const TOUCH_AFTER_MS = 60_000;

export const newSessionId = (): string => randomBytes(32).toString('base64url');

export const csrfTokenFor = (sessionId: string): string =>
  createHash('sha256').update(`csrf:${sessionId}`, 'utf8').digest('base64url');

export function csrfTokenMatches(sessionId: string, presented: unknown): boolean {
  return typeof presented === 'string' && secretsEqual(presented, csrfTokenFor(sessionId));
}

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  request: FastifyRequest,
  config: PeopleConfig,
): Promise<string> {
  const sessionId = newSessionId();
  await db
    .insertInto('user_sessions')
    .values({
      id_hash: hashApiKey(sessionId),
      user_id: userId,
      expires_at: new Date(Date.now() + config.sessionMaxHours * 3_600_000),
      ip: request.ip,
      user_agent: (request.headers['user-agent'] ?? '').slice(0, 300),
    })
    .execute();
  return sessionId;
}

/** The person a live session belongs to; null for an unknown, expired, idle or deactivated one. */
export async function personForSession(
  db: Kysely<Database>,
  sessionId: string,
  config: PeopleConfig,
): Promise<SignedInPerson | null> {
  const idHash = hashApiKey(sessionId);
  const idleSince = new Date(Date.now() - config.sessionIdleMinutes * 60_000);
  const row = await db
    .selectFrom('user_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.locale',
      's.last_seen_at',
      sql<
        string[]
      >`coalesce((select json_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '[]')`.as(
        'roles',
      ),
      sql<
        string[]
      >`coalesce((select json_agg(w.warehouse_code order by w.warehouse_code) from lead_warehouses w where w.user_id = u.id), '[]')`.as(
        'lead_warehouses',
      ),
    ])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', new Date())
    .where('s.last_seen_at', '>', idleSince)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    await db
      .updateTable('user_sessions')
      .set({ last_seen_at: new Date() })
      .where('id_hash', '=', idHash)
      .execute();
  }
  const parse = (value: unknown): unknown[] =>
    typeof value === 'string' ? (JSON.parse(value) as unknown[]) : (value as unknown[]);
  return {
    userId: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    roles: parse(row.roles).map((r) => roleSchema.parse(r)),
    leadWarehouses: parse(row.lead_warehouses).map(String),
    sessionIdHash: idHash,
    csrfToken: csrfTokenFor(sessionId),
  };
}

export async function endSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('user_sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user (sign out everywhere, password change or reset, deactivation). */
export async function endAllSessions(
  db: Kysely<Database>,
  userId: string,
  exceptIdHash?: string,
): Promise<number> {
  let query = db.deleteFrom('user_sessions').where('user_id', '=', userId);
  if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

function secureCookie(request: FastifyRequest, config: PeopleConfig): boolean {
  if (config.cookieSecure === 'always') return true;
  if (config.cookieSecure === 'never') return false;
  return request.protocol === 'https';
}

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  sessionId: string,
  config: PeopleConfig,
): void {
  // Strict: the app's own pages make every API call, so a cookie is never needed cross-site.
  void reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookie(request, config),
  });
}

export function clearSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  config: PeopleConfig,
): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookie(request, config),
  });
}
