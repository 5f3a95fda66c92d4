// Forecasts over HTTP (purchasing and admins): read a series' forecast with how accurate it has been, list
// forecasts, and start a forecast run on demand (one at a time across instances).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { acceptedDate } from '../../shared/validation/timestamps';
import { actorOf } from '../access/access';
import { allow } from '../access/route-rules';
import { auditedBy } from '../audit/audit';
import { rowSnapshot } from '../audit/snapshots';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import { executeForecastRun } from './forecast-job';
import {
  forecastDetailSchema,
  forecastListQuery,
  forecastSummarySchema,
  listForecasts,
  readForecast,
} from './forecast-queries';
import { claimForecastRun } from './forecast-runs';

const runSchema = z.object({
  id: z.string(),
  asOf: z.string(),
  status: z.enum(['running', 'finished', 'failed', 'abandoned']),
  triggeredBy: z.string(),
  seriesTotal: z.number(),
  seriesDone: z.number(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

const code = z.string().min(1).max(64);

/** Purchasing plans from forecasts; admins and systems (the admin token) may too. */
const planners = allow('admin', 'purchasing', 'admin_token');

export function forecastRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    let stopping = false;
    const inFlight = new Set<Promise<unknown>>();
    app.addHook('onClose', async () => {
      stopping = true;
      await Promise.allSettled(inFlight);
    });

    app.get('/v1/forecasts', {
      config: { access: planners },
      schema: {
        tags: ['forecasts'],
        summary:
          'Stored forecasts per SKU × warehouse with their backtest accuracy, in (sku, warehouse) order',
        security: adminSecurity,
        querystring: forecastListQuery,
        response: {
          200: z.object({ forecasts: z.array(forecastSummarySchema) }),
          ...errorResponses,
        },
      },
      handler: (request) => listForecasts(db, request.query),
    });

    app.get('/v1/forecasts/:warehouseCode/:sku', {
      config: { access: planners },
      schema: {
        tags: ['forecasts'],
        summary:
          "One series' 13-week daily forecast with its interval, weekly totals, and how accurate it has been: backtest MASE/RMSSE against seasonal naive, bias, the last 13 weeks' forecast against what was sold",
        security: adminSecurity,
        params: z.object({ warehouseCode: code, sku: code }),
        response: { 200: forecastDetailSchema, ...errorResponses },
      },
      handler: async (request) => {
        const { warehouseCode, sku } = request.params;
        const forecast = await readForecast(db, warehouseCode, sku);
        if (!forecast)
          throw new ApiError(
            404,
            'no_forecast',
            `No forecast for ${sku} in ${warehouseCode}.`,
            'sku',
          );
        return forecast;
      },
    });

    app.post('/v1/forecast-runs', {
      config: { access: planners },
      schema: {
        tags: ['forecasts'],
        summary: 'Start a forecast run now (409 while one runs on any instance)',
        security: adminSecurity,
        body: z.object({ asOf: acceptedDate().optional() }).default({}),
        response: { 202: runSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const asOf = request.body.asOf ?? new Date().toISOString().slice(0, 10);
        const run = await auditedBy(request, db)(
          {
            objectType: 'forecast_run',
            objectId: (claimed: { id: string }) => claimed.id,
            action: 'started',
            snapshot: rowSnapshot('forecast_runs', 'id'),
          },
          async (trx) => {
            const claimed = await claimForecastRun(
              trx,
              asOf,
              'on_demand',
              actorOf(request.principal!),
            );
            if (!claimed)
              throw new ApiError(409, 'run_in_progress', 'A forecast run is running already.');
            return claimed;
          },
        );
        const job = executeForecastRun(db, run, {
          yieldBetweenChunks: true,
          shouldStop: () => stopping,
        }).catch((err: unknown) => request.log.error({ err }, 'forecast run failed'));
        inFlight.add(job);
        void job.finally(() => inFlight.delete(job));
        return reply.code(202).send(await readRun(db, run.id));
      },
    });

    app.get('/v1/forecast-runs/:id', {
      config: { access: planners },
      schema: {
        tags: ['forecasts'],
        summary: "A forecast run's status and progress",
        security: adminSecurity,
        params: z.object({ id: z.uuid() }),
        response: { 200: runSchema, ...errorResponses },
      },
      handler: (request) => readRun(db, request.params.id),
    });
  };
}

async function readRun(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('forecast_runs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ApiError(404, 'unknown_run', `No forecast run ${id}.`, 'id');
  return {
    id: row.id,
    asOf: row.as_of,
    status: row.status,
    triggeredBy: row.triggered_by,
    seriesTotal: row.series_total,
    seriesDone: row.series_done,
    error: row.error,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}
