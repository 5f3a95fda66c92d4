// Signing in: throttled per account and per IP address (sign-in-throttle.ts), the same answer
// and about the same time for an unknown e-mail as for a wrong password, a lock that says until
// when, and a new server-side session on success.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { verifyAgainstDecoy, verifyPassword } from './passwords';
import type { PeopleConfig } from './people-config';
import { createSession, setSessionCookie } from './sessions';
import {
  accountKey,
  clearAccountFailures,
  ipKey,
  recordFailure,
  throttleState,
} from './sign-in-throttle';

function tooMany(reply: FastifyReply, until: Date, code: string, message: string): ApiError {
  void reply.header(
    'retry-after',
    String(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000))),
  );
  return new ApiError(429, code, message);
}

export const lockedMessage = (until: Date, config: PeopleConfig) =>
  `This account is locked for ${config.lockMinutes} minutes after ${config.maxAccountFailures} failed sign-ins, until ${until.toISOString()}. Try again then, or reset the password.`;

/**
 * Checks a password for an account under the throttle: throws 429 while locked, counts a wrong
 * password (and locks on the limit). Answers the user id when it is right.
 */
export async function checkPassword(
  db: Kysely<Database>,
  request: FastifyRequest,
  reply: FastifyReply,
  email: string,
  password: string,
  config: PeopleConfig,
): Promise<string | null> {
  const keys = { account: accountKey(email), ip: ipKey(request.ip) };
  const state = await throttleState(db, keys, config);
  if (state.accountLockedUntil)
    throw tooMany(
      reply,
      state.accountLockedUntil,
      'account_locked',
      lockedMessage(state.accountLockedUntil, config),
    );
  if (state.ipBlockedUntil)
    throw tooMany(
      reply,
      state.ipBlockedUntil,
      'too_many_attempts',
      `Too many failed sign-ins from this address; try again after ${state.ipBlockedUntil.toISOString()}.`,
    );
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('email', '=', email)
    .where('active', '=', true)
    .executeTakeFirst();
  const ok = user
    ? await verifyPassword(password, user.password_hash)
    : (await verifyAgainstDecoy(password), false);
  if (ok && user) {
    await clearAccountFailures(db, keys.account);
    return user.id;
  }
  const lockedUntil = await recordFailure(db, keys, config);
  if (lockedUntil)
    throw tooMany(reply, lockedUntil, 'account_locked', lockedMessage(lockedUntil, config));
  return null;
}

export async function signIn(
  db: Kysely<Database>,
  request: FastifyRequest,
  reply: FastifyReply,
  credentials: { email: string; password: string },
  config: PeopleConfig,
): Promise<string> {
  const userId = await checkPassword(
    db,
    request,
    reply,
    credentials.email,
    credentials.password,
    config,
  );
  if (!userId)
    throw new ApiError(401, 'sign_in_failed', 'The e-mail address or the password is wrong.');
  const sessionId = await createSession(db, userId, request, config);
  setSessionCookie(reply, request, sessionId, config);
  return sessionId;
}
