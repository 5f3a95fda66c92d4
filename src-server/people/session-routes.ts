// Signing in and out, the signed-in person's own account (who am I, what may I do, change my
// password, sign out everywhere) and password reset by e-mail.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { emailSchema, passwordSchema } from '../../shared/people/roles';
import { personOf } from '../access/access';
import { ANY_PERSON, allow, PUBLIC, roleDecision } from '../access/route-rules';
import { callerIdentity } from '../access/route-access';
import { auditedBy, writeAuditEntry } from '../audit/audit';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { errorResponses } from '../http/route-schemas';
import { completePasswordReset, requestPasswordReset, type ResetMail } from './password-reset';
import type { PeopleConfig } from './people-config';
import {
  clearSessionCookie,
  csrfTokenFor,
  endAllSessions,
  endSession,
  personForSession,
} from './sessions';
import { checkPassword, signIn } from './sign-in';
import { getUserView, setPassword, userViewSchema } from './users';
import { userSnapshot } from './user-routes';

const tags = ['people'];
const sessionSecurity = [{ sessionCookie: [] }];
const withThrottle = {
  ...errorResponses,
  429: errorResponses[422].describe('Locked or throttled; Retry-After says how long.'),
};

export const meSchema = z.object({
  user: userViewSchema,
  csrfToken: z
    .string()
    .describe('Send it in X-CSRF-Token on every request that changes something.'),
  allowedRoutes: z.array(z.string()).describe('"METHOD /path" of every route your roles may call.'),
});

function allowedRoutes(request: FastifyRequest, scope: PeopleConfig['adminTokenScope']): string[] {
  const caller = callerIdentity(request.principal);
  return request.server.routeAccessTable
    .filter(
      (entry) => entry.rule.allow !== 'public' && roleDecision(entry.rule, caller, scope).granted,
    )
    .map((entry) => `${entry.method} ${entry.url}`);
}

export function sessionRoutes(db: Kysely<Database>, config: PeopleConfig, mail: ResetMail) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const me = async (request: FastifyRequest, userId: string, csrfToken: string) => {
      const user = await getUserView(db, userId);
      if (!user) throw new ApiError(401, 'unauthorized', 'Sign in first.');
      return { user, csrfToken, allowedRoutes: allowedRoutes(request, config.adminTokenScope) };
    };

    app.post('/v1/people/sessions', {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets the HttpOnly session cookie',
        body: z.object({ email: emailSchema, password: z.string().min(1).max(1024) }),
        response: { 200: meSchema, ...withThrottle },
      },
      handler: async (request, reply) => {
        const sessionId = await signIn(db, request, reply, request.body, config);
        const person = await personForSession(db, sessionId, config);
        request.principal = person ? { kind: 'person', person } : null;
        return me(request, person!.userId, csrfTokenFor(sessionId));
      },
    });

    app.get('/v1/people/me', {
      config: { access: allow(...ANY_PERSON) },
      schema: {
        tags,
        summary: 'The signed-in person, their CSRF token and the routes their roles may call',
        security: sessionSecurity,
        response: { 200: meSchema, ...errorResponses },
      },
      handler: async (request) => {
        const person = personOf(request);
        return me(request, person.userId, person.csrfToken);
      },
    });

    app.delete('/v1/people/sessions/current', {
      config: { access: allow(...ANY_PERSON) },
      schema: {
        tags,
        summary: 'Sign out: ends this session',
        security: sessionSecurity,
        response: { 204: z.null(), ...errorResponses },
      },
      handler: async (request, reply) => {
        await endSession(db, personOf(request).sessionIdHash);
        clearSessionCookie(reply, request, config);
        return reply.code(204).send(null);
      },
    });

    app.delete('/v1/people/sessions', {
      config: { access: allow(...ANY_PERSON) },
      schema: {
        tags,
        summary: 'Sign out everywhere: ends every session of the signed-in person, this one too',
        security: sessionSecurity,
        response: { 200: z.object({ endedSessions: z.number().int() }), ...errorResponses },
      },
      handler: async (request, reply) => {
        const person = personOf(request);
        const ended = await auditedBy(request, db)(
          {
            objectType: 'user',
            objectId: person.userId,
            action: 'signed_out_everywhere',
            snapshot: sessionCount,
          },
          (trx) => endAllSessions(trx, person.userId),
        );
        clearSessionCookie(reply, request, config);
        return { endedSessions: ended };
      },
    });

    app.post('/v1/people/me/password', {
      config: { access: allow(...ANY_PERSON) },
      schema: {
        tags,
        summary: 'Change your password (the current one is asked); your other sessions end',
        security: sessionSecurity,
        body: z.object({
          currentPassword: z.string().min(1).max(1024),
          newPassword: passwordSchema,
        }),
        response: { 204: z.null(), ...withThrottle },
      },
      handler: async (request, reply) => {
        const person = personOf(request);
        const ok = await checkPassword(
          db,
          request,
          reply,
          person.email,
          request.body.currentPassword,
          config,
        );
        if (ok !== person.userId)
          throw new ApiError(
            422,
            'wrong_password',
            'The current password is wrong.',
            'currentPassword',
          );
        await auditedBy(request, db)(
          {
            objectType: 'user',
            objectId: person.userId,
            action: 'password_changed',
            snapshot: userSnapshot,
          },
          async (trx) => {
            await setPassword(trx, person.userId, request.body.newPassword);
            await endAllSessions(trx, person.userId, person.sessionIdHash);
          },
        );
        return reply.code(204).send(null);
      },
    });

    app.post('/v1/people/password-resets', {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary:
          'Ask for a password reset link by e-mail (answers 202 whether or not the account exists)',
        body: z.object({ email: emailSchema }),
        response: { 202: z.object({ status: z.literal('sent_if_known') }), ...errorResponses },
      },
      handler: async (request, reply) => {
        await requestPasswordReset(db, request.body.email, config, mail, (err) =>
          request.log.error({ err }, 'the password reset e-mail could not be sent'),
        );
        return reply.code(202).send({ status: 'sent_if_known' as const });
      },
    });

    app.post('/v1/people/password-resets/complete', {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary:
          "Set a new password with the e-mailed link's token; every session of the account ends",
        body: z.object({ token: z.string().min(1).max(200), password: passwordSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
      handler: async (request, reply) => {
        await db.transaction().execute(async (trx) => {
          const userId = await completePasswordReset(
            trx,
            request.body.token,
            request.body.password,
          );
          await writeAuditEntry(
            trx,
            { type: 'user', id: userId, label: null },
            {
              objectType: 'user',
              objectId: userId,
              action: 'password_reset',
              before: null,
              after: await userSnapshot(trx, userId),
            },
          );
        });
        return reply.code(204).send(null);
      },
    });
  };
}

async function sessionCount(trx: Kysely<Database>, userId: string) {
  const row = await trx
    .selectFrom('user_sessions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { sessions: Number(row.n) };
}
