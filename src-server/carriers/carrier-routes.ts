// Carrier credentials in the back office and their delivery to stations (station token). Secrets
// are never answered to the back office, nor written to the audit log: only whether they are set.
// Carrier contracts are the admin's; a warehouse lead sees which carriers of their warehouse
// cannot be labelled.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { carrierCodeSchema } from '../../shared/carriers/carrier-adapter';
import { stationCarrierSettingsSchema } from '../../shared/carriers/carrier-credentials';
import { allow, warehouseInParams } from '../access/route-rules';
import { auditedBy } from '../audit/audit';
import type { Database } from '../db/schema';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import { stationOf } from '../stations/station-auth';
import {
  carrierCredentialSnapshot,
  carrierStatuses,
  saveCarrierCredentials,
  stationCarrierSettings,
} from './carrier-credentials';
import type { CarrierSecrets } from './carrier-secrets';

const statusRow = z.object({
  carrier: z.string(),
  status: z.enum(['configured', 'fallback-to-own', 'missing', 'no-adapter']),
  fallbackToOwn: z.boolean(),
  updatedAt: z.string().nullable(),
  problem: z.string().nullable(),
});

export function carrierRoutes(
  db: Kysely<Database>,
  secrets: CarrierSecrets,
  serviceCarriers: readonly string[],
) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const params = z.object({ code: z.string().min(1).max(32), carrier: carrierCodeSchema });

    app.put('/v1/warehouses/:code/carriers/:carrier', {
      config: { access: allow('admin', 'admin_token') },
      schema: {
        tags: ['carriers'],
        summary:
          "Set a warehouse's credentials for a carrier (stored encrypted; absent keeps the stored ones, null removes them) and whether it may fall back to the own carrier",
        security: adminSecurity,
        params,
        body: z
          .object({
            credentials: z.record(z.string(), z.unknown()).nullable().optional(),
            fallbackToOwn: z.boolean().default(false),
          })
          .strict(),
        response: { 204: z.null(), ...errorResponses },
      },
      handler: async (request, reply) => {
        const { code, carrier } = request.params;
        await auditedBy(request, db)(
          {
            objectType: 'carrier_credentials',
            objectId: `${code}/${carrier}`,
            action: 'set',
            snapshot: (trx) => carrierCredentialSnapshot(trx, code, carrier),
          },
          (trx) =>
            saveCarrierCredentials(trx, secrets, {
              warehouseCode: code,
              carrier,
              ...request.body,
            }),
        );
        return reply.code(204).send(null);
      },
    });

    app.get('/v1/warehouses/:code/carriers', {
      config: {
        access: {
          ...allow('admin', 'warehouse_lead', 'admin_token'),
          warehouseOf: warehouseInParams(),
        },
      },
      schema: {
        tags: ['carriers'],
        summary:
          "Each carrier's label status at a warehouse: configured, falling back to the own carrier, or missing credentials",
        security: adminSecurity,
        params: params.pick({ code: true }),
        response: { 200: z.object({ carriers: z.array(statusRow) }), ...errorResponses },
      },
      handler: async (request) => ({
        carriers: await carrierStatuses(db, request.params.code, serviceCarriers),
      }),
    });

    app.get('/v1/stations/carriers', {
      config: { access: allow('station') },
      schema: {
        tags: ['carriers'],
        summary:
          "The carrier credentials and fallback settings of this station's warehouse (station main process only)",
        security: [{ stationToken: [] }],
        response: { 200: stationCarrierSettingsSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        reply.header('Cache-Control', 'no-store');
        const station = stationOf(request);
        return {
          carriers: await stationCarrierSettings(
            db,
            secrets,
            station.warehouseCode,
            serviceCarriers,
          ),
        };
      },
    });
  };
}
