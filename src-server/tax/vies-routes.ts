// GET /v1/tax/vat-numbers/{vatNumber}: the offline check of a VAT number and, when VIES_URL is set,
// the live VIES answer (see vies-check.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { allow } from '../access/route-rules';
import type { Database } from '../db/schema';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import { checkVatNumber } from './vies-check';
import type { ViesSettings } from './vies-settings';

const checkers = allow('admin', 'finance', 'sales_rep', 'customer_service', 'admin_token');

const liveSchema = z.object({
  status: z.enum(['off', 'not_applicable', 'valid', 'invalid', 'unavailable']),
  requestDate: z.string().optional(),
  consultationNumber: z.string().nullable().optional(),
  traderName: z.string().nullable().optional(),
  traderAddress: z.string().nullable().optional(),
  cached: z.boolean().optional(),
  error: z.string().optional(),
});

export function viesRoutes(db: Kysely<Database>, settings: ViesSettings) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/tax/vat-numbers/:vatNumber', {
      config: { access: checkers },
      schema: {
        tags: ['tax'],
        summary:
          'Checks a VAT number offline (format, check digits) and, when VIES_URL is set, live with VIES; `live.status` unavailable: the offline result stands',
        security: adminSecurity,
        params: z.object({ vatNumber: z.string().trim().min(2).max(32) }),
        querystring: z.object({
          country: z
            .string()
            .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in capitals'),
        }),
        response: {
          200: z.object({
            vatNumber: z.string(),
            offline: z.object({ valid: z.boolean(), problem: z.string().nullable() }),
            live: liveSchema,
          }),
          ...errorResponses,
        },
      },
      handler: (request) =>
        checkVatNumber(db, settings, request.params.vatNumber, request.query.country),
    });
  };
}
