// Kysely typings of the forecast tables (migration 0901-forecasts).
import type { ColumnType } from 'kysely';
import type { MethodScore } from './series';

type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type ForecastRunStatus = 'running' | 'finished' | 'failed' | 'abandoned';

export interface ForecastRunsTable {
  id: string;
  as_of: DateOnly;
  status: ForecastRunStatus;
  triggered_by: string;
  series_total: ColumnType<number, number | undefined, number>;
  series_done: ColumnType<number, number | undefined, number>;
  error: string | null;
  started_at: CreatedAt;
  heartbeat_at: ColumnType<Date, Date | string | undefined, Date | string>;
  finished_at: Date | null;
}

export interface StoredBacktest {
  start: string;
  actual: (number | null)[];
  forecast: number[];
}

export interface DemandForecastsTable {
  warehouse_code: string;
  sku: string;
  run_id: string;
  history_start: DateOnly;
  forecast_start: DateOnly;
  demand_class: string;
  adi: number | null;
  cv2: number | null;
  method: string;
  point: Json<number[]>;
  lower: Json<number[]>;
  upper: Json<number[]>;
  /** Known demand per forecast day (subscriptions, accepted quotes), added to the forecast. */
  known_demand: Json<number[]>;
  mase: number | null;
  rmsse: number | null;
  bias: number | null;
  bias_pct: number | null;
  naive_mase: number | null;
  naive_rmsse: number | null;
  beats_naive: boolean;
  note: string | null;
  error_sd: number;
  candidates: Json<MethodScore[]>;
  backtest: Json<StoredBacktest | null> | null;
  recent_demand: Json<(number | null)[]>;
  created_at: CreatedAt;
}

export interface ForecastTables {
  forecast_runs: ForecastRunsTable;
  demand_forecasts: DemandForecastsTable;
}
