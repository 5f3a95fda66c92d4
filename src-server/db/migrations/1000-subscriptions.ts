// Subscriptions: plans, subscriptions with their lines and append-only history, one renewal row
// per (subscription, cycle) — the key that makes a cycle's order exist at most once — and the
// recurring charges made for renewals (the ledger of what was asked of which payment provider).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`create table subscription_plans (
    id uuid primary key,
    code text not null unique,
    name text not null,
    interval_unit text not null check (interval_unit in ('day', 'week', 'month')),
    interval_count integer not null check (interval_count between 1 and 365),
    day_of_month integer check (day_of_month between 1 and 31),
    cutoff_days integer not null default 0 check (cutoff_days between 0 and 30),
    price_rule text not null check (price_rule in ('fixed', 'current')),
    discount_percent integer not null default 0 check (discount_percent between 0 and 100),
    min_cycles integer not null default 0 check (min_cycles >= 0),
    max_cycles integer check (max_cycles >= 1),
    billing text not null check (billing in ('per_delivery', 'prepaid')),
    prepaid_deliveries integer not null default 1 check (prepaid_deliveries between 1 and 52),
    active boolean not null default true,
    created_at timestamptz not null default now(),
    check (day_of_month is null or interval_unit = 'month'),
    check ((billing = 'prepaid') = (prepaid_deliveries > 1))
  )`,
  sql`create table subscription_plan_products (
    plan_id uuid not null references subscription_plans (id),
    sku text not null references products (sku),
    primary key (plan_id, sku)
  )`,
  sql`create table subscriptions (
    id uuid primary key,
    reference text not null unique,
    channel_code text not null references channels (code),
    external_ref text,
    plan_id uuid not null references subscription_plans (id),
    customer_id uuid not null references customers (id),
    customer jsonb not null,
    email text not null,
    locale text not null,
    currency text not null check (currency ~ '^[A-Z]{3}$'),
    ship_to jsonb not null,
    payment jsonb not null,
    state text not null check (state in ('active', 'paused', 'cancelled', 'expired')),
    paused_until date,
    anchor_date date not null,
    next_cycle_no integer not null default 1 check (next_cycle_no >= 1),
    next_renewal_date date not null,
    cycles_placed integer not null default 0 check (cycles_placed >= 0),
    prepaid_remaining integer not null default 0 check (prepaid_remaining >= 0),
    reminded_for date,
    link_epoch integer not null default 0,
    cancelled_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (channel_code, external_ref),
    check (paused_until is null or state = 'paused')
  )`,
  sql`create index subscriptions_due on subscriptions (next_renewal_date, id)
    where state in ('active', 'paused')`,
  sql`create index subscriptions_customer on subscriptions (customer_id)`,
  sql`create index subscriptions_created on subscriptions (created_at, id)`,
  sql`create table subscription_lines (
    subscription_id uuid not null references subscriptions (id),
    line_no integer not null check (line_no >= 1),
    sku text not null references products (sku),
    quantity integer not null check (quantity between 1 and 1000),
    signup_unit_price_minor integer not null check (signup_unit_price_minor >= 0),
    primary key (subscription_id, line_no)
  )`,
  sql`create index subscription_lines_sku on subscription_lines (sku)`,
  sql`create table subscription_renewals (
    subscription_id uuid not null references subscriptions (id),
    cycle_no integer not null check (cycle_no >= 1),
    renewal_date date not null,
    status text not null check (status in ('stock_short', 'awaiting_payment', 'payment_pending',
      'payment_failed', 'completed', 'unpaid', 'skipped', 'missed', 'cancelled')),
    order_id uuid unique references orders (id),
    charge_kind text not null check (charge_kind in ('charge', 'prepaid')),
    amount_minor integer not null default 0 check (amount_minor >= 0),
    currency text not null,
    attempts integer not null default 0 check (attempts >= 0),
    next_attempt_on date,
    lease_until timestamptz,
    lease_token uuid,
    stock_retry_on date,
    promised_date date,
    shortage jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    settled_at timestamptz,
    primary key (subscription_id, cycle_no),
    check (order_id is not null or status in ('stock_short', 'skipped', 'missed'))
  )`,
  sql`create index subscription_renewals_charge on subscription_renewals (next_attempt_on)
    where status in ('awaiting_payment', 'payment_pending', 'payment_failed')`,
  sql`create index subscription_renewals_date on subscription_renewals (renewal_date)`,
  sql`create table subscription_events (
    id bigserial primary key,
    subscription_id uuid not null references subscriptions (id),
    cycle_no integer,
    type text not null,
    actor text not null,
    detail jsonb not null default '{}',
    created_at timestamptz not null default now()
  )`,
  sql`create index subscription_events_subscription on subscription_events (subscription_id, id)`,
  sql`create index subscription_events_type on subscription_events (type, created_at)`,
  // The history is evidence of who changed what: rows may be added, never changed or removed.
  sql`create function refuse_subscription_event_change() returns trigger language plpgsql as $$
    begin
      raise exception 'subscription_events is append-only';
    end
  $$`,
  sql`create trigger subscription_events_append_only before update or delete on subscription_events
    for each row execute function refuse_subscription_event_change()`,
  sql`create table recurring_charges (
    id uuid primary key,
    idempotency_key text not null unique,
    subscription_id uuid not null,
    cycle_no integer not null,
    attempt integer not null check (attempt >= 1),
    provider text not null,
    amount_minor integer not null check (amount_minor >= 0),
    currency text not null,
    status text not null check (status in ('sending', 'paid', 'pending', 'failed')),
    provider_reference text,
    failure_reason text,
    created_at timestamptz not null default now(),
    settled_at timestamptz,
    foreign key (subscription_id, cycle_no) references subscription_renewals (subscription_id, cycle_no),
    unique (subscription_id, cycle_no, attempt)
  )`,
  sql`create index recurring_charges_created on recurring_charges (created_at, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'recurring_charges',
    'subscription_events',
    'subscription_renewals',
    'subscription_lines',
    'subscriptions',
    'subscription_plan_products',
    'subscription_plans',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists refuse_subscription_event_change()`.execute(db);
}
