// Demand forecasts per SKU × warehouse, each stored with the backtest accuracy it showed, and
// the runs of the forecast job: at most one runs at a time across instances (a unique index
// over running runs), and a run whose instance died is taken over once its heartbeat is stale.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`create table forecast_runs (
    id uuid primary key,
    as_of date not null,
    status text not null check (status in ('running', 'finished', 'failed', 'abandoned')),
    triggered_by text not null,
    series_total integer not null default 0,
    series_done integer not null default 0,
    error text,
    started_at timestamptz not null default now(),
    heartbeat_at timestamptz not null default now(),
    finished_at timestamptz
  )`,
  sql`create unique index forecast_runs_one_running on forecast_runs ((true)) where status = 'running'`,
  sql`create index forecast_runs_recent on forecast_runs (started_at desc)`,
  sql`create table demand_forecasts (
    warehouse_code text not null,
    sku text not null,
    run_id uuid not null references forecast_runs (id),
    history_start date not null,
    forecast_start date not null,
    demand_class text not null,
    adi double precision,
    cv2 double precision,
    method text not null,
    point jsonb not null,
    lower jsonb not null,
    upper jsonb not null,
    known_demand jsonb not null,
    mase double precision,
    rmsse double precision,
    bias double precision,
    bias_pct double precision,
    naive_mase double precision,
    naive_rmsse double precision,
    beats_naive boolean not null,
    note text,
    error_sd double precision not null,
    candidates jsonb not null,
    backtest jsonb,
    recent_demand jsonb not null,
    created_at timestamptz not null default now(),
    primary key (warehouse_code, sku)
  )`,
  sql`create index demand_forecasts_sku on demand_forecasts (sku)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists demand_forecasts`.execute(db);
  await sql`drop table if exists forecast_runs`.execute(db);
}
