// Reading stored forecasts with the accuracy their backtest showed: a page of summaries, and one
// series in full (daily forecast with its interval, weekly totals, and the last 13 weeks'
// backtest forecast against what was sold).
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { addDays } from './days';
import type { DemandForecastsTable } from './forecast-schema';

const accuracySchema = z.object({
  mase: z.number().nullable(),
  rmsse: z.number().nullable(),
  bias: z.number().nullable(),
  biasPct: z.number().nullable(),
  naiveMase: z.number().nullable(),
  naiveRmsse: z.number().nullable(),
  beatsSeasonalNaive: z.boolean(),
  /** One sentence: how accurate this forecast has been. */
  summary: z.string(),
});

export const forecastSummarySchema = z.object({
  sku: z.string(),
  warehouseCode: z.string(),
  demandClass: z.string(),
  method: z.string(),
  forecastStart: z.string(),
  runId: z.string(),
  createdAt: z.string(),
  next13WeeksUnits: z.number(),
  accuracy: accuracySchema,
});

export const forecastDetailSchema = forecastSummarySchema.extend({
  adi: z.number().nullable(),
  cv2: z.number().nullable(),
  historyStart: z.string(),
  daily: z.array(
    z.object({
      day: z.string(),
      units: z.number(),
      lower: z.number(),
      upper: z.number(),
      knownUnits: z.number(),
    }),
  ),
  weekly: z.array(z.object({ weekStart: z.string(), units: z.number() })),
  candidates: z.array(
    z.object({ method: z.string(), mase: z.number(), rmsse: z.number(), bias: z.number() }),
  ),
  backtest: z
    .object({
      start: z.string(),
      days: z.array(
        z.object({ day: z.string(), sold: z.number().nullable(), forecast: z.number() }),
      ),
    })
    .nullable(),
});

type Row = Selectable<DemandForecastsTable>;
const sum = (xs: readonly number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 100) / 100;
const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export function accuracySummary(row: Row): string {
  if (row.mase === null) return row.note ?? 'Not backtested: its accuracy is unknown.';
  const off =
    row.bias_pct === null
      ? ''
      : ` It ${row.bias_pct >= 0 ? 'over' : 'under'}-forecast by ${Math.abs(Math.round(row.bias_pct * 100))} % in total.`;
  const against = row.naive_mase === null ? '' : ` (seasonal naive: ${row.naive_mase.toFixed(2)})`;
  const verdict = row.beats_naive
    ? `better than seasonal naive`
    : (row.note ?? 'not better than seasonal naive');
  return `Over the last 13 weeks ${row.method} scored MASE ${row.mase.toFixed(2)}${against}: ${verdict}.${off}`;
}

function summary(row: Row) {
  return {
    sku: row.sku,
    warehouseCode: row.warehouse_code,
    demandClass: row.demand_class,
    method: row.method,
    forecastStart: row.forecast_start,
    runId: row.run_id,
    createdAt: new Date(row.created_at).toISOString(),
    next13WeeksUnits: sum(row.point),
    accuracy: {
      mase: r3(row.mase),
      rmsse: r3(row.rmsse),
      bias: r3(row.bias),
      biasPct: r3(row.bias_pct),
      naiveMase: r3(row.naive_mase),
      naiveRmsse: r3(row.naive_rmsse),
      beatsSeasonalNaive: row.beats_naive,
      summary: accuracySummary(row),
    },
  };
}

export async function readForecast(db: Kysely<Database>, warehouseCode: string, sku: string) {
  const row = await db
    .selectFrom('demand_forecasts')
    .selectAll()
    .where('warehouse_code', '=', warehouseCode)
    .where('sku', '=', sku)
    .executeTakeFirst();
  if (!row) return null;
  const weekly: { weekStart: string; units: number }[] = [];
  for (let i = 0; i < row.point.length; i += 7) {
    weekly.push({
      weekStart: addDays(row.forecast_start, i),
      units: sum(row.point.slice(i, i + 7)),
    });
  }
  return {
    ...summary(row),
    adi: row.adi,
    cv2: row.cv2,
    historyStart: row.history_start,
    daily: row.point.map((units, i) => ({
      day: addDays(row.forecast_start, i),
      units,
      lower: row.lower[i] ?? 0,
      upper: row.upper[i] ?? 0,
      knownUnits: row.known_demand[i] ?? 0,
    })),
    weekly,
    candidates: row.candidates,
    backtest: row.backtest
      ? {
          start: row.backtest.start,
          days: row.backtest.forecast.map((forecast, i) => ({
            day: addDays(row.backtest!.start, i),
            sold: row.backtest!.actual[i] ?? null,
            forecast,
          })),
        }
      : null,
  };
}

export const forecastListQuery = z.object({
  warehouseCode: z.string().min(1).max(64).optional(),
  sku: z.string().min(1).max(64).optional(),
  demandClass: z.enum(['smooth', 'erratic', 'intermittent', 'lumpy']).optional(),
  beatsSeasonalNaive: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Continue after this `sku` + `warehouseCode` (the last row of the previous page). */
  afterSku: z.string().max(64).optional(),
  afterWarehouseCode: z.string().max(64).optional(),
});

export async function listForecasts(db: Kysely<Database>, q: z.infer<typeof forecastListQuery>) {
  let query = db
    .selectFrom('demand_forecasts')
    .selectAll()
    .orderBy('sku')
    .orderBy('warehouse_code');
  if (q.warehouseCode) query = query.where('warehouse_code', '=', q.warehouseCode);
  if (q.sku) query = query.where('sku', '=', q.sku);
  if (q.demandClass) query = query.where('demand_class', '=', q.demandClass);
  if (q.beatsSeasonalNaive)
    query = query.where('beats_naive', '=', q.beatsSeasonalNaive === 'true');
  if (q.afterSku !== undefined) {
    const afterSku = q.afterSku;
    const afterWh = q.afterWarehouseCode ?? '';
    query = query.where((eb) =>
      eb.or([
        eb('sku', '>', afterSku),
        eb.and([eb('sku', '=', afterSku), eb('warehouse_code', '>', afterWh)]),
      ]),
    );
  }
  const rows = await query.limit(q.limit).execute();
  return { forecasts: rows.map(summary) };
}
