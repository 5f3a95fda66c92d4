// Reading the audit log: newest first, keyset-paged, filtered by object (type and id) and by actor.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { allow } from '../access/route-rules';
import type { Database } from '../db/schema';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { ApiError } from '../http/api-error';
import { errorResponses } from '../http/route-schemas';

const ACTOR_TYPES = ['user', 'channel', 'station', 'admin_token', 'system'] as const;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ type: z.enum(ACTOR_TYPES), id: z.string(), label: z.string().nullable() }),
  objectType: z.string(),
  objectId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  objectType: z.string().trim().min(1).max(64).optional(),
  objectId: z.string().trim().min(1).max(200).optional(),
  actorType: z.enum(ACTOR_TYPES).optional(),
  actorId: z.string().trim().min(1).max(200).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export async function listAuditEntries(db: Kysely<Database>, query: AuditQuery) {
  let select = db.selectFrom('audit_log').selectAll();
  if (query.objectType) select = select.where('object_type', '=', query.objectType);
  if (query.objectId) select = select.where('object_id', '=', query.objectId);
  if (query.actorType) select = select.where('actor_type', '=', query.actorType);
  // An actor is found by id or by label (a person's e-mail), as people remember them.
  if (query.actorId) {
    const actor = query.actorId;
    select = select.where((eb) =>
      eb.or([eb('actor_id', '=', actor), eb('actor_label', '=', actor)]),
    );
  }
  if (query.cursor) {
    const { at, id } = decodeCursor(query.cursor);
    select = select.where((eb) =>
      eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await select
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: { type: r.actor_type, id: r.actor_id, label: r.actor_label },
      objectType: r.object_type,
      objectId: r.object_id,
      action: r.action,
      before: r.before,
      after: r.after,
      reason: r.reason,
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
  };
}

const ORDER = 'order';

export function auditRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/audit', {
      config: { access: allow('admin', 'customer_service', 'finance') },
      schema: {
        tags: ['audit'],
        summary:
          'The audit log, newest first; filter by object (type + id) and by actor (customer service and finance: orders only)',
        security: [{ sessionCookie: [] }],
        querystring: auditQuerySchema,
        response: {
          200: z.object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        // Customer service and finance follow what happened to orders; the rest is the admins'.
        const person = request.principal?.kind === 'person' ? request.principal.person : null;
        if (person && !person.roles.includes('admin') && request.query.objectType !== ORDER)
          throw new ApiError(
            403,
            'audit_orders_only',
            'Your roles read the audit log of orders only: filter by objectType=order.',
            'objectType',
          );
        return listAuditEntries(db, request.query);
      },
    });
  };
}
