// Stations and their operators, the replicated documents each warehouse's stations sync, the
// number ranges leased to stations, and the shipments stations confirm.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`create table stations (
    id uuid primary key,
    warehouse_code text not null references warehouses (code),
    name text not null,
    enrolment_code_hash text,
    enrolment_expires_at timestamptz,
    token_hash text unique,
    enrolled_at timestamptz,
    revoked_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  sql`create unique index stations_enrolment_code on stations (enrolment_code_hash) where enrolment_code_hash is not null`,
  sql`create table operators (
    id uuid primary key,
    warehouse_code text not null references warehouses (code),
    badge text not null unique,
    name text not null,
    pin_hash text not null,
    pin_salt text not null,
    locale text not null default 'en' check (locale in ('en', 'nl')),
    active boolean not null default true,
    created_at timestamptz not null default now()
  )`,
  // updated_at comes from one sequence; writes per warehouse are serialised with an advisory lock
  // so they commit in sequence order (see docs/sync.md, "Checkpoints").
  sql`create sequence sync_seq`,
  sql`create table sync_documents (
    warehouse_code text not null,
    collection text not null,
    id text not null,
    doc jsonb not null,
    updated_at bigint not null,
    deleted boolean not null default false,
    primary key (warehouse_code, collection, id)
  )`,
  sql`create index sync_documents_checkpoint on sync_documents (warehouse_code, collection, updated_at, id)`,
  sql`create table number_ranges (
    kind text primary key,
    next_serial bigint not null check (next_serial >= 0)
  )`,
  sql`create table number_leases (
    id bigserial primary key,
    station_id uuid not null references stations (id),
    kind text not null,
    first_serial bigint not null,
    last_serial bigint not null,
    created_at timestamptz not null default now()
  )`,
  sql`create table shipments (
    id text primary key,
    fulfillment_id uuid not null references fulfillment_orders (id),
    station_id uuid not null references stations (id),
    operator_id text not null,
    carrier text not null,
    service text not null,
    status text not null check (status in ('accepted', 'refused')),
    refusal_reason text,
    confirmed_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  // At most one accepted shipment per fulfillment: the first confirmed one wins.
  sql`create unique index shipments_one_accepted on shipments (fulfillment_id) where status = 'accepted'`,
  sql`create table cartons (
    sscc char(18) primary key,
    shipment_id text not null references shipments (id),
    box_type text not null,
    weight_grams integer,
    tracking_number text,
    items jsonb not null
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'cartons',
    'shipments',
    'number_leases',
    'number_ranges',
    'sync_documents',
    'operators',
    'stations',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop sequence if exists sync_seq`.execute(db);
}
