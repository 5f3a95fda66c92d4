// Exchange rates over HTTP: the base currency and the latest rates (finance, reports), an import of
// an ECB reference-rates file (XML or CSV, as the body) and a fetch from the configured source.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { acceptedDate } from '../../shared/validation/timestamps';
import { allow } from '../access/route-rules';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import type { CurrencySettings } from './currency-settings';
import { parseEcbRates, RateFileError } from './ecb-rates';
import { importRates, latestRates } from './exchange-rate-store';
import { RateSourceUnavailable, type RateSource } from './rate-source';

const readers = allow('admin', 'finance', 'purchasing', 'warehouse_lead', 'admin_token');
const importers = allow('admin', 'finance', 'admin_token');

const rateSchema = z.object({
  currency: z.string(),
  date: z.string(),
  perEur: z.string().describe('Units of the currency per euro, an exact decimal'),
  source: z.string(),
});
const importResult = z.object({
  imported: z.number().int(),
  days: z.number().int(),
  firstDay: z.string(),
  lastDay: z.string(),
  skippedCurrencies: z.array(z.string()).describe('Codes that are no ISO 4217 currency (any more)'),
  source: z.string(),
});

export function exchangeRateRoutes(
  db: Kysely<Database>,
  settings: CurrencySettings,
  source: RateSource | null,
) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    for (const type of ['text/xml', 'application/xml', 'text/csv'])
      app.addContentTypeParser(
        type,
        { parseAs: 'string', bodyLimit: 20_000_000 },
        (_r, body, done) => done(null, body),
      );

    app.get('/v1/exchange-rates', {
      config: { access: readers },
      schema: {
        tags: ['currencies'],
        summary:
          'The base currency and the latest reference rate of every currency on or before `date` (default today)',
        security: adminSecurity,
        querystring: z.object({ date: acceptedDate().optional() }),
        response: {
          200: z.object({ baseCurrency: z.string(), rates: z.array(rateSchema) }),
          ...errorResponses,
        },
      },
      handler: async (request) => ({
        baseCurrency: settings.baseCurrency,
        rates: await latestRates(db, request.query.date ?? new Date().toISOString().slice(0, 10)),
      }),
    });

    app.post('/v1/exchange-rates/import', {
      config: { access: importers },
      schema: {
        tags: ['currencies'],
        summary:
          'Imports an ECB euro reference-rates file (eurofxref-daily.xml, eurofxref-hist.xml or the CSV of their zips) sent as the body (text/xml or text/csv); all or nothing',
        security: adminSecurity,
        querystring: z.object({ source: z.string().trim().min(1).max(100).default('ECB upload') }),
        response: { 200: importResult, ...errorResponses },
      },
      handler: async (request) => {
        if (typeof request.body !== 'string' || request.body.trim() === '')
          throw new ApiError(
            400,
            'rates_file_missing',
            'send the rates file as a text/xml or text/csv body',
            'body',
          );
        let file;
        try {
          file = parseEcbRates(request.body);
        } catch (error) {
          if (error instanceof RateFileError)
            throw new ApiError(422, 'rates_file_invalid', error.message, error.where);
          throw error;
        }
        const summary = await importRates(db, file.rates, request.query.source);
        return {
          ...summary,
          skippedCurrencies: file.skippedCurrencies,
          source: request.query.source,
        };
      },
    });

    app.post('/v1/exchange-rates/fetch', {
      config: { access: importers },
      schema: {
        tags: ['currencies'],
        summary:
          'Fetches the reference rates from the configured source (EXCHANGE_RATES_URL, the ECB daily XML) and imports them',
        security: adminSecurity,
        response: { 200: importResult, ...errorResponses },
      },
      handler: async () => {
        if (source === null)
          throw new ApiError(
            409,
            'rate_source_not_configured',
            'No rate source is configured: set EXCHANGE_RATES_URL (e.g. "ecb" for the ECB daily XML) or import a file with POST /v1/exchange-rates/import',
          );
        let file;
        try {
          file = await source.fetchRates();
        } catch (error) {
          if (error instanceof RateSourceUnavailable)
            throw new ApiError(503, 'rate_source_unavailable', error.message);
          throw error;
        }
        const summary = await importRates(db, file.rates, source.name);
        return { ...summary, skippedCurrencies: file.skippedCurrencies, source: source.name };
      },
    });
  };
}
