// GET /v1/analytics/returns: which products come back most, and why (admin).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptedInstant } from '../../shared/validation/timestamps';
import { allow } from '../access/route-rules';
import { backOfficeRead } from '../db/read-replica';
import type { BackOfficeReads } from '../db/read-replica';
import { ApiError } from '../http/api-error';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import { returnAnalytics, returnAnalyticsSchema } from './return-analytics';

const DAY_MS = 86_400_000;

export function returnAnalyticsRoutes(reads: BackOfficeReads) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/analytics/returns', {
      config: { access: allow('admin', 'finance', 'purchasing', 'admin_token') },
      schema: {
        tags: ['analytics'],
        summary:
          'Return rate per product and per reason, top returned products, reasons per product ([from, to); default: the last 90 days)',
        security: adminSecurity,
        querystring: z.object({
          from: acceptedInstant().optional(),
          to: acceptedInstant().optional(),
          top: z.coerce.number().int().min(1).max(100).default(10),
        }),
        response: { 200: returnAnalyticsSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const to = request.query.to ?? new Date(Date.now() + 1000);
        const from = request.query.from ?? new Date(to.getTime() - 90 * DAY_MS);
        if (from >= to)
          throw new ApiError(400, 'empty_period', '`from` must be before `to`.', 'from');
        return backOfficeRead(reads, reply, (db) =>
          returnAnalytics(db, from, to, request.query.top),
        );
      },
    });
  };
}
