// Where carriers push tracking: Sendcloud's parcel status webhook (Sendcloud-Signature), and a
// generic endpoint for any carrier or middleware that signs like our own webhooks
// (X-OMS-Signature: t=…,v1=…). The signature is checked on the exact bytes before the body is
// read: a bad signature is 401 whatever the body; a signed but malformed body is 400 naming the
// field. Tracking numbers the OMS does not know are answered, not refused (Sendcloud would retry).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { trackingStateSchema } from '../../shared/carriers/tracking-state';
import { PUBLIC } from '../access/route-rules';
import type { CarrierSecrets } from '../carriers/carrier-secrets';
import type { Database } from '../db/schema';
import { ApiError, fieldPath } from '../http/api-error';
import { errorResponses } from '../http/route-schemas';
import {
  verifyWebhookSignature,
  WEBHOOK_HEADERS,
} from '../notifications/webhooks/webhook-signature';
import {
  SENDCLOUD_SIGNATURE_HEADER,
  sendcloudTrackingEvent,
  sendcloudWebhookSchema,
  verifySendcloudSignature,
} from './sendcloud-webhook';
import type { TrackingConfig } from './tracking-config';
import { recordTrackingEvent } from './tracking-events';

const outcomeSchema = z.enum(['recorded', 'duplicate', 'unknown_tracking_number', 'ignored']);
const resultsSchema = z.object({
  results: z.array(
    z.object({
      trackingNumber: z.string().nullable(),
      eventKey: z.string(),
      outcome: outcomeSchema,
    }),
  ),
});

export const signedTrackingSchema = z
  .object({
    carrier: z.string().min(1).max(40),
    events: z
      .array(
        z
          .object({
            trackingNumber: z.string().min(1).max(80),
            eventId: z.string().min(1).max(200),
            status: z.string().min(1).max(200),
            state: trackingStateSchema.nullable(),
            occurredAt: z.iso.datetime({ offset: true }),
          })
          .strict(),
      )
      .min(1, 'must hold at least one event')
      .max(200),
  })
  .strict();

function parsed<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = fieldPath(issue.path);
    throw new ApiError(400, 'validation_error', `${field || 'body'}: ${issue.message}`, field);
  }
  return result.data;
}

const unsigned = (header: string) =>
  new ApiError(401, 'invalid_signature', `The webhook signature (${header}) does not verify.`);

/** The secrets a Sendcloud call may be signed with: each warehouse's Secret Key, and the signature key. */
async function sendcloudSecrets(
  db: Kysely<Database>,
  secrets: CarrierSecrets,
  config: TrackingConfig,
): Promise<string[]> {
  const rows = await db
    .selectFrom('carrier_credentials')
    .select(['warehouse_code', 'sealed'])
    .where('carrier', '=', 'sendcloud')
    .where('sealed', 'is not', null)
    .execute();
  const keys = rows.map(
    (r) =>
      (
        JSON.parse(secrets.open(r.sealed!, `${r.warehouse_code}/sendcloud`)) as {
          secretKey: string;
        }
      ).secretKey,
  );
  return config.sendcloudWebhookSecret ? [...keys, config.sendcloudWebhookSecret] : keys;
}

export function trackingRoutes(
  db: Kysely<Database>,
  secrets: CarrierSecrets,
  config: TrackingConfig,
  trackingUrlTemplate: string,
) {
  return async (plain: FastifyInstance) => {
    // Signatures cover the exact bytes sent, so keep them (this plugin's routes only).
    plain.decorateRequest('rawBody', undefined);
    plain.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      request.rawBody = body as Buffer;
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch {
        done(new ApiError(400, 'validation_error', 'body: is not JSON', 'body'), undefined);
      }
    });
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post('/v1/tracking/sendcloud', {
      // No credential: Sendcloud signs the body (checked below).
      config: { access: PUBLIC },
      schema: {
        tags: ['tracking'],
        summary:
          "Sendcloud's parcel status webhook (Sendcloud-Signature: HMAC-SHA256 of the body with the integration's Secret Key)",
        headers: z.looseObject({ [SENDCLOUD_SIGNATURE_HEADER]: z.string().max(200).optional() }),
        body: z.unknown(),
        response: { 200: resultsSchema, ...errorResponses },
      },
      handler: async (request) => {
        const header = request.headers[SENDCLOUD_SIGNATURE_HEADER];
        const keys = await sendcloudSecrets(db, secrets, config);
        if (!request.rawBody || !verifySendcloudSignature(request.rawBody, header, keys))
          throw unsigned('Sendcloud-Signature');
        const body = parsed(sendcloudWebhookSchema, request.body);
        const event = sendcloudTrackingEvent(body);
        if (!event)
          return {
            results: [
              {
                trackingNumber: body.parcel?.tracking_number ?? null,
                eventKey: body.action,
                outcome: 'ignored' as const,
              },
            ],
          };
        const outcome = await recordTrackingEvent(
          db,
          'sendcloud-webhook',
          event,
          trackingUrlTemplate,
        );
        return {
          results: [{ trackingNumber: event.trackingNumber, eventKey: event.eventKey, outcome }],
        };
      },
    });

    app.post('/v1/tracking/events', {
      config: { access: PUBLIC },
      schema: {
        tags: ['tracking'],
        summary:
          'Tracking events from any carrier or middleware, already in our states, signed with TRACKING_WEBHOOK_SECRET like our own webhooks (X-OMS-Signature)',
        headers: z.looseObject({ [WEBHOOK_HEADERS.signature]: z.string().max(300).optional() }),
        body: z.unknown(),
        response: { 200: resultsSchema, ...errorResponses },
      },
      handler: async (request) => {
        const header = request.headers[WEBHOOK_HEADERS.signature];
        if (
          !config.webhookSecret ||
          !request.rawBody ||
          !verifyWebhookSignature(config.webhookSecret, header, request.rawBody.toString('utf8'))
        )
          throw unsigned('X-OMS-Signature');
        const body = parsed(signedTrackingSchema, request.body);
        const results = [];
        for (const e of body.events) {
          const eventKey = `${body.carrier}:${e.eventId}`;
          const outcome = await recordTrackingEvent(
            db,
            'signed-webhook',
            {
              trackingNumber: e.trackingNumber,
              eventKey,
              carrierStatus: e.status,
              state: e.state,
              occurredAt: new Date(e.occurredAt).toISOString(),
            },
            trackingUrlTemplate,
          );
          results.push({ trackingNumber: e.trackingNumber, eventKey, outcome });
        }
        return { results };
      },
    });
  };
}
