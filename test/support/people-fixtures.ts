// Factories for people tests: users with roles (stored as the app stores them), sessions made
// straight in the database (as sign-in makes them), and signing in through the real route.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Locale, Role } from '../../shared/people/roles';
import { hashApiKey } from '../../src-server/access/api-keys';
import type { Database } from '../../src-server/db/schema';
import { hashPassword } from '../../src-server/people/passwords';
import { csrfTokenFor, newSessionId, SESSION_COOKIE } from '../../src-server/people/sessions';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export interface TestPerson {
  id: string;
  email: string;
  roles: Role[];
  leadWarehouses: string[];
}

export async function makePerson(
  db: Kysely<Database>,
  options: { roles: Role[]; leadWarehouses?: string[]; email?: string; locale?: Locale },
): Promise<TestPerson> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID();
  const email = options.email ?? `${options.roles.join('-')}-${id.slice(0, 8)}@shop.example`;
  await db
    .insertInto('users')
    .values({
      id,
      email,
      name: `Person ${email}`,
      locale: options.locale ?? 'en',
      password_hash: await passwordHash,
    })
    .execute();
  await db
    .insertInto('user_roles')
    .values(options.roles.map((role) => ({ user_id: id, role })))
    .execute();
  const leadWarehouses = options.leadWarehouses ?? [];
  if (leadWarehouses.length > 0)
    await db
      .insertInto('lead_warehouses')
      .values(leadWarehouses.map((warehouse_code) => ({ user_id: id, warehouse_code })))
      .execute();
  return { id, email, roles: options.roles, leadWarehouses };
}

export interface TestSession {
  sessionId: string;
  csrfToken: string;
  /** The Cookie header, and the CSRF header for requests that change something. */
  headers: { cookie: string; 'x-csrf-token': string };
}

export const sessionHeaders = (sessionId: string, csrfToken = csrfTokenFor(sessionId)) => ({
  cookie: `${SESSION_COOKIE}=${sessionId}`,
  'x-csrf-token': csrfToken,
});

/** A live session for a person, written as sign-in writes it (without spending a hash). */
export async function sessionFor(db: Kysely<Database>, userId: string): Promise<TestSession> {
  const sessionId = newSessionId();
  await db
    .insertInto('user_sessions')
    .values({
      id_hash: hashApiKey(sessionId),
      user_id: userId,
      expires_at: new Date(Date.now() + 3_600_000),
    })
    .execute();
  const csrfToken = csrfTokenFor(sessionId);
  return { sessionId, csrfToken, headers: sessionHeaders(sessionId, csrfToken) };
}

/** Signs in through POST /v1/people/sessions; answers the response and the session's headers. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
  remoteAddress = '127.0.0.1',
) {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/people/sessions',
    payload: { email, password },
    remoteAddress,
  });
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  const headers =
    response.statusCode === 200 && cookie
      ? sessionHeaders(cookie.value, response.json().csrfToken as string)
      : null;
  return { response, cookie, headers };
}
