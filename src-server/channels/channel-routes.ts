// Channels for admins: the list (keyset-paged by code) and each channel's API keys, issued and
// revoked with an audit entry. Channel keys themselves never reach these routes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { storableText } from '../../shared/orders/order-schema';
import type { ChannelKeyCache } from '../access/credentials';
import { allow } from '../access/route-rules';
import { auditedBy } from '../audit/audit';
import type { Database } from '../db/schema';
import { notFound } from '../http/api-error';
import { errorResponses } from '../http/route-schemas';
import {
  channelExists,
  channelKeysSnapshot,
  issueChannelKey,
  listChannelKeys,
  revokeChannelKey,
} from './channel-keys';

const tags = ['channels'];
const admins = allow('admin');
const security = [{ sessionCookie: [] }];
const channelParams = z.object({ channel: storableText(64) });
const keySchema = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
const channelSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  platform: z.string(),
  activeKeys: z.number().int(),
});

export function channelRoutes(db: Kysely<Database>, keyCache: ChannelKeyCache) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/v1/channels', {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Channels by code, with how many API keys each has in use',
        security,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: storableText(64).optional().describe('The last code of the previous page'),
        }),
        response: {
          200: z.object({ channels: z.array(channelSchema), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
      handler: async (request) => {
        const { limit, cursor } = request.query;
        let select = db
          .selectFrom('channels as c')
          .select(['c.code', 'c.name', 'c.kind', 'c.platform'])
          .select((eb) =>
            eb
              .selectFrom('channel_api_keys as k')
              .select((k) => k.fn.countAll<string>().as('n'))
              .whereRef('k.channel_code', '=', 'c.code')
              .where('k.revoked_at', 'is', null)
              .as('active_keys'),
          )
          .orderBy('c.code')
          .limit(limit + 1);
        if (cursor !== undefined) select = select.where('c.code', '>', cursor);
        const rows = await select.execute();
        const page = rows.slice(0, limit);
        return {
          channels: page.map((r) => ({
            code: r.code,
            name: r.name,
            kind: r.kind,
            platform: r.platform,
            activeKeys: Number(r.active_keys ?? 0),
          })),
          nextCursor: rows.length > limit ? (page.at(-1)?.code ?? null) : null,
        };
      },
    });

    app.get('/v1/channels/:channel/keys', {
      config: { access: admins },
      schema: {
        tags,
        summary: "A channel's API keys, newest first (never the key itself)",
        security,
        params: channelParams,
        response: { 200: z.object({ keys: z.array(keySchema) }), ...errorResponses },
      },
      handler: async (request) => {
        if (!(await channelExists(db, request.params.channel)))
          throw notFound(`Channel ${request.params.channel}`);
        return { keys: await listChannelKeys(db, request.params.channel) };
      },
    });

    app.post('/v1/channels/:channel/keys', {
      config: { access: admins },
      schema: {
        tags,
        summary:
          'Issue an API key for a channel: the answer holds the key, the only time it is shown',
        security,
        params: channelParams,
        body: z.object({ label: storableText(100) }),
        response: {
          201: keySchema.omit({ revokedAt: true }).extend({ apiKey: z.string() }),
          ...errorResponses,
        },
      },
      handler: async (request, reply) => {
        const { channel } = request.params;
        if (!(await channelExists(db, channel))) throw notFound(`Channel ${channel}`);
        const issued = await auditedBy(request, db)(
          {
            objectType: 'channel',
            objectId: channel,
            action: 'key_issued',
            snapshot: channelKeysSnapshot,
          },
          (trx) => issueChannelKey(trx, channel, request.body.label),
        );
        return reply.status(201).send(issued);
      },
    });

    app.post('/v1/channels/:channel/keys/:id/revoke', {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Revoke a channel API key: requests with it are refused from now on',
        security,
        params: channelParams.extend({ id: z.uuid('must be a key id (UUID)') }),
        body: z.object({ reason: storableText(500).optional() }).nullish(),
        response: { 200: z.object({ id: z.string(), revokedAt: z.string() }), ...errorResponses },
      },
      handler: async (request) => {
        const { channel, id } = request.params;
        if (!(await channelExists(db, channel))) throw notFound(`Channel ${channel}`);
        const reason = request.body?.reason?.trim() || undefined;
        const revoked = await auditedBy(request, db)(
          {
            objectType: 'channel',
            objectId: channel,
            action: 'key_revoked',
            snapshot: channelKeysSnapshot,
            reason,
          },
          (trx) => revokeChannelKey(trx, channel, id),
        );
        keyCache.forgetChannel(channel);
        return revoked;
      },
    });
  };
}
