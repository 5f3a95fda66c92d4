// The replication endpoints stations call (RxDB's protocol over HTTP): pull with a checkpoint,
// push with conflicts answered, and a live stream of server-sent events.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { SyncCollection } from '../../shared/sync/documents';
import {
  MAX_PULL_PAGE,
  PullResponse,
  PushRequest,
  PushResponse,
  SyncCollectionName,
} from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import { errorResponses } from '../http/route-schemas';
import { allow } from '../access/route-rules';
import { stationOf } from '../stations/station-auth';
import { pullSyncDocuments } from './document-store';
import { applyPush } from './push';
import type { SyncHub } from './sync-hub';

const HEARTBEAT_MS = 15_000;
const stationSecurity = [{ stationToken: [] }];

export function syncRoutes(db: Kysely<Database>, hub: SyncHub) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const params = z.object({ collection: SyncCollectionName });

    app.get('/v1/sync/:collection/pull', {
      config: { access: allow('station') },
      schema: {
        tags: ['sync'],
        summary:
          "Documents of this station's warehouse after a checkpoint, in (updatedAt, id) order",
        security: stationSecurity,
        params,
        querystring: z.object({
          updatedAt: z.coerce.number().int().min(0).optional(),
          id: z.string().max(80).optional(),
          limit: z.coerce.number().int().min(1).max(MAX_PULL_PAGE).default(200),
        }),
        response: { 200: PullResponse, ...errorResponses },
      },
      handler: async (request) => {
        const { updatedAt, id, limit } = request.query;
        const checkpoint = updatedAt !== undefined ? { updatedAt, id: id ?? '' } : null;
        const station = stationOf(request);
        return pullSyncDocuments(
          db,
          station.warehouseCode,
          request.params.collection as SyncCollection,
          checkpoint,
          limit,
          station.stationId,
        );
      },
    });

    app.post('/v1/sync/:collection/push', {
      config: { access: allow('station') },
      schema: {
        tags: ['sync'],
        summary:
          'Apply station changes; answers the conflicting master documents (empty when all applied)',
        security: stationSecurity,
        params,
        body: PushRequest,
        response: { 200: PushResponse, ...errorResponses },
      },
      handler: async (request) =>
        applyPush(
          db,
          stationOf(request),
          request.params.collection as SyncCollection,
          request.body.rows,
        ),
    });

    app.get('/v1/sync/stream', {
      config: { access: allow('station') },
      schema: {
        tags: ['sync'],
        summary: 'Live changes as server-sent events (`data:` is a stream message)',
        security: stationSecurity,
      },
      handler: async (request, reply) => {
        const station = stationOf(request);
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
          'X-Accel-Buffering': 'no',
        });
        res.write(': connected\n\n');
        const detach = hub.attach({
          warehouseCode: station.warehouseCode,
          stationId: station.stationId,
          send: (m) => res.write(`data: ${JSON.stringify(m)}\n\n`),
          close: () => res.end(),
        });
        const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
        const close = () => {
          clearInterval(heartbeat);
          detach();
        };
        request.raw.on('close', close);
        res.on('error', close);
      },
    });
  };
}
