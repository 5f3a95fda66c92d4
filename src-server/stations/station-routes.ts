// Station administration (admin token), enrolment (the one-time code) and number leases (the
// station token).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { localeSchema } from '../../shared/people/roles';
import { LeaseKind, NumberLease } from '../../shared/station-api/numbering';
import { allow, PUBLIC, warehouseInBody } from '../access/route-rules';
import { auditedBy } from '../audit/audit';
import { rowSnapshot } from '../audit/snapshots';
import type { Database } from '../db/schema';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import { createOperator } from './operators';
import { leaseNumbers, type NumberingConfig } from './number-ranges';
import { stationOf, type StationAuth } from './station-auth';
import { createStation, enrolStation, revokeStation } from './stations';

/** A warehouse lead creates stations and packers for their own warehouses only. */
const leadOrAdmin = {
  ...allow('admin', 'warehouse_lead', 'admin_token'),
  warehouseOf: warehouseInBody,
};

export function stationRoutes(db: Kysely<Database>, auth: StationAuth, numbering: NumberingConfig) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.post('/v1/stations', {
      config: { access: leadOrAdmin },
      schema: {
        tags: ['stations'],
        summary: 'Create a packing station for a warehouse; answers its one-time enrolment code',
        security: adminSecurity,
        body: z.object({
          warehouseCode: z.string().min(1).max(32),
          name: z.string().trim().min(1).max(100),
        }),
        response: {
          201: z.object({
            stationId: z.string(),
            name: z.string(),
            warehouseCode: z.string(),
            enrolmentCode: z.string(),
            expiresAt: z.string(),
          }),
          ...errorResponses,
        },
      },
      handler: async (request, reply) => {
        const created = await auditedBy(request, db)(
          {
            objectType: 'station',
            action: 'created',
            objectId: (station: { stationId: string }) => station.stationId,
            snapshot: rowSnapshot('stations', 'id'),
          },
          (trx) => createStation(trx, request.body),
        );
        return reply.code(201).send(created);
      },
    });

    app.post('/v1/stations/enrol', {
      // The one-time code is the credential, checked by enrolStation.
      config: { access: PUBLIC },
      schema: {
        tags: ['stations'],
        summary: "Exchange a one-time enrolment code for the station's long-lived token",
        body: z.object({ code: z.string().trim().min(6).max(64) }),
        response: {
          200: z.object({
            stationId: z.string(),
            stationName: z.string(),
            warehouseCode: z.string(),
            token: z.string(),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => enrolStation(db, request.body.code),
    });

    app.post('/v1/stations/:id/revoke', {
      config: { access: allow('admin', 'admin_token') },
      schema: {
        tags: ['stations'],
        summary: 'Revoke a station: its token stops working',
        security: adminSecurity,
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
      handler: async (request, reply) => {
        await auditedBy(request, db)(
          {
            objectType: 'station',
            objectId: request.params.id,
            action: 'revoked',
            snapshot: rowSnapshot('stations', 'id'),
          },
          (trx) => revokeStation(trx, request.params.id),
        );
        auth.forget();
        return reply.code(204).send(null);
      },
    });

    app.post('/v1/stations/leases', {
      config: { access: allow('station') },
      schema: {
        tags: ['stations'],
        summary:
          'Lease the next block of SSCC serials or own-carrier tracking serials to this station',
        security: [{ stationToken: [] }],
        body: z.object({ kind: LeaseKind }),
        response: { 200: NumberLease, ...errorResponses },
      },
      handler: async (request) =>
        leaseNumbers(db, numbering, stationOf(request).stationId, request.body.kind),
    });

    app.post('/v1/operators', {
      config: { access: leadOrAdmin },
      schema: {
        tags: ['stations'],
        summary: "Add a packer to a warehouse (badge + PIN); synced to that warehouse's stations",
        security: adminSecurity,
        body: z.object({
          warehouseCode: z.string().min(1).max(32),
          badge: z
            .string()
            .regex(
              /^[A-Z0-9][A-Z0-9-]{0,38}[A-Z0-9]$/,
              'badge: uppercase letters, digits and single hyphens',
            ),
          name: z.string().trim().min(1).max(200),
          pin: z.string().regex(/^\d{4,8}$/, 'pin: 4 to 8 digits'),
          locale: localeSchema.default('en'),
        }),
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
      handler: async (request, reply) => {
        const created = await auditedBy(request, db)(
          {
            objectType: 'operator',
            action: 'created',
            objectId: (operator: { id: string }) => operator.id,
            snapshot: rowSnapshot('operators', 'id'),
          },
          (trx) => createOperator(trx, request.body),
        );
        return reply.code(201).send(created);
      },
    });
  };
}
