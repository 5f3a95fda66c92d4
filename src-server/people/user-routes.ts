// Users admin (admins only): list, read, create, change roles, deactivate. And the bootstrap:
// the admin token creates the first admin once; everything after that is done by people.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { allow } from '../access/route-rules';
import { auditedBy } from '../audit/audit';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';
import { errorResponses } from '../http/route-schemas';
import { endAllSessions } from './sessions';
import {
  changeUser,
  createUser,
  getUserView,
  listUsers,
  newUserSchema,
  otherActiveAdmins,
  userChangeSchema,
  userListQuerySchema,
  userViewSchema,
} from './users';

const tags = ['people'];
const adminPeople = allow('admin');
const security = [{ sessionCookie: [] }];
const idParams = z.object({ id: z.uuid('must be a user id (UUID)') });

/** The user as the audit log keeps it (locks the row; never the password hash). */
export async function userSnapshot(trx: Kysely<Database> | Transaction<Database>, id: string) {
  await trx.selectFrom('users').select('id').where('id', '=', id).forUpdate().execute();
  const view = await getUserView(trx, id);
  if (!view) return null;
  const { createdAt: _created, updatedAt: _updated, ...rest } = view;
  return rest;
}

export function userRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post('/v1/people/bootstrap', {
      config: { access: { ...allow('admin_token'), bootstrap: true } },
      schema: {
        tags,
        summary:
          'Create the first admin with the admin token (refused once an active admin exists)',
        security: [{ adminToken: [] }],
        body: newUserSchema.omit({ roles: true, leadWarehouses: true }),
        response: { 201: userViewSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const id = await auditedBy(request, db)(
          {
            objectType: 'user',
            action: 'bootstrapped',
            objectId: (userId: string) => userId,
            snapshot: userSnapshot,
          },
          async (trx) => {
            // One bootstrap at a time: concurrent calls queue here, the second sees the first admin.
            await sql`select pg_advisory_xact_lock(800001)`.execute(trx);
            if ((await otherActiveAdmins(trx, null)) > 0)
              throw new ApiError(
                409,
                'already_bootstrapped',
                'An admin exists already; ask them to create your account.',
              );
            return createUser(trx, { ...request.body, roles: ['admin'], leadWarehouses: [] });
          },
        );
        return reply.code(201).send((await getUserView(db, id))!);
      },
    });

    app.get('/v1/people/users', {
      config: { access: adminPeople },
      schema: {
        tags,
        summary:
          'Users, keyset-paged; sorted by e-mail, name or creation; filtered by text, role, active',
        security,
        querystring: userListQuerySchema,
        response: {
          200: z.object({ users: z.array(userViewSchema), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
      handler: async (request) => listUsers(db, request.query),
    });

    app.get('/v1/people/users/:id', {
      config: { access: adminPeople },
      schema: {
        tags,
        summary: 'One user',
        security,
        params: idParams,
        response: { 200: userViewSchema, ...errorResponses },
      },
      handler: async (request) => {
        const user = await getUserView(db, request.params.id);
        if (!user) throw notFound(`User ${request.params.id}`);
        return user;
      },
    });

    app.post('/v1/people/users', {
      config: { access: adminPeople },
      schema: {
        tags,
        summary:
          'Create a user with roles (a warehouse lead with their warehouses) and a first password',
        security,
        body: newUserSchema,
        response: { 201: userViewSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const id = await auditedBy(request, db)(
          {
            objectType: 'user',
            action: 'created',
            objectId: (userId: string) => userId,
            snapshot: userSnapshot,
          },
          (trx) => createUser(trx, request.body),
        );
        return reply.code(201).send((await getUserView(db, id))!);
      },
    });

    app.patch('/v1/people/users/:id', {
      config: { access: adminPeople },
      schema: {
        tags,
        summary: "Change a user's name, language, roles or warehouses, or (de)activate them",
        security,
        params: idParams,
        body: userChangeSchema,
        response: { 200: userViewSchema, ...errorResponses },
      },
      handler: async (request) => {
        const { id } = request.params;
        const change = request.body;
        const action =
          change.active === false
            ? 'deactivated'
            : change.active === true
              ? 'activated'
              : 'changed';
        return auditedBy(request, db)(
          { objectType: 'user', action, objectId: id, snapshot: userSnapshot },
          async (trx) => {
            const losesAdmin =
              change.active === false || (change.roles && !change.roles.includes('admin'));
            const current = await getUserView(trx, id);
            if (
              losesAdmin &&
              current?.roles.includes('admin') &&
              current.active &&
              (await otherActiveAdmins(trx, id)) === 0
            )
              throw new ApiError(
                409,
                'last_admin',
                'This is the last active admin; make someone else admin first.',
                change.active === false ? 'active' : 'roles',
              );
            const view = await changeUser(trx, id, change);
            // A deactivated person is signed out at once; new roles apply at their next request.
            if (change.active === false) await endAllSessions(trx, id);
            return view;
          },
        );
      },
    });
  };
}
